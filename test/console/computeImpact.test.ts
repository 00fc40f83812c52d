// The impact preview (console/src/versions/impact/computeImpact.ts): while an administrator edits
// a draft, the console re-scores the period's submissions under the draft and lines the result up
// against the ranking the server stored. The administrator relies on the rows marked "changed"
// being exactly the agencies whose band or rank would change, with the right before/after values.
//
// The stored ranking is built here the way the server builds it (full evaluation, then ranking,
// then JSON over HTTP), from test/fixtures/minimal-version.json and minimal-submissions.json:
//   tỉnh (points bands tốt ≥ 50, khá ≥ 40, trung bình ≥ 30, yếu ≥ 0):
//     Sở Nội vụ 54.7 tốt #1 · Sở Tư pháp 27.5 yếu #2 · Văn phòng UBND tỉnh 8.5 yếu #3
//   huyện (percentage bands tốt ≥ 85 %, khá ≥ 70 %, of max 70):
//     UBND huyện Mộc Châu 68 = 97.14 % tốt #1
import { describe, expect, it } from 'vitest';
import { compileVersion, evaluateSubmissions, rankEvaluations } from '../../server/engine';
import type { Ranking, RuleSetVersion, SubmissionInput } from '../../server/engine';
import { computeImpact, standings, toAgency, type ImpactRow } from '../../console/src/versions/impact/computeImpact';
import { setAt } from '../../console/src/versions/editor/docOps';
import { toEngineAgency } from '../../server/store/agencies';
import minimalVersion from '../fixtures/minimal-version.json';
import minimalSubmissions from '../fixtures/minimal-submissions.json';

const version = (): RuleSetVersion => structuredClone(minimalVersion) as unknown as RuleSetVersion;
const inputs = (): SubmissionInput[] => structuredClone(minimalSubmissions) as unknown as SubmissionInput[];

/** The period's ranking as GET /periods/:id/ranking returns it. */
const storedRanking = (doc: RuleSetVersion, subs: SubmissionInput[]): Ranking => {
  const compiled = compileVersion(doc);
  return JSON.parse(JSON.stringify(rankEvaluations(compiled, evaluateSubmissions(compiled, subs))));
};

const changed = (rows: ImpactRow[]) => rows.filter((r) => r.bandChanged || r.rankChanged).map((r) => r.agencyId);
const row = (rows: ImpactRow[], id: string) => {
  const r = rows.find((x) => x.agencyId === id);
  if (!r) throw new Error(`no row for ${id}`);
  return r;
};

describe('computeImpact', () => {
  const stored = storedRanking(version(), inputs());

  it('the draft as published shows no change for anyone (the browser scores like the server)', () => {
    const rows = computeImpact(version(), inputs(), stored);
    expect(rows.map((r) => r.agencyId)).toEqual(['so-noi-vu', 'so-tu-phap', 'van-phong', 'moc-chau']);
    expect(changed(rows)).toEqual([]);
    for (const r of rows) {
      expect(r.delta).toBe(0);
      expect(r.after).toEqual(r.before);
    }
    expect(row(rows, 'so-noi-vu').before).toMatchObject({ cohort: 'tinh', total: 54.7, rank: 1, band: { id: 'tot' } });
    expect(row(rows, 'so-tu-phap').agencyName).toBe('Sở Tư pháp');
    // each row knows its cohort, so that the preview shows one table (and one rank 1) per cohort
    expect(rows.map((r) => r.cohort)).toEqual(['tinh', 'tinh', 'tinh', 'huyen']);
  });

  it('lowering the "trung bình" threshold from 30 to 27 moves only Sở Tư pháp (27.5) up a band', () => {
    const draft = setAt(version(), '/bands/levels/2/min', 27);
    const rows = computeImpact(draft, inputs(), stored);

    expect(rows.filter((r) => r.bandChanged).map((r) => r.agencyId)).toEqual(['so-tu-phap']);
    expect(rows.filter((r) => r.rankChanged)).toEqual([]);
    const r = row(rows, 'so-tu-phap');
    expect(r.before?.band?.id).toBe('yeu');
    expect(r.after?.band).toMatchObject({ id: 'trung_binh', label: { vi: 'Trung bình' } });
    // a threshold moves the band, not the points or the rank
    expect(r.after).toMatchObject({ total: 27.5, rank: 2, cohort: 'tinh' });
    expect(r.delta).toBe(0);
    // Văn phòng (8.5) stays yếu, Sở Nội vụ stays tốt
    expect(row(rows, 'van-phong').after?.band?.id).toBe('yeu');
    expect(row(rows, 'so-noi-vu').after?.band?.id).toBe('tot');
  });

  it("a threshold exactly at an agency's total puts the agency in that band (min is inclusive)", () => {
    const rows = computeImpact(setAt(version(), '/bands/levels/2/min', 27.5), inputs(), stored);
    expect(changed(rows)).toEqual(['so-tu-phap']);
    expect(row(rows, 'so-tu-phap').after?.band?.id).toBe('trung_binh');
  });

  it("raising a cohort's own band threshold affects that cohort only", () => {
    // huyện's "tốt" from 85 % to 98 %: Mộc Châu (97.14 %) falls to "khá"; tỉnh uses the version's bands
    const rows = computeImpact(setAt(version(), '/cohorts/1/bands/levels/0/min', 98), inputs(), stored);
    expect(changed(rows)).toEqual(['moc-chau']);
    const r = row(rows, 'moc-chau');
    expect(r.before?.band?.id).toBe('tot');
    expect(r.after?.band?.id).toBe('kha');
    expect(r.rankChanged).toBe(false);
  });

  it('raising the top threshold above everybody changes the band of every "tốt" agency in the cohort and nobody else', () => {
    const rows = computeImpact(setAt(version(), '/bands/levels/0/min', 60), inputs(), stored);
    expect(changed(rows)).toEqual(['so-noi-vu']);
    expect(row(rows, 'so-noi-vu').after?.band?.id).toBe('kha');
  });

  it('a scoring change marks band changes and rank changes separately, with the points delta', () => {
    // criterion 1.1 now gives its 10 points to agencies WITHOUT a steering committee:
    // Sở Nội vụ 44.7 (tốt → khá, still #1), Sở Tư pháp 17.5 (#2 → #3), Văn phòng 18.5 (#3 → #2),
    // Mộc Châu 58/70 = 82.86 % (tốt → khá, alone in its cohort so still #1)
    const draft = setAt(version(), '/criteria/0/children/0/scoring/when/value', false);
    const rows = computeImpact(draft, inputs(), stored);

    expect(rows.filter((r) => r.bandChanged).map((r) => r.agencyId)).toEqual(['so-noi-vu', 'moc-chau']);
    expect(rows.filter((r) => r.rankChanged).map((r) => r.agencyId)).toEqual(['so-tu-phap', 'van-phong']);

    expect(row(rows, 'so-noi-vu')).toMatchObject({
      before: { total: 54.7, rank: 1, band: { id: 'tot' } },
      after: { total: 44.7, rank: 1, band: { id: 'kha' } },
      bandChanged: true,
      rankChanged: false,
    });
    expect(row(rows, 'so-tu-phap')).toMatchObject({
      before: { total: 27.5, rank: 2, band: { id: 'yeu' } },
      after: { total: 17.5, rank: 3, band: { id: 'yeu' } },
      bandChanged: false,
      rankChanged: true,
    });
    expect(row(rows, 'van-phong')).toMatchObject({ before: { rank: 3 }, after: { total: 18.5, rank: 2 } });
    // deltas are clean decimals, not 10.000000000000004
    expect(rows.map((r) => r.delta)).toEqual([-10, -10, 10, -10]);
  });

  it('an agency that leaves every cohort under the draft is marked changed, with no "after" and no delta', () => {
    // tỉnh now takes departments only: the office (Văn phòng UBND tỉnh) is in no cohort
    const draft = setAt(version(), '/cohorts/0/membership/value', ['department']);
    const rows = computeImpact(draft, inputs(), stored);
    const r = row(rows, 'van-phong');
    expect(r.before).toMatchObject({ cohort: 'tinh', rank: 3 });
    expect(r.after).toBeNull();
    expect(r.bandChanged).toBe(true);
    expect(r.rankChanged).toBe(true);
    expect(r.delta).toBeNull();
    // the two departments keep rank 1 and 2
    expect(changed(rows)).toEqual(['van-phong']);
  });

  it('moving an agency to another cohort counts as a rank change even when its rank number stays', () => {
    // a new cohort, tried first, for Sở Nội vụ alone: it is #1 there as it was #1 of tỉnh
    const draft = version();
    draft.cohorts.unshift({
      id: 'rieng',
      name: { vi: 'Riêng', en: 'Separate' },
      membership: { fact: 'agency', path: '$.id', operator: 'equal', value: 'so-noi-vu' },
      maxScore: 60,
      ranked: true,
    } as RuleSetVersion['cohorts'][number]);
    const rows = computeImpact(draft, inputs(), stored);
    const r = row(rows, 'so-noi-vu');
    expect(r.before).toMatchObject({ cohort: 'tinh', rank: 1 });
    expect(r.after).toMatchObject({ cohort: 'rieng', rank: 1, total: 54.7, band: { id: 'tot' } });
    expect(r.bandChanged).toBe(false);
    expect(r.rankChanged).toBe(true);
    // the two left in tỉnh move up one rank each; Mộc Châu is not affected
    expect(changed(rows)).toEqual(['so-noi-vu', 'so-tu-phap', 'van-phong']);
    expect(row(rows, 'so-tu-phap').after?.rank).toBe(1);
  });

  it('an agency that submitted after the last evaluation has no "before", and shows its draft standing', () => {
    const subs = inputs();
    subs.push({
      agency: { id: 'so-tai-chinh', name: 'Sở Tài chính', kind: 'department' },
      facts: {
        co_ban_chi_dao: true,
        chu_tri: 'chu_tich',
        so_cuoc_hop: 4,
        ho_so_truc_tuyen: 50,
        tong_ho_so: 50,
        ty_le_hoan_thanh: 100,
        diem_tham_dinh: 10,
      },
    } as SubmissionInput);
    const rows = computeImpact(version(), subs, stored);
    const r = row(rows, 'so-tai-chinh');
    expect(r.before).toBeNull();
    expect(r.after).toMatchObject({ cohort: 'tinh', rank: 1, band: { id: 'tot' } });
    expect(r.delta).toBeNull();
    // the newcomer pushes the others down one rank each
    expect(row(rows, 'so-noi-vu').after?.rank).toBe(2);
    expect(row(rows, 'so-noi-vu').rankChanged).toBe(true);
  });

  it('with no stored ranking (period never evaluated), every row has no "before" and the draft\'s standing', () => {
    const rows = computeImpact(version(), inputs(), null);
    expect(rows).toHaveLength(4);
    for (const r of rows) {
      expect(r.before).toBeNull();
      expect(r.after).not.toBeNull();
      expect(r.delta).toBeNull();
    }
  });

  it('leaves the draft and the stored ranking untouched', () => {
    const draft = version();
    const snapshot = structuredClone(draft);
    const storedCopy = structuredClone(stored);
    computeImpact(draft, inputs(), stored);
    expect(draft).toEqual(snapshot);
    expect(stored).toEqual(storedCopy);
  });
});

describe('standings', () => {
  it('maps every ranked agency to its cohort, total, band and rank', () => {
    const map = standings(storedRanking(version(), inputs()));
    expect([...map.keys()].sort()).toEqual(['moc-chau', 'so-noi-vu', 'so-tu-phap', 'van-phong']);
    expect(map.get('moc-chau')).toEqual({
      cohort: 'huyen',
      total: 68,
      percentage: 97.14,
      band: { id: 'tot', label: { vi: 'Tốt', en: 'Good' } },
      rank: 1,
    });
    expect(standings(null).size).toBe(0);
    expect(standings(undefined).size).toBe(0);
  });
});

describe('toAgency: the agency as the engine sees it', () => {
  const apiAgency = {
    id: 'ubnd-yen-chau',
    name: 'UBND huyện Yên Châu',
    nameEn: 'Yen Chau District',
    kind: 'district',
    attributes: { co_dich_vu_cong: true, dan_so: 80000 },
  };

  it('puts the attributes beside id, name and kind, as cohort rules read them ($.co_dich_vu_cong)', () => {
    expect(toAgency(apiAgency)).toEqual({
      id: 'ubnd-yen-chau',
      name: 'UBND huyện Yên Châu',
      nameEn: 'Yen Chau District',
      kind: 'district',
      co_dich_vu_cong: true,
      dan_so: 80000,
    });
    expect(toAgency({ id: 'a', name: 'A', kind: 'office' })).toEqual({ id: 'a', name: 'A', kind: 'office' });
  });

  it('an attribute cannot pass the agency off as another kind or id', () => {
    const a = toAgency({ id: 'a', name: 'A', kind: 'office', attributes: { kind: 'district', id: 'b' } });
    expect(a.kind).toBe('office');
    expect(a.id).toBe('a');
  });

  it('is the same view the server evaluates with, so the preview puts agencies in the same cohorts', () => {
    for (const a of [apiAgency, { ...apiAgency, nameEn: undefined }, { ...apiAgency, attributes: { kind: 'x' } }]) {
      expect(toAgency(a)).toEqual(toEngineAgency(a as any));
    }
  });

  it('cohort rules on attributes work in the preview', () => {
    // tỉnh only for agencies with public services (an attribute), everything else unchanged
    const draft = setAt(version(), '/cohorts/0/membership', {
      all: [
        { fact: 'agency', path: '$.kind', operator: 'in', value: ['department', 'office'] },
        { fact: 'agency', path: '$.co_dich_vu_cong', operator: 'equal', value: true },
      ],
    });
    const subs = inputs().map((s) => ({
      ...s,
      agency: toAgency({ ...s.agency, attributes: { co_dich_vu_cong: s.agency.id !== 'so-tu-phap' } }),
    }));
    const rows = computeImpact(draft, subs, storedRanking(version(), inputs()));
    expect(row(rows, 'so-tu-phap').after).toBeNull();
    expect(row(rows, 'van-phong').after).toMatchObject({ cohort: 'tinh', rank: 2 });
  });
});
