// An uploaded file keeps a name a person can trust: no path, no control characters, and no
// bidirectional controls that disguise its type.
import { describe, expect, it } from 'vitest';
import { cleanFileName } from '../../server/services/fileTypes';

describe('evidence file names', () => {
  it('drops right-to-left overrides and other bidirectional controls', () => {
    expect(cleanFileName('photo\u202Egnp.pdf')).toBe('photognp.pdf');
    expect(cleanFileName('a\u2066b\u2069c\u200F.docx')).toBe('abc.docx');
  });
  it('keeps Vietnamese letters, drops paths, control characters and quotes', () => {
    expect(cleanFileName('C:\\tai lieu\\Biên bản "thẩm định"\u0007.pdf')).toBe('Biên bản thẩm định.pdf');
    expect(cleanFileName('\u202E')).toBe('file');
  });
});
