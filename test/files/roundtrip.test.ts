// Son La 2021 end to end through files: the Department hands out the template, the 32 agencies'
// figures come back typed the Vietnamese way, the import gives back exactly the submitted facts,
// and the evaluation of the imported data exports the same totals as the original.
import { describe, expect, it } from 'vitest';
import { evaluateSubmissions, explainEvaluation, rankEvaluations } from '../../server/engine/index';
import type { Fact, FactValue, SubmissionInput } from '../../server/engine/schemaTypes';
import { parseImport } from '../../server/files/import';
import { buildTemplate } from '../../server/files/template';
import { exportRankingXlsx } from '../../server/files/exportXlsx';
import { exportRankingCsv } from '../../server/files/exportCsv';
import { annexPdf } from '../../server/files/pdf';
import { factHeader } from '../../server/files/factColumns';
import { columnOf, loadXlsx, pdfText, rowOf, saveXlsx, sonLa } from './helpers';

/** What a person types for a value: Có/Không, an option's label, a decimal comma. */
function typed(fact: Fact, value: FactValue): string | number {
  if (typeof value === 'boolean') return value ? 'Có' : 'Không';
  if (fact.type === 'enum') return fact.options!.find((o) => o.value === value)!.label.vi;
  if (typeof value === 'number' && !Number.isInteger(value)) return String(value).replace('.', ',');
  return value as string | number;
}

describe('round trip: template → filled → import → evaluation → export (Son La 2021)', () => {
  it('gives back the submitted facts and the expected totals, ranks and bands', async () => {
    const { version, compiled, agencies, demo } = sonLa();
    const facts = new Map(version.facts.map((f) => [f.id, f]));

    // The Department's combined file: the template, plus its own columns for evaluator-entered facts.
    const wb = await loadXlsx(await buildTemplate(compiled, agencies, { id: 'son-la-2021', title: 'Năm 2021' }));
    const sheet = wb.getWorksheet('Số liệu')!;
    const evaluatorFacts = version.facts.filter((f) => f.enteredBy === 'evaluator');
    const lastColumn = sheet.getRow(1).cellCount;
    evaluatorFacts.forEach((f, i) => (sheet.getCell(1, lastColumn + 1 + i).value = factHeader(f)));
    for (const submission of demo) {
      const r = rowOf(sheet, submission.agency.id);
      for (const [id, value] of Object.entries(submission.facts)) {
        if (value === null) continue;
        sheet.getCell(r, columnOf(sheet, factHeader(facts.get(id)!))).value = typed(facts.get(id)!, value);
      }
    }
    const result = await parseImport(await saveXlsx(wb), 'son-la-2021.xlsx', compiled, agencies);
    if (!('submissions' in result)) throw new Error(JSON.stringify(result.problems.slice(0, 5)));
    const imported = result.submissions;
    expect(imported).toHaveLength(32);
    const original = new Map(demo.map((s) => [s.agency.id, s]));
    for (const s of imported) {
      const nonNull = Object.fromEntries(Object.entries(original.get(s.agency.id)!.facts).filter(([, v]) => v !== null));
      expect({ id: s.agency.id, facts: s.facts }).toEqual({ id: s.agency.id, facts: nonNull });
    }

    const strip = (s: SubmissionInput): SubmissionInput => ({ agency: s.agency, facts: s.facts });
    const expected = rankEvaluations(compiled, evaluateSubmissions(compiled, demo.map(strip)));
    const evaluations = evaluateSubmissions(compiled, imported).map((e) => explainEvaluation(compiled, e));
    const ranking = rankEvaluations(compiled, evaluations);
    expect(ranking.hash).toBe(expected.hash);
    expect(ranking.cohorts.find((c) => c.cohort === 'so-nganh')!.entries.slice(0, 2)).toMatchObject([
      { agencyName: 'Sở Thông tin và Truyền thông', rank: 1, total: 94.54, band: { label: { vi: 'Tốt' } } },
      { rank: 2, total: 90.47 },
    ]);

    // XLSX: every agency's total and band as evaluated, in rank order per cohort sheet.
    const out = await loadXlsx(await exportRankingXlsx({ version, ranking, evaluations, periodTitle: 'Năm 2021' }));
    for (const cohort of expected.cohorts) {
      const cohortSheet = out.getWorksheet(cohort.name.vi)!;
      const totalColumn = columnOf(cohortSheet, 'Tổng điểm (tối đa 100)', 6);
      const bandColumn = columnOf(cohortSheet, 'Xếp loại', 6);
      const read = cohort.entries.map((_, i) => {
        const row = cohortSheet.getRow(7 + i);
        return {
          rank: row.getCell(1).value,
          agencyId: row.getCell(2).value,
          total: row.getCell(totalColumn).value,
          band: row.getCell(bandColumn).value,
        };
      });
      expect(read).toEqual(cohort.entries.map((e) => ({ rank: e.rank, agencyId: e.agencyId, total: e.total, band: e.band!.label.vi })));
    }
    const tied = out.getWorksheet('Các sở, ban, ngành tỉnh')!;
    expect([tied.getCell(rowOf(tied, 'so-cong-thuong', 2), 1).value, tied.getCell(rowOf(tied, 'so-xay-dung', 2), 1).value]).toEqual([
      10, 10,
    ]);

    // CSV: the same totals, two decimals.
    const csv = exportRankingCsv({ version, ranking, evaluations }).toString('utf8');
    expect(csv).toContain(',1,so-tttt,Sở Thông tin và Truyền thông,');
    expect(csv).toMatch(/,so-tttt,Sở Thông tin và Truyền thông,[^\r]*,94\.54,100\.00,94\.54,Tốt\r\n/);

    // PDF annex: both cohorts, every band word, Vietnamese intact.
    const { text, pages } = await pdfText(await annexPdf({ version, ranking, evaluations, periodTitle: 'Năm 2021' }));
    const flat = text.replace(/\s+/g, ' ');
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const expectedText of [
      'CÁC SỞ, BAN, NGÀNH TỈNH',
      'UBND CÁC HUYỆN, THÀNH PHỐ',
      'Xếp loại',
      'Tốt',
      'Khá',
      'Trung bình',
      'Yếu',
      '94,54',
      'UBND thành phố Sơn La',
    ])
      expect(flat).toContain(expectedText);
  });
});
