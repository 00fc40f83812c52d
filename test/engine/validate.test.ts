import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { validateVersion } from '../../server/engine/validate';
import { createAjv, SCHEMA_IDS } from '../../server/engine/ajv';

const fixture = JSON.parse(readFileSync(new URL('../fixtures/minimal-version.json', import.meta.url), 'utf8'));

function validateWith(change: (v: any) => void) {
  const v = structuredClone(fixture);
  change(v);
  return validateVersion(v);
}

const paths = (findings: { path: string }[]) => findings.map((f) => f.path);

describe('validateVersion', () => {
  it('accepts the fixture', () => {
    expect(validateVersion(fixture)).toEqual([]);
  });

  it('rejects a non-object document with one finding at the root', () => {
    for (const doc of [null, 42, 'text', []]) {
      const f = validateVersion(doc);
      expect(f).toHaveLength(1);
      expect(f[0]).toMatchObject({ severity: 'error', path: '', code: 'schema' });
      expect(f[0].message.vi).toContain('đối tượng');
      expect(f[0].message.en).toContain('object');
    }
  });

  it('points a missing property at the property itself', () => {
    const f = validateWith((v) => delete v.criteria[0].children[1].max);
    expect(f).toEqual([
      {
        severity: 'error',
        path: '/criteria/0/children/1/max',
        code: 'schema',
        message: { vi: 'Thiếu trường bắt buộc "max"', en: 'Missing required property "max"' },
      },
    ]);
  });

  it('points an extra property at the extra property', () => {
    const f = validateWith((v) => (v.facts[2].unitt = { vi: 'cuộc' }));
    expect(paths(f)).toEqual(['/facts/2/unitt']);
    expect(f[0].message.vi).toContain('không được phép');
  });

  it('translates type, enum, const, minimum, pattern, format and minItems', () => {
    const f = validateWith((v) => {
      v.numeric.places = 'two';
      v.numeric.rounding = 'bankers';
      v.schemaVersion = 2;
      v.cohorts[0].maxScore = 0;
      v.ruleSet = 'Son La';
      v.effective.from = '15/09/2021';
      v.criteria[0].children[0].children = [];
      v.criteria[0].children[0].kind = 'component';
      delete v.criteria[0].children[0].scoring;
      v.criteria[0].children[0].max = -1;
    });
    const byPath = Object.fromEntries(f.map((x) => [x.path, x.message]));
    expect(byPath['/numeric/places'].vi).toBe('Phải là số nguyên (hiện là "two")');
    expect(byPath['/numeric/rounding'].en).toContain('must be one of: "halfUp", "halfEven", "down", "up"');
    expect(byPath['/schemaVersion'].en).toBe('Must be 1');
    expect(byPath['/cohorts/0/maxScore'].vi).toBe('Phải > 0 (hiện là 0)');
    expect(byPath['/ruleSet'].vi).toContain('mã định danh');
    expect(byPath['/effective/from'].en).toContain('YYYY-MM-DD');
    expect(byPath['/criteria/0/children/0/children'].vi).toBe('Cần ít nhất 1 phần tử');
    expect(byPath['/criteria/0/children/0/max'].en).toBe('Must be ≥ 0 (got -1)');
  });

  it('names an unknown scoring method and lists the known ones, without branch noise', () => {
    const f = validateWith((v) => (v.criteria[0].children[0].scoring = { method: 'yesno', when: {} }));
    expect(f).toHaveLength(1);
    expect(f[0].path).toBe('/criteria/0/children/0/scoring/method');
    expect(f[0].message.vi).toContain('Phương pháp chấm điểm không xác định "yesno"');
    expect(f[0].message.en).toContain('yesNo, cases, parts, proportional');
  });

  it('reports the errors of the method actually used', () => {
    const f = validateWith((v) => (v.criteria[0].children[2].scoring = { method: 'tiers', tiers: [{ from: 1, points: 2 }], values: {} }));
    expect(paths(f)).toEqual(['/criteria/0/children/2/scoring/value', '/criteria/0/children/2/scoring/values']);
  });

  it('focuses a broken condition on the form it was aiming at', () => {
    const f = validateWith((v) => {
      v.cohorts[0].membership = { all: [{ fact: 'agency', path: '$.kind', operator: 'equal' }] };
      v.cohorts[1].membership = {};
      v.criteria[0].children[0].scoring.when = { fact: 'co_ban_chi_dao', operator: 'equal', value: true, extra: 1 };
    });
    expect(f.map((x) => [x.path, x.message.en])).toEqual([
      ['/cohorts/0/membership/all/0/value', 'Missing required property "value"'],
      ['/cohorts/1/membership', expect.stringContaining('Invalid condition: expected one of {"all": […]}')],
      ['/criteria/0/children/0/scoring/when/extra', 'Property "extra" is not allowed here'],
    ]);
  });

  it('explains points/fraction and quantity alternatives in one sentence', () => {
    const f = validateWith((v) => {
      v.criteria[0].children[1].scoring.cases[0].points = 10;
      delete v.criteria[0].children[1].scoring.cases[1].points;
      v.criteria[1].children[0].scoring.denominator = 0;
    });
    expect(f.map((x) => [x.path, x.message.en])).toEqual([
      ['/criteria/0/children/1/scoring/cases/0', expect.stringContaining('Exactly one of "points" or "fraction"')],
      ['/criteria/0/children/1/scoring/cases/1', expect.stringContaining('Exactly one of "points" or "fraction"')],
      ['/criteria/1/children/0/scoring/denominator', 'Must be > 0 (got 0)'],
    ]);
  });

  it('rejects prototype keys anywhere in the document', () => {
    const v = JSON.parse(JSON.stringify(fixture).replace('"legalRef"', '"__proto__": {"polluted": true}, "legalRef"'));
    const f = validateVersion(v);
    expect(f.map((x) => [x.code, x.path])).toEqual([['forbidden-key', '/criteria/0/children/0/__proto__']]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('escapes JSON Pointer tokens', () => {
    const f = validateWith((v) => (v.criteria[1].maxByCohort['a/b'] = 1));
    expect(paths(f)).toEqual(['/criteria/1/maxByCohort/a~1b']);
  });
});

describe('createAjv', () => {
  it('gives the server validators for every format, referencing each other', () => {
    const ajv = createAjv();
    const submission = ajv.getSchema(SCHEMA_IDS.submission)!;
    expect(submission({ agency: { id: 'so-noi-vu', name: 'Sở Nội vụ', kind: 'department' }, facts: { a: 1 } })).toBe(true);
    expect(submission({ agency: { id: 'Sở', name: 'Sở Nội vụ', kind: 'department' }, facts: {} })).toBe(false);
    expect(ajv.getSchema(SCHEMA_IDS.ruleset)!(fixture)).toBe(true);
  });
});
