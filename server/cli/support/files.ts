// Reading the JSON files the commands work on. A missing file is a usage error (exit 2); a file
// that is not JSON is invalid input (exit 1) and is reported like any other problem.
import { accessSync, constants, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

// differ: `diff --exit-code` found changes (git's convention), never together with invalid input.
export const EXIT = { ok: 0, invalid: 1, differ: 1, usage: 2 } as const;

export type JsonFile = { ok: true; value: unknown } | { ok: false; exit: 1 | 2; message: { vi: string; en: string } };

export function readJsonFile(file: string): JsonFile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === 'ENOENT'
      ? { ok: false, exit: EXIT.usage, message: { vi: 'không tìm thấy tệp', en: 'file not found' } }
      : { ok: false, exit: EXIT.usage, message: { vi: `không đọc được tệp (${code})`, en: `cannot read the file (${code})` } };
  }
  try {
    // A byte-order mark is not JSON but editors on Windows write one.
    return { ok: true, value: JSON.parse(text.replace(/^\uFEFF/, '')) };
  } catch (err) {
    const detail = (err as Error).message;
    return { ok: false, exit: EXIT.invalid, message: { vi: `không phải JSON hợp lệ: ${detail}`, en: `not valid JSON: ${detail}` } };
  }
}

/** Why a file cannot be read, or null when it can (read later, e.g. as a stream). */
export function fileProblem(file: string): { vi: string; en: string } | null {
  try {
    accessSync(file, constants.R_OK);
    return statSync(file).isFile() ? null : { vi: 'không phải là tệp', en: 'not a file' };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === 'ENOENT'
      ? { vi: 'không tìm thấy tệp', en: 'file not found' }
      : { vi: `không đọc được tệp (${code})`, en: `cannot read the file (${code})` };
  }
}

export const isDirectory = (p: string): boolean => {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
};

/** Every *.json file under `dir`, sorted, skipping folders named in `skip` (and hidden ones). */
export function listJsonFiles(dir: string, skip: ReadonlySet<string>): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) {
        if (!skip.has(entry.name)) walk(full);
      } else if (entry.isFile() && entry.name.endsWith('.json')) out.push(full);
    }
  };
  walk(dir);
  return out;
}
