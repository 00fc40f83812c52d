import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { checkVersion, lintVersion } from '../../server/engine/lint';
import { validateVersion } from '../../server/engine/validate';
import type { Agency, RuleSetVersion } from '../../server/engine/schemaTypes';
import type { Finding } from '../../server/engine/finding';

const fixture: RuleSetVersion = JSON.parse(readFileSync(new URL('../fixtures/minimal-version.json', import.meta.url), 'utf8'));

/** The fixture changed by `change`; the change must keep it schema-valid so only the linter speaks. */
async function lintWith(change: (v: any) => void, agencies?: Agency[]): Promise<Finding[]> {
  const v = structuredClone(fixture) as any;
  change(v);
  expect(validateVersion(v)).toEqual([]);
  return lintVersion(v, { agencies });
}

const pick = (findings: Finding[], code: string) => findings.filter((f) => f.code === code).map((f) => [f.severity, f.path]);

const expectBilingual = (findings: Finding[]) => {
  for (const f of findings) {
    expect(f.message.vi.length).toBeGreaterThan(0);
    expect(f.message.en.length).toBeGreaterThan(0);
    expect(f.message.vi).not.toEqual(f.message.en);
  }
};

describe('lintVersion', () => {
  it('finds nothing wrong with the fixture', async () => {
    const findings = await lintVersion(fixture, {
      agencies: [
        { id: 'so-noi-vu', name: 'Sở Nội vụ', kind: 'department' },
        { id: 'moc-chau', name: 'Huyện Mộc Châu', kind: 'district' },
      ],
    });
    expect(findings).toEqual([]);
  });

  describe('uniqueness', () => {
    it('reports a repeated node code at the repeat', async () => {
      const f = await lintWith((v) => (v.criteria[1].children[0].code = '1.1'));
      expect(pick(f, 'duplicate-code')).toEqual([['error', '/criteria/1/children/0/code']]);
      expect(f.find((x) => x.code === 'duplicate-code')!.message.en).toContain('/criteria/0/children/0/code');
      expectBilingual(f);
    });
    it('reports repeated fact, cohort and band ids', async () => {
      const f = await lintWith((v) => {
        v.facts.push({ ...v.facts[0] });
        v.cohorts.push({ ...v.cohorts[0], membership: { fact: 'agency', path: '$.kind', operator: 'equal', value: 'board' } });
        v.bands.levels[1].id = 'tot';
        v.cohorts[1].bands.levels[2].id = 'kha';
      });
      expect(pick(f, 'duplicate-fact')).toEqual([['error', '/facts/11/id']]);
      expect(pick(f, 'duplicate-cohort')).toEqual([['error', '/cohorts/2/id']]);
      expect(pick(f, 'duplicate-band')).toEqual([
        ['error', '/bands/levels/1/id'],
        ['error', '/cohorts/1/bands/levels/2/id'],
      ]);
    });
    it('reserves the fact id "agency"', async () => {
      const f = await lintWith((v) => v.facts.push({ id: 'agency', type: 'text', label: { vi: 'Cơ quan' } }));
      expect(pick(f, 'reserved-fact')).toEqual([['error', '/facts/11/id']]);
    });
  });

  describe('maxima', () => {
    it('reports children not adding up to the declared maximum of their parent', async () => {
      const f = await lintWith((v) => (v.criteria[0].children[0].max = 15));
      expect(pick(f, 'parent-max-mismatch')).toEqual([['error', '/criteria/0/max']]);
      const m = f.find((x) => x.code === 'parent-max-mismatch')!.message;
      expect(m.vi).toContain('Chỉ số 1');
      expect(m.vi).toContain('35');
      expect(m.en).toContain('not the declared maximum 30');
    });
    it('checks a per-cohort maximum against the children of that cohort', async () => {
      const f = await lintWith((v) => (v.criteria[1].maxByCohort.huyen = 35));
      expect(pick(f, 'parent-max-mismatch')).toEqual([['error', '/criteria/1/maxByCohort/huyen']]);
    });
    it('accepts children above a capped parent', async () => {
      const f = await lintWith((v) => {
        v.criteria[0].children[0].max = 15;
        v.criteria[0].capped = true;
      });
      expect(pick(f, 'parent-max-mismatch')).toEqual([]);
    });
    it('reports a cohort whose criteria do not add up to its declared maximum', async () => {
      const f = await lintWith((v) => (v.cohorts[1].maxScore = 100));
      expect(pick(f, 'cohort-max-mismatch')).toEqual([['error', '/cohorts/1/maxScore']]);
      expect(f.find((x) => x.code === 'cohort-max-mismatch')!.message.en).toContain('add up to 70');
    });
    it('counts deduction, not-scored and not-applicable items as 0', async () => {
      const f = await lintWith((v) => {
        v.criteria[1].children[5].max = 5;
        v.criteria[1].children[4].max = 3;
      });
      expect(pick(f, 'cohort-max-mismatch')).toEqual([]);
      expect(pick(f, 'parent-max-mismatch')).toEqual([]);
      expect(pick(f, 'zero-max-expected')).toEqual([
        ['warning', '/criteria/1/children/4/max'],
        ['warning', '/criteria/1/children/5/max'],
      ]);
    });
  });

  describe('bands', () => {
    it('requires thresholds strictly descending', async () => {
      const f = await lintWith((v) => (v.bands.levels[2].min = 40));
      expect(pick(f, 'bands-order')).toEqual([['error', '/bands/levels/2/min']]);
    });
    it('requires the lowest band to start at 0', async () => {
      const f = await lintWith((v) => (v.cohorts[1].bands.levels[2].min = 10));
      expect(pick(f, 'bands-not-from-zero')).toEqual([['error', '/cohorts/1/bands/levels/2/min']]);
    });
    it('rejects a points threshold above the maximum of a cohort using the bands', async () => {
      const f = await lintWith((v) => (v.bands.levels[0].min = 65));
      expect(pick(f, 'band-above-max')).toEqual([['error', '/bands/levels/0/min']]);
    });
    it('rejects a percentage threshold above 100', async () => {
      const f = await lintWith((v) => (v.cohorts[1].bands.levels[0].min = 101));
      expect(pick(f, 'band-above-max')).toEqual([['error', '/cohorts/1/bands/levels/0/min']]);
    });
  });

  describe('tiers', () => {
    const tiersAt = '/criteria/0/children/2/scoring/tiers';
    it('reports a tier covered by earlier tiers', async () => {
      const f = await lintWith((v) => v.criteria[0].children[2].scoring.tiers.push({ from: 5, to: 8, points: 3 }));
      expect(pick(f, 'tier-unreachable')).toEqual([['error', `${tiersAt}/3`]]);
    });
    it('reports an empty tier (from ≥ to)', async () => {
      const f = await lintWith((v) => (v.criteria[0].children[2].scoring.tiers[1] = { from: 4, to: 2, points: 5 }));
      expect(pick(f, 'tier-empty')).toEqual([['error', `${tiersAt}/1`]]);
    });
    it('warns about overlapping tiers', async () => {
      const f = await lintWith((v) => (v.criteria[0].children[2].scoring.tiers[1].to = 5));
      expect(pick(f, 'tiers-overlap')).toEqual([['warning', `${tiersAt}/1`]]);
    });
    it('warns about gaps between tiers', async () => {
      const f = await lintWith((v) => (v.criteria[0].children[2].scoring.tiers[2].to = 1));
      expect(pick(f, 'tiers-gap')).toEqual([['warning', tiersAt]]);
      expect(f.find((x) => x.code === 'tiers-gap')!.message.vi).toContain('từ 1 đến dưới 2');
    });
    it('warns about tiers out of order', async () => {
      const f = await lintWith((v) => {
        const t = v.criteria[0].children[2].scoring.tiers;
        v.criteria[0].children[2].scoring.tiers = [t[1], t[0], t[2]];
      });
      expect(pick(f, 'tiers-unordered')).toEqual([['warning', tiersAt]]);
    });
    it('rejects tier points above the maximum', async () => {
      const f = await lintWith((v) => (v.criteria[0].children[2].scoring.tiers[0].points = 12));
      expect(pick(f, 'tier-points-above-max')).toEqual([['error', `${tiersAt}/0/points`]]);
    });
  });

  describe('cases and parts', () => {
    it('rejects case points above the maximum', async () => {
      const f = await lintWith((v) => (v.criteria[0].children[1].scoring.cases[1].points = 11));
      expect(pick(f, 'case-points-above-max')).toEqual([['error', '/criteria/0/children/1/scoring/cases/1/points']]);
    });
    it('warns when parts add up to more than the maximum (capped), and rejects a part above it', async () => {
      const f = await lintWith((v) => {
        v.criteria[0].children[1].scoring = {
          method: 'parts',
          parts: [
            { when: { fact: 'co_ban_chi_dao', operator: 'equal', value: true }, fraction: 0.5, label: { vi: 'A' } },
            { when: { fact: 'chu_tri', operator: 'equal', value: 'chu_tich' }, points: 8, label: { vi: 'B' } },
          ],
        };
      });
      expect(pick(f, 'parts-sum-above-max')).toEqual([['warning', '/criteria/0/children/1/scoring/parts']]);
      expect(pick(f, 'part-points-above-max')).toEqual([]);
      const g = await lintWith((v) => {
        v.criteria[0].children[1].scoring = {
          method: 'parts',
          parts: [{ when: { fact: 'chu_tri', operator: 'equal', value: 'chu_tich' }, points: 12, label: { vi: 'B' } }],
        };
      });
      expect(pick(g, 'part-points-above-max')).toEqual([['error', '/criteria/0/children/1/scoring/parts/0/points']]);
    });
    it('checks points inside composite parts against the part maximum', async () => {
      const f = await lintWith((v) => {
        v.criteria[0].children[2].scoring = {
          method: 'composite',
          parts: [
            { label: { vi: 'Họp' }, max: 4, scoring: { method: 'tiers', value: { fact: 'so_cuoc_hop' }, tiers: [{ from: 1, points: 5 }] } },
            {
              label: { vi: 'Ban' },
              max: 6,
              scoring: { method: 'yesNo', when: { fact: 'co_ban_chi_dao', operator: 'equal', value: true } },
            },
          ],
        };
      });
      expect(pick(f, 'tier-points-above-max')).toEqual([['error', '/criteria/0/children/2/scoring/parts/0/scoring/tiers/0/points']]);
      expect(pick(f, 'composite-sum-above-max')).toEqual([]);
    });
  });

  describe('facts', () => {
    it('reports a fact read but not declared, with the path of the reference', async () => {
      const f = await lintWith(
        (v) =>
          (v.criteria[0].children[0].scoring.when = {
            all: [v.criteria[0].children[0].scoring.when, { fact: 'khong_co', operator: 'equal', value: 1 }],
          }),
      );
      expect(pick(f, 'undeclared-fact')).toEqual([['error', '/criteria/0/children/0/scoring/when/all/1/fact']]);
    });
    it('reports a proportional numerator or denominator that is not declared', async () => {
      const f = await lintWith((v) => {
        v.criteria[1].children[0].scoring.numerator = 'tu_so';
        v.criteria[1].children[0].scoring.denominator = 'mau_so';
      });
      expect(pick(f, 'undeclared-fact')).toEqual([
        ['error', '/criteria/1/children/0/scoring/numerator'],
        ['error', '/criteria/1/children/0/scoring/denominator'],
      ]);
    });
    it('warns about a declared fact nobody reads', async () => {
      const f = await lintWith((v) => v.facts.push({ id: 'thua', type: 'number', label: { vi: 'Thừa' } }));
      expect(pick(f, 'unused-fact')).toEqual([['warning', '/facts/11']]);
    });
    it('rejects tiers over a boolean fact', async () => {
      const f = await lintWith((v) => (v.criteria[0].children[2].scoring.value.fact = 'co_ban_chi_dao'));
      expect(pick(f, 'fact-type')).toEqual([['error', '/criteria/0/children/2/scoring/value/fact']]);
    });
    it('warns when a manual score is not entered by the evaluator', async () => {
      const f = await lintWith((v) => delete v.facts[7].enteredBy);
      expect(pick(f, 'manual-fact-not-evaluator')).toEqual([['warning', '/criteria/1/children/2/scoring/fact']]);
    });
    it('warns when an item of every cohort reads a fact asked of one cohort only', async () => {
      const f = await lintWith((v) => delete v.criteria[1].children[3].cohorts);
      expect(pick(f, 'fact-cohort-mismatch')).toEqual([['warning', '/criteria/1/children/3/scoring/fact']]);
    });
    it('checks agency attribute paths', async () => {
      const f = await lintWith((v) => {
        v.criteria[0].children[0].applicableWhen = { fact: 'agency', path: '$.khongCo', operator: 'equal', value: true };
        v.criteria[0].children[1].applicableWhen = { fact: 'agency', path: '$.co_dich_vu_cong', operator: 'equal', value: true };
      });
      expect(pick(f, 'unknown-agency-attribute')).toEqual([['warning', '/criteria/0/children/0/applicableWhen/path']]);
    });
  });

  describe('conditions', () => {
    it('rejects an unknown operator and accepts decorated ones', async () => {
      const f = await lintWith((v) => {
        v.criteria[0].children[0].scoring.when.operator = 'equals';
        v.cohorts[0].membership.operator = 'not:notIn';
      });
      expect(pick(f, 'unknown-operator')).toEqual([['error', '/criteria/0/children/0/scoring/when/operator']]);
      const g = await lintWith((v) => (v.criteria[0].children[0].scoring.when.operator = 'everyValue:equal'));
      expect(pick(g, 'unknown-operator')).toEqual([]);
    });
    it('rejects comparing a boolean fact with a number operator', async () => {
      const f = await lintWith(
        (v) => (v.criteria[0].children[0].scoring.when = { fact: 'co_ban_chi_dao', operator: 'greaterThan', value: 0 }),
      );
      expect(pick(f, 'operator-fact-type')).toEqual([['error', '/criteria/0/children/0/scoring/when/operator']]);
    });
    it('rejects a value of the wrong type and an unknown option', async () => {
      const f = await lintWith((v) => {
        v.criteria[0].children[0].scoring.when.value = 'co';
        v.criteria[0].children[1].scoring.cases[1].when.value = 'giam_doc';
      });
      expect(pick(f, 'condition-value-type')).toEqual([['error', '/criteria/0/children/0/scoring/when/value']]);
      expect(pick(f, 'unknown-option')).toEqual([['error', '/criteria/0/children/1/scoring/cases/1/when/value']]);
    });
  });

  describe('references', () => {
    it('rejects unknown cohorts named by nodes, maxima and facts', async () => {
      const f = await lintWith((v) => {
        v.criteria[1].children[3].cohorts = ['xa'];
        v.criteria[1].maxByCohort = { huyen: 40, xa: 40 };
        v.facts[10].cohorts = ['huyen', 'xa'];
      });
      expect(pick(f, 'unknown-cohort')).toEqual([
        ['error', '/criteria/1/maxByCohort/xa'],
        ['error', '/criteria/1/children/3/cohorts/0'],
        ['error', '/facts/10/cohorts/1'],
      ]);
    });
    it('rejects a tie-breaker naming no node', async () => {
      const f = await lintWith((v) => (v.ranking.tieBreakers = [{ node: '9.9' }]));
      expect(pick(f, 'unknown-node')).toEqual([['error', '/ranking/tieBreakers/0/node']]);
    });
  });

  it('warns about a provisional item without a source note', async () => {
    const f = await lintWith((v) => delete v.criteria[0].children[1].source);
    expect(pick(f, 'provisional-without-source')).toEqual([['warning', '/criteria/0/children/1/provisional']]);
  });

  it('rejects an effective period ending before it starts', async () => {
    const f = await lintWith((v) => (v.effective.to = '2023-12-31'));
    expect(pick(f, 'effective-order')).toEqual([['error', '/effective/to']]);
  });

  describe('cohort membership of agencies', () => {
    it('reports an agency in no cohort and one in two', async () => {
      const f = await lintWith(
        (v) => (v.cohorts[1].membership = { fact: 'agency', path: '$.kind', operator: 'in', value: ['district', 'office'] }),
        [
          { id: 'van-phong', name: 'Văn phòng UBND tỉnh', kind: 'office' },
          { id: 'xa-a', name: 'Xã A', kind: 'commune' },
          { id: 'so-noi-vu', name: 'Sở Nội vụ', kind: 'department' },
        ],
      );
      expect(f.filter((x) => x.code.startsWith('agency-')).map((x) => [x.code, x.path])).toEqual([
        ['agency-many-cohorts', '/cohorts'],
        ['agency-no-cohort', '/cohorts'],
      ]);
      expect(f.find((x) => x.code === 'agency-many-cohorts')!.message.vi).toContain('Văn phòng UBND tỉnh');
      expect(f.find((x) => x.code === 'agency-no-cohort')!.message.en).toContain('Xã A');
    });
  });
});

describe('embedded test cases', () => {
  it('rejects expectations naming unknown cohorts, bands, nodes and result fields', async () => {
    const f = await lintWith((v) => {
      v.tests = [
        {
          name: 'Sở Nội vụ',
          agency: { id: 'so-noi-vu', name: 'Sở Nội vụ', kind: 'department' },
          facts: { co_ban_chi_dao: true, khong_co: 1 },
          expect: { cohort: 'xa', band: 'xuat_sac', points: { '1.1': 10, '9.9': 1 }, results: { dti: 0.5 } },
        },
      ];
    });
    expect(f.map((x) => [x.code, x.severity, x.path])).toEqual([
      ['unknown-cohort', 'error', '/tests/0/expect/cohort'],
      ['unknown-band', 'error', '/tests/0/expect/band'],
      ['unknown-node', 'error', '/tests/0/expect/points/9.9'],
      ['unknown-result-field', 'error', '/tests/0/expect/results/dti'],
      ['undeclared-fact', 'warning', '/tests/0/facts/khong_co'],
    ]);
  });
});

describe('cohort rules that cannot run', () => {
  it('are reported, not thrown, when agencies are checked', async () => {
    const f = await lintWith((v) => (v.cohorts[0].membership.operator = 'bogus'), [{ id: 'a', name: 'A', kind: 'department' }]);
    expect(f.map((x) => [x.code, x.path])).toEqual([
      ['unknown-operator', '/cohorts/0/membership/operator'],
      ['membership-unchecked', '/cohorts'],
    ]);
  });
});

describe('checkVersion', () => {
  it('stops at schema errors and lints only a schema-valid document', async () => {
    const broken = structuredClone(fixture) as any;
    broken.criteria[0].children[0].code = '1.2';
    delete broken.criteria[0].children[0].max;
    const f = await checkVersion(broken);
    expect(f.map((x) => [x.code, x.path])).toEqual([['schema', '/criteria/0/children/0/max']]);
    delete broken.effective;
    broken.criteria[0].children[0].max = 10;
    const g = await checkVersion(broken);
    expect(g.map((x) => [x.code, x.path])).toEqual([['schema', '/effective']]);
    broken.effective = { from: '2024-01-01' };
    const h = await checkVersion(broken);
    expect(h.map((x) => [x.code, x.path])).toEqual([['duplicate-code', '/criteria/0/children/1/code']]);
  });

  it('never throws on malformed input', async () => {
    for (const doc of [null, 0, 'x', [], {}, { criteria: [{}] }, JSON.parse('{"__proto__": {"x": 1}}')]) {
      const f = await checkVersion(doc);
      expect(f.length).toBeGreaterThan(0);
      expect(f.every((x) => x.severity === 'error')).toBe(true);
    }
  });
});
