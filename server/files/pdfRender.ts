// pdfmake set up once for the server: Tinos (metric-compatible with Times New Roman, the typeface
// Decree 30/2020/NĐ-CP prescribes for administrative documents) from the @expo-google-fonts/tinos
// package, no network, and no file access outside those four fonts. Tinos covers every Vietnamese
// letter and every sign the engine's explanations print (→ × ÷ ≥ ≤ ≠ − ≈ « »); it lacks only the set signs
// ∈ ∉ ∋ ∌ of condition summaries (change lists), which no PDF prints.
import { createRequire } from 'node:module';
import path from 'node:path';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';

const require = createRequire(import.meta.url);
const pdfmake = require('pdfmake') as typeof import('pdfmake');

const FONT = 'Tinos';
const FONT_FILES = {
  normal: require.resolve('@expo-google-fonts/tinos/400Regular/Tinos_400Regular.ttf'),
  bold: require.resolve('@expo-google-fonts/tinos/700Bold/Tinos_700Bold.ttf'),
  italics: require.resolve('@expo-google-fonts/tinos/400Regular_Italic/Tinos_400Regular_Italic.ttf'),
  bolditalics: require.resolve('@expo-google-fonts/tinos/700Bold_Italic/Tinos_700Bold_Italic.ttf'),
};
const allowed = new Set(Object.values(FONT_FILES).map((file) => path.resolve(file)));
const readable = (file: string) => allowed.has(path.resolve(file));

pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy(readable);

export async function renderPdf(doc: TDocumentDefinitions): Promise<Buffer> {
  // pdfmake rewrites the font table while resolving it, so each document gets a fresh one.
  pdfmake.setFonts({ [FONT]: { ...FONT_FILES } });
  return pdfmake.createPdf({ defaultStyle: { font: FONT, fontSize: 11 }, ...doc }).getBuffer();
}

export interface TextStyle {
  fontSize: number;
  bold?: boolean;
  italics?: boolean;
}

interface MeasuringFont {
  widthOfString(text: string, size: number): number;
}
interface MeasuringDocument {
  provideFont(family: string, bold: boolean, italics: boolean): MeasuringFont;
}

let measuring: MeasuringDocument | undefined;

/**
 * The width in points of a text on one line, from the same font metrics (and pdfkit document
 * class) that pdfmake lays the page out with, so that a column sized from it holds its text.
 */
export function textWidth(text: string, style: TextStyle): number {
  if (!measuring) {
    const { default: PdfDocument } = require('pdfmake/js/PDFDocument') as {
      default: new (
        fonts: object,
        images: object,
        patterns: object,
        attachments: object,
        options: object,
        vfs: null,
        policy: (file: string) => boolean,
      ) => MeasuringDocument;
    };
    measuring = new PdfDocument({ [FONT]: FONT_FILES }, {}, {}, {}, { autoFirstPage: false }, null, readable);
  }
  return measuring.provideFont(FONT, style.bold ?? false, style.italics ?? false).widthOfString(text, style.fontSize);
}
