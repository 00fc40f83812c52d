// pdfmake set up once for the server: DejaVu Sans Condensed from the dejavu-fonts-ttf package, no
// network, and no file access outside those fonts. pdfmake's own Roboto covers every Vietnamese
// letter but not the arrows and set signs (→ ∈ ∉) that the engine's explanations use, and pdfmake
// has no glyph fallback, so a report card in Roboto would silently drop them.
import { createRequire } from 'node:module';
import path from 'node:path';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';

const require = createRequire(import.meta.url);
const pdfmake = require('pdfmake') as typeof import('pdfmake');

const FONT_DIR = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const FONT_FILES = {
  normal: 'DejaVuSansCondensed.ttf',
  bold: 'DejaVuSansCondensed-Bold.ttf',
  italics: 'DejaVuSansCondensed-Oblique.ttf',
  bolditalics: 'DejaVuSansCondensed-BoldOblique.ttf',
};

const fonts = () => ({
  DejaVu: Object.fromEntries(Object.entries(FONT_FILES).map(([style, file]) => [style, path.join(FONT_DIR, file)])),
});

pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((file) => path.resolve(file).startsWith(FONT_DIR + path.sep));

export async function renderPdf(doc: TDocumentDefinitions): Promise<Buffer> {
  // pdfmake rewrites the font table while resolving it, so each document gets a fresh one.
  pdfmake.setFonts(fonts());
  return pdfmake.createPdf({ defaultStyle: { font: 'DejaVu', fontSize: 10 }, ...doc }).getBuffer();
}
