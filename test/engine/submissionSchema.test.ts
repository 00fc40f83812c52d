import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { deriveSubmissionSchema, validateSubmission } from '../../server/engine/submissionSchema';
import type { RuleSetVersion } from '../../server/engine/schemaTypes';

const version: RuleSetVersion = JSON.parse(readFileSync(new URL('../fixtures/minimal-version.json', import.meta.url), 'utf8'));

const agency = { id: 'so-noi-vu', name: 'Sở Nội vụ', kind: 'department' };
const validFacts = {
  co_ban_chi_dao: true,
  chu_tri: 'chu_tich',
  so_cuoc_hop: 3,
  ho_so_truc_tuyen: 41,
  tong_ho_so: 50,
  ty_le_hoan_thanh: 82.5,
};

describe('deriveSubmissionSchema', () => {
  const schema = deriveSubmissionSchema(version) as any;
  const facts = schema.properties.facts;

  it('has one property per declared fact, typed from the declaration', () => {
    expect(Object.keys(facts.properties)).toEqual(version.facts.map((f) => f.id));
    expect(facts.additionalProperties).toBe(false);
    expect(facts.properties.so_cuoc_hop).toEqual({
      type: 'integer',
      title: 'Số cuộc họp',
      minimum: 0,
      'x-unit': { vi: 'cuộc', en: 'meetings' },
    });
    expect(facts.properties.ty_le_hoan_thanh).toMatchObject({ type: 'number', minimum: 0, maximum: 100 });
    expect(facts.properties.chu_tri).toMatchObject({ type: 'string', enum: ['chu_tich', 'pho_chu_tich', 'khong'] });
    expect(facts.properties.co_ban_chi_dao).toMatchObject({ type: 'boolean', title: 'Có ban chỉ đạo' });
    expect(facts.properties.ngay_ban_hanh).toMatchObject({ type: ['string', 'null'], format: 'date' });
  });

  it('requires the agency-entered facts only, and cohort-restricted facts only for their cohort', () => {
    expect(facts.required).toEqual(['co_ban_chi_dao', 'chu_tri', 'so_cuoc_hop', 'ho_so_truc_tuyen', 'tong_ho_so', 'ty_le_hoan_thanh']);
    expect(facts.properties.diem_tham_dinh.type).toEqual(['number', 'null']);
    const district = deriveSubmissionSchema(version, { cohort: 'huyen' }) as any;
    expect(district.properties.facts.required).toContain('so_dich_vu_cong');
    const provincial = deriveSubmissionSchema(version, { cohort: 'tinh' }) as any;
    expect(provincial.properties.facts.required).not.toContain('so_dich_vu_cong');
  });

  it('is deterministic', () => {
    expect(JSON.stringify(deriveSubmissionSchema(version))).toBe(JSON.stringify(schema));
  });
});

describe('validateSubmission', () => {
  it('accepts a complete submission, with or without optional and evaluator facts', () => {
    expect(validateSubmission(version, { agency, facts: validFacts })).toEqual([]);
    expect(
      validateSubmission(version, {
        agency,
        facts: { ...validFacts, diem_tham_dinh: 8, so_bao_cao_tre: null, ngay_ban_hanh: '2024-03-01' },
        evidence: {
          ty_le_hoan_thanh: [{ kind: 'link', url: 'https://sonla.gov.vn/ke-hoach' }],
          '1.1': [{ kind: 'explanation', note: 'Quyết định số 12' }],
        },
      }),
    ).toEqual([]);
  });

  it('names the fact by its label, at /facts/<id>', () => {
    const f = validateSubmission(version, {
      agency,
      facts: { ...validFacts, ty_le_hoan_thanh: 120, so_cuoc_hop: 2.5, chu_tri: 'giam_doc' },
    });
    expect(f.map((x) => [x.path, x.message.vi])).toEqual([
      [
        '/facts/chu_tri',
        '"Người chủ trì" (chu_tri): Giá trị "giam_doc" không hợp lệ; phải là một trong: "chu_tich", "pho_chu_tich", "khong"',
      ],
      ['/facts/so_cuoc_hop', '"Số cuộc họp" (so_cuoc_hop): Phải là số nguyên (hiện là 2.5)'],
      ['/facts/ty_le_hoan_thanh', '"Tỷ lệ hoàn thành kế hoạch" (ty_le_hoan_thanh): Phải ≤ 100 (hiện là 120)'],
    ]);
    expect(f[2].message.en).toBe('"Plan completion" (ty_le_hoan_thanh): Must be ≤ 100 (got 120)');
  });

  it('reports missing and unknown facts', () => {
    const { tong_ho_so: _omitted, ...rest } = validFacts;
    const f = validateSubmission(version, { agency, facts: { ...rest, ty_le_ho_so: 1 } });
    expect(f.map((x) => [x.code, x.path])).toEqual([
      ['missing-fact', '/facts/tong_ho_so'],
      ['unknown-fact', '/facts/ty_le_ho_so'],
    ]);
    expect(f[0].message.vi).toBe('Thiếu giá trị của chỉ tiêu "Tổng số hồ sơ" (tong_ho_so)');
  });

  it('requires a cohort-restricted fact when the cohort is given', () => {
    const f = validateSubmission(version, { agency: { ...agency, kind: 'district' }, facts: validFacts }, { cohort: 'huyen' });
    expect(f.map((x) => [x.code, x.path])).toEqual([['missing-fact', '/facts/so_dich_vu_cong']]);
  });

  it('checks the agency and the evidence', () => {
    const f = validateSubmission(version, {
      agency: { id: 'Sở Nội vụ', name: '', kind: 'department' },
      facts: validFacts,
      evidence: { khong_co: [{ kind: 'link' }], '1.1': [{ kind: 'photo' }] },
    });
    expect(f.map((x) => [x.code, x.path])).toEqual([
      ['schema', '/agency/id'],
      ['schema', '/agency/name'],
      ['unknown-evidence-key', '/evidence/khong_co'],
      ['schema', '/evidence/1.1/0/kind'],
    ]);
  });

  it('rejects __proto__, constructor and prototype keys anywhere', () => {
    const submission = JSON.parse(
      `{"agency": {"id": "a", "name": "A", "kind": "department", "constructor": "x"}, "facts": {"__proto__": {"polluted": 1}}, "evidence": {"1.1": [{"kind": "link", "prototype": 1}]}}`,
    );
    const f = validateSubmission(version, submission);
    expect(f.filter((x) => x.code === 'forbidden-key').map((x) => x.path)).toEqual([
      '/agency/constructor',
      '/facts/__proto__',
      '/evidence/1.1/0/prototype',
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('never throws on malformed input', () => {
    for (const input of [
      undefined,
      null,
      1,
      'x',
      [],
      {},
      { agency: null, facts: [] },
      { agency, facts: { co_ban_chi_dao: { nested: true } } },
    ]) {
      const f = validateSubmission(version, input);
      expect(f.length).toBeGreaterThan(0);
      expect(f.every((x) => x.severity === 'error' && typeof x.path === 'string')).toBe(true);
    }
  });
});
