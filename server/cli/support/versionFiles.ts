// The rule-set versions named on a command line: files as given, folders searched recursively for
// JSON with `schemaVersion` (leaving out agencies/ and demo/, which hold other formats).
import { isDirectory, listJsonFiles, readJsonFile, type JsonFile } from './files';

const NOT_VERSIONS = new Set(['agencies', 'demo', 'node_modules']);

const looksLikeVersion = (value: unknown): boolean =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && 'schemaVersion' in value;

export function* versionFiles(paths: readonly string[]): Generator<{ file: string; read: JsonFile }> {
  for (const target of paths) {
    const directory = isDirectory(target);
    for (const file of directory ? listJsonFiles(target, NOT_VERSIONS) : [target]) {
      const read = readJsonFile(file);
      if (directory && read.ok && !looksLikeVersion(read.value)) continue;
      yield { file, read };
    }
  }
}
