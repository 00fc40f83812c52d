// The agency user's own screens, as Sở Thông tin và Truyền thông sees them: its result compared
// with its cohort's average (from the server, which alone reads the other agencies' results), one
// result per period marked provisional until the ranking is published and official after, its
// report card as a PDF, its cohort's published ranking, and — on a fresh self-assessment — which
// required evidence is still missing before it submits. Any error in the browser console fails.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer, apiAs } from './support/server';
import { screenshot, SCREENSHOTS, signedIn } from './support/browser';

let server: RunningServer;

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  await server?.stop();
});

const as = signedIn(() => server, 'agency');

const api = (username: string) => apiAs(server, username);

const INDEX_TITLES = ['Hạ tầng và nền tảng số', 'Hoạt động Chính quyền số', 'An toàn, an ninh mạng', 'Kiến tạo thể chế'];

/** The number a vi-VN text shows ("94,54" → 94.54). */
const viNumber = (text: string) => Number(text.replace(/\./g, '').replace(',', '.'));

describe('the agency user', () => {
  it('compares its result with its cohort, sees one result per period, downloads its report card and its published ranking', async () => {
    const evaluator = await api('evaluator');
    const periods = await evaluator<{ id: string; year: number; status: string }[]>('GET', '/periods');
    const p2021 = periods.find((p) => p.year === 2021)!;
    expect(p2021.status).toBe('appraisal');
    // the evaluator scores the period once more: the agency now has two evaluations of 2021
    await evaluator('POST', `/periods/${p2021.id}/evaluate`, {});

    await as('so-tttt', async (page) => {
      const lines = page.locator('[data-period-result]');
      await lines.first().waitFor();
      await expect.poll(() => lines.count()).toBe(1);
      const line = lines.first();
      await expect.poll(() => line.getByTestId('result-status').innerText()).toBe('Kết quả tạm tính');
      await expect.poll(() => line.getByTestId('other-runs').innerText()).toMatch(/Các lần chấm điểm khác \(1\)/i);
      await expect.poll(() => line.locator('[data-other-run]').isVisible()).toBe(false);
      await line.getByTestId('other-runs').click();
      await line.locator('[data-other-run]').waitFor();
      await screenshot(page, 'agency-01-dashboard-provisional');

      // the report card is a PDF
      const [download, response] = await Promise.all([
        page.waitForEvent('download'),
        page.waitForResponse((r) => r.url().includes('/report.pdf')),
        line.getByTestId('download-report-card').click(),
      ]);
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toContain('application/pdf');
      expect(download.suggestedFilename()).toMatch(/^phieu-ket-qua-so-tttt-2021\.pdf$/);
      expect(
        readFileSync((await download.path())!)
          .subarray(0, 5)
          .toString(),
      ).toBe('%PDF-');

      // the comparison with the cohort: the cohort's average, not the agency's own numbers again
      await line.getByRole('link', { name: 'Xem' }).first().click();
      const own = viNumber(await page.getByTestId('evaluation-total').innerText());
      await page.getByRole('tab', { name: 'So với khối' }).click();
      const basis = await page.getByTestId('cohort-basis').innerText();
      const [, agencies, average] = /(\d+) cơ quan, đơn vị trong khối “.+”, tổng điểm trung bình ([\d.,]+)/.exec(basis) ?? [];
      expect(Number(agencies)).toBeGreaterThan(5);
      expect(viNumber(average)).toBeGreaterThan(0);
      expect(viNumber(average)).not.toBe(own);
      const labels = await page
        .locator('[data-index-label]')
        .evaluateAll((ts) => ts.map((t) => t.querySelector('title')?.textContent ?? ''));
      expect(labels).toHaveLength(5);
      for (const title of INDEX_TITLES) expect(labels.some((l) => l.includes(title))).toBe(true);
      const axis = await page.locator('[data-index-label]').allTextContents();
      expect(axis[0]).toContain('Hạ tầng');
      // two series of five bars, not equal to one another (read once the bars are drawn)
      const bars = () =>
        page
          .locator('.recharts-bar')
          .evaluateAll((series) =>
            series.map((s) => [...s.querySelectorAll('path')].map((p) => Math.round(p.getBoundingClientRect().height))),
          );
      await expect.poll(async () => (await bars()).map((series) => series.length)).toEqual([5, 5]);
      const heights = await bars();
      expect(heights[0]).not.toEqual(heights[1]);
      await screenshot(page, 'agency-02-indices-vs-cohort');
    });

    // the period is closed and its ranking published: evaluated afresh, that result is official
    await evaluator('POST', `/periods/${p2021.id}/transition`, { to: 'closed' });
    const published = await evaluator<{ id: string; evaluationIds: string[] }>('POST', `/periods/${p2021.id}/ranking/publish`, {
      decision: {
        number: '2923/QĐ-UBND',
        date: '2021-12-31',
        issuer: 'Ủy ban nhân dân tỉnh Sơn La',
        signerTitle: 'Chủ tịch',
        signerName: 'Hoàng Quốc Khánh',
      },
    });

    await as('so-tttt', async (page) => {
      const line = page.locator('[data-period-result]').first();
      await line.getByTestId('result-status').filter({ hasText: 'Kết quả chính thức (đã công bố)' }).waitFor();
      await expect.poll(() => page.locator('[data-period-result]').count()).toBe(1);
      await expect.poll(() => line.getByTestId('other-runs').innerText()).toMatch(/\(2\)/);
      const href = await line.getByRole('link', { name: 'Xem' }).first().getAttribute('href');
      expect(published.evaluationIds).toContain(decodeURIComponent(href!.split('/evaluations/')[1].split('/')[0]));

      // its own cohort's published ranking, its row marked, the others' rows not links
      const ranking = page.getByTestId('own-cohort-ranking');
      await ranking.locator('tr[data-own="true"]').waitFor();
      await expect.poll(() => ranking.locator('tr[data-own="true"]').innerText()).toContain('Sở Thông tin và Truyền thông');
      expect(await ranking.locator('tbody tr').count()).toBeGreaterThan(5);
      await expect.poll(() => ranking.locator('tbody tr:not([data-own]) a').count()).toBe(0);
      await expect.poll(() => ranking.locator('[data-cohort]').count()).toBe(1);
      await screenshot(page, 'agency-03-dashboard-official');

      await line.getByTestId('open-published-ranking').click();
      await page.locator('tr[data-own="true"]').first().waitFor();
      await expect.poll(() => page.getByTestId('replay').count()).toBe(0);
      await screenshot(page, 'agency-04-published-ranking');
    });
  });

  it('sees, before submitting, which required evidence is still missing', async () => {
    const evaluator = await api('evaluator');
    const versions = await evaluator<{ id: string; ruleSet: string; version: string; status: string }[]>('GET', '/versions');
    const v2023 = versions.find((v) => v.ruleSet.startsWith('son-la') && v.version === '2023' && v.status === 'published')!;
    await evaluator('POST', '/periods', {
      ruleSet: v2023.ruleSet,
      year: 2023,
      versionId: v2023.id,
      title: 'Đánh giá Chỉ số chuyển đổi số năm 2023 — tỉnh Sơn La',
    });

    await as('so-tttt', async (page) => {
      await page.getByTestId('start-submission').click();
      await page.locator('[data-fact-row]').first().waitFor();
      const summary = page.getByTestId('evidence-summary');
      await summary.waitFor();
      await expect.poll(() => summary.innerText()).toMatch(/^Còn thiếu tài liệu kiểm chứng \(\d+ nội dung\):/);
      const before = Number(await summary.getAttribute('data-missing'));
      expect(before).toBeGreaterThan(5);
      const markers = page.locator('[data-evidence-required][data-filed="false"]');
      await expect.poll(() => markers.count()).toBe(before);
      // listed by label, as the fields are labelled
      const first = await summary.locator('[data-missing-evidence]').first().getAttribute('data-missing-evidence');
      const label = await summary.locator('[data-missing-evidence]').first().innerText();
      await expect.poll(() => page.locator(`[data-fact-row="${first}"]`).innerText()).toContain(label);
      expect(label).not.toBe(first);
      await page.waitForTimeout(500);
      await page.screenshot({ path: path.join(SCREENSHOTS, 'agency-05-form-top.png') });
      await summary.scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(SCREENSHOTS, 'agency-06-form-summary.png') });

      // a link for the first one: it leaves the list, its field shows it has evidence
      await summary.locator('[data-missing-evidence] button').first().click();
      await page.getByTestId(`add-evidence-${first}`).click();
      await page.getByRole('button', { name: 'Đường dẫn' }).click();
      await page.locator('input[name="evidenceUrl"]').fill('https://sotttt.sonla.gov.vn/tai-lieu-kiem-chung');
      await page.getByTestId('confirm-evidence').click();
      await page.getByText('Đã thêm tài liệu kiểm chứng').first().waitFor();
      await page.locator(`[data-evidence-required="${first}"][data-filed="true"]`).waitFor();
      await expect.poll(() => summary.getAttribute('data-missing')).toBe(String(before - 1));
      await expect.poll(() => summary.locator(`[data-missing-evidence="${first}"]`).count()).toBe(0);
      await page.locator(`[data-fact-row="${first}"]`).screenshot({ path: path.join(SCREENSHOTS, 'agency-07-field-evidence-added.png') });
    });
  });
});
