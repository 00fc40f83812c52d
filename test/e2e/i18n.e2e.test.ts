// The console speaks Vietnamese first: every react-admin message and every message of ours must
// exist in Vietnamese, and every key the code asks for must exist in both languages.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import englishMessages from 'ra-language-english';
import { vi } from '../../console/src/i18n/vi';
import { en } from '../../console/src/i18n/en';
import { METHOD_NAMES } from '../../server/engine';
import { OPERATORS } from '../../console/src/versions/editor/conditions/operators';
import { REPLAY_FINDINGS } from '../../console/src/replay/replayFindings';

const keys = (obj: unknown, prefix = ''): string[] =>
  obj && typeof obj === 'object'
    ? Object.entries(obj).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]))
    : [];

const get = (obj: any, key: string) => key.split('.').reduce((v, k) => (v == null ? v : v[k]), obj);

const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : /\.tsx?$/.test(f) ? [p] : [];
  });

const consoleDir = path.resolve(__dirname, '../../console/src');
const files = sources(consoleDir).filter((f) => !f.includes(`${path.sep}i18n${path.sep}`));
const code = files.map((f) => readFileSync(f, 'utf8')).join('\n');
// the version editor's inputs translate short field names through useBound's t()
const editorCode = files
  .filter((f) => f.includes(`${path.sep}versions${path.sep}editor${path.sep}`))
  .map((f) => readFileSync(f, 'utf8'))
  .join('\n');

describe('console translations', () => {
  it('translate every react-admin message into Vietnamese', () => {
    const missing = keys(englishMessages).filter((k) => typeof get(vi, k) !== 'string');
    expect(missing).toEqual([]);
  });

  it('have the same keys in Vietnamese and English', () => {
    const ours = (m: any) => keys({ resources: m.resources, chiso: m.chiso });
    expect(ours(vi).filter((k) => !ours(en).includes(k))).toEqual([]);
    expect(ours(en).filter((k) => !ours(vi).includes(k))).toEqual([]);
  });

  it('translate rather than copy the English', () => {
    const same = keys(englishMessages)
      .concat(keys({ chiso: (en as any).chiso }))
      .filter((k) => {
        const e = get(englishMessages, k) ?? get(en, k);
        const v = get(vi, k);
        return typeof e === 'string' && e === v && /[a-z]{3,}/i.test(e.replace(/%\{\w+\}/g, '')) && !/^(JSON|[%≥≤<>]|Email)$/.test(e);
      });
    expect(same).toEqual([]);
  });

  it('write Vietnamese with its diacritics', () => {
    // Vietnamese sentences without a single marked letter are almost always typed without accents.
    const marked = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;
    const bare = keys(vi)
      .map((k) => [k, get(vi, k)] as const)
      .filter(
        ([, v]) => typeof v === 'string' && v.split(/\s+/).filter((w: string) => /^[A-Za-z]{2,}$/.test(w)).length >= 3 && !marked.test(v),
      );
    expect(bare).toEqual([]);
  });

  it('define every key the code asks for, in both languages', () => {
    const used = new Set<string>();
    for (const m of code.matchAll(/['"`]((?:chiso|resources)\.[A-Za-z0-9_.-]+)['"`]/g)) used.add(m[1]);
    for (const m of editorCode.matchAll(/\bt\(['"]([A-Za-z]+)['"]\)/g)) used.add(`chiso.editor.field.${m[1]}`);
    // editor inputs translate their `label` prop as a field name
    for (const m of code.matchAll(/<P(?:Text|Number|Select|Bool|Lt|Fact|Cohorts)\b[^>]*?\blabel="([A-Za-z]+)"/g))
      used.add(`chiso.editor.field.${m[1]}`);
    // keys built from enumerations
    for (const s of ['draft', 'published', 'retired', 'open', 'appraisal', 'closed', 'submitted', 'appraised'])
      used.add(`chiso.status.${s}`);
    for (const r of ['admin', 'evaluator', 'auditor', 'agency']) used.add(`chiso.role.${r}`);
    for (const m of METHOD_NAMES) used.add(`chiso.method.${m}`).add(`chiso.methodHelp.${m}`);
    for (const o of OPERATORS) used.add(`chiso.operator.${o}`);
    for (const k of ['group', 'index', 'component', 'criterion']) used.add(`chiso.kind.${k}`);
    for (const f of ['cohort', 'total', 'max', 'percentage', 'band', 'average']) used.add(`chiso.editor.testCases.field.${f}`);
    for (const w of REPLAY_FINDINGS) used.add(`chiso.replay.why.${w}`);
    for (const t of ['general', 'criteria', 'facts', 'cohorts', 'bands', 'lint', 'tests', 'impact', 'raw'])
      used.add(`chiso.editor.tab.${t}`);
    const missing = [...used].filter((k) => typeof get(vi, k) !== 'string' || typeof get(en, k) !== 'string');
    expect(missing).toEqual([]);
  });
});
