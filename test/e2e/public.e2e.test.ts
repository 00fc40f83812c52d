// The public results page, as a citizen or a journalist sees it: a fresh browser that never signed in
// opens /cong-khai, finds the published Son La 2021 ranking, opens it (the approving decision when
// the record names one, a table per khối, the charts), downloads the PDF annex and opens an agency's
// page with its results year by year. Any error in the browser console fails.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvingDecision } from '../support/assessment';
import { startServer, type RunningServer, apiAs } from './support/server';
import { openBrowser, screenshot } from './support/browser';

let server: RunningServer;
let published: { id: string };

const api = (username: string) => apiAs(server, username);

beforeAll(async () => {
  server = await startServer();
  // The demo's 2021 period is being appraised; the evaluator closes it and publishes its ranking.
  const evaluator = await api('evaluator');
  const periods = await evaluator<{ id: string; year: number }[]>('GET', '/periods');
  const p2021 = periods.find((p) => p.year === 2021)!;
  await evaluator('POST', `/periods/${p2021.id}/transition`, { to: 'closed' });
  published = await evaluator('POST', `/periods/${p2021.id}/ranking/publish`, { decision: approvingDecision(2021) });
});

afterAll(async () => {
  await server?.stop();
});

/** "94,54" as vi-VN writes it → 94.54. */
const viNumber = (text: string) => Number(text.replace(/\./g, '').replace(',', '.'));

describe('the public results page', () => {
  it('shows the published ranking to anyone, with its tables, charts, files and agency pages', async () => {
    const session = await openBrowser(server.url);
    const { page } = session;
    try {
      await page.goto('/cong-khai');
      const card = page.locator(`[data-ranking="${published.id}"]`);
      await card.waitFor();
      await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Kết quả đánh giá, xếp hạng công khai');
      await expect.poll(() => card.innerText()).toMatch(/Năm 2021/);
      // No login form, no session: the page asked nothing that needs one.
      await expect.poll(() => page.locator('input[name="password"]').count()).toBe(0);
      await screenshot(page, 'public-01-list');

      await card.getByRole('link').click();
      const cohorts = page.locator('[data-cohort]');
      await cohorts.first().waitFor();
      await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toMatch(/2021/);
      // the approving decision, as the province signed it
      await expect.poll(() => page.getByTestId('decision-line').innerText()).toContain('2923/QĐ-UBND');
      expect(await cohorts.count()).toBeGreaterThan(1);
      const first = cohorts.first();
      const headers = await first.locator('thead th').allInnerTexts();
      expect(headers[0]).toBe('Hạng');
      expect(headers[1]).toBe('Cơ quan, đơn vị');
      expect(headers.some((h) => h.startsWith('Tổng điểm'))).toBe(true);
      expect(headers.at(-1)).toBe('Xếp loại');
      // Main indices by their titles, not only their codes.
      expect(headers.some((h) => h.includes('Hạ tầng và nền tảng số'))).toBe(true);
      const row = first.locator('tbody tr').first();
      const cells = await row.locator('td').allInnerTexts();
      expect(cells[0]).toBe('1');
      // Points in vi-VN (a decimal comma), the total the sum of the main indices.
      const points = cells.slice(2, -2).map(viNumber);
      const total = viNumber(cells.at(-2)!);
      expect(Math.abs(points.reduce((a, b) => a + b, 0) - total)).toBeLessThan(0.05);
      expect(cells.at(-2)).toMatch(/^\d+(,\d+)?$/);
      expect(['Tốt', 'Khá', 'Trung bình', 'Yếu']).toContain(cells.at(-1));
      await page.getByTestId('chart-bands').locator('.recharts-bar-rectangle').first().waitFor();
      await first.getByTestId('chart-indices').locator('.recharts-bar-rectangle').first().waitFor();
      await screenshot(page, 'public-02-ranking');

      const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-format="pdf"]').click()]);
      expect(download.suggestedFilename()).toBe('ket-qua-son-la-2021.pdf');
      expect(
        readFileSync((await download.path())!)
          .subarray(0, 5)
          .toString(),
      ).toBe('%PDF-');
      // A download is not a response the page sees; the same address asked directly, without a session.
      const pdf = await page.request.get((await page.locator('[data-format="pdf"]').getAttribute('href'))!);
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()['content-type']).toBe('application/pdf');

      const name = await row.getByRole('link').innerText();
      await row.getByRole('link').click();
      await page.getByTestId('agency-years').waitFor();
      await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe(name);
      const year = page.locator('[data-year="2021"]');
      await expect.poll(() => year.innerText()).toMatch(/năm đầu tiên/);
      await expect.poll(() => year.innerText()).toMatch(/1\/\d+/);
      await page.getByTestId('chart-agency-indices').locator('.recharts-bar-rectangle').first().waitFor();
      await screenshot(page, 'public-03-agency');

      // The English switch.
      await page.getByRole('button', { name: /Ngôn ngữ|Language|Tiếng Việt/ }).click();
      await page.getByRole('menuitem', { name: 'English' }).click();
      await page.getByText('Results year by year').waitFor();
      expect(session.errors).toEqual([]);
    } catch (error) {
      await screenshot(page, `failed-public-${Date.now()}`).catch(() => undefined);
      throw error;
    } finally {
      await session.close();
    }
  });
});
