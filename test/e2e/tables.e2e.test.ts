// Result tables at the size of an office screen (1440×900, and 1280 wide): the replay and what-if
// buttons stay in the window and the page never scrolls sideways; what-if rows read as a ranking
// (cohort by cohort, by rank); the impact preview has one table per cohort; every results table can
// be taken away as a file with Vietnamese headers; a trace's formula shows decimal commas. Any error
// in the browser console fails the test.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { approvingDecision } from '../support/assessment';
import { startServer, type RunningServer } from './support/server';
import { login, openBrowser, screenshot } from './support/browser';

let server: RunningServer;
let periodId: string;
let publishedId: string;
let baseVersionId: string;
let draftId: string;
let cohortOrder: string[];
let tracedCode: string;

/** The API as one user, signed in with the demo password (no browser, so no Origin to check). */
async function api(username: string) {
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password: server.passwords[username] }),
  });
  const cookie = res.headers.get('set-cookie')!.split(';')[0];
  return async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const r = await fetch(`${server.url}/api${path}`, {
      method,
      headers: { cookie, ...(body ? { 'Content-Type': 'application/json' } : {}), ...headers },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${await r.text()}`);
    return { json: await r.json(), headers: r.headers };
  };
}

const filter = (f: Record<string, unknown>) => `filter=${encodeURIComponent(JSON.stringify(f))}`;

/** The first criterion (depth first) whose trace formula has a decimal number, as the engine stores it. */
function decimalFormula(value: unknown): string | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const node = value as { code?: string; kind?: string; trace?: { formula?: string } };
  if (node.kind === 'criterion' && node.code && /\d\.\d/.test(node.trace?.formula ?? '')) return node.code;
  for (const child of Object.values(value)) {
    const found = decimalFormula(child);
    if (found) return found;
  }
  return undefined;
}

beforeAll(async () => {
  server = await startServer();
  // The evaluator closes the demo period and publishes its ranking; the administrator copies the
  // 2021 version into a 2022 draft where "Khá" starts at 75 instead of 70.
  const evaluator = await api('evaluator');
  const [period] = (await evaluator('GET', '/periods')).json;
  periodId = period.id;
  await evaluator('POST', `/periods/${periodId}/transition`, { to: 'closed' });
  publishedId = (await evaluator('POST', `/periods/${periodId}/ranking/publish`, { decision: approvingDecision(2021) })).json.id;
  const admin = await api('admin');
  const versions = (await admin('GET', `/versions?${filter({ ruleSet: 'son-la' })}`)).json;
  const base = versions.find((v: { version: string }) => v.version === '2021');
  baseVersionId = base.id;
  const copy = await admin('POST', `/versions/${base.id}/copy`, { version: '2022' });
  const doc = copy.json.document;
  cohortOrder = doc.cohorts.map((c: { id: string }) => c.id);
  doc.bands.levels[1].min = 75;
  draftId = copy.json.id;
  await admin('PUT', `/versions/${draftId}`, { document: doc }, { 'If-Match': copy.headers.get('etag')! });
  const [summary] = (await admin('GET', `/evaluations?${filter({ agencyId: 'so-cong-thuong', periodId })}`)).json;
  tracedCode = decimalFormula((await admin('GET', `/evaluations/${summary.id}`)).json)!;
  expect(tracedCode).toBeTruthy();
});

afterAll(async () => {
  await server?.stop();
});

/** The page fits the window's width, and the button is inside the window. */
async function fitsTheWindow(page: Page, testId: string): Promise<void> {
  const box = (await page.getByTestId(testId).boundingBox())!;
  const size = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: innerWidth, height: innerHeight }));
  expect(size.scroll, `page wider than the window at ${size.width} px`).toBeLessThanOrEqual(size.width);
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(size.width);
  expect(box.y + box.height).toBeLessThanOrEqual(size.height);
}

/** Clicks and returns the downloaded file: its name, text and, for files the browser made, its type. */
async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string; bytes: Buffer; type?: string }> {
  const [file] = (await Promise.all([page.waitForEvent('download'), click()])) as [Download, void];
  const bytes = readFileSync((await file.path())!);
  const type = await page.evaluate(() => (window as unknown as { blobTypes?: string[] }).blobTypes?.pop());
  return { name: file.suggestedFilename(), bytes, text: bytes.toString('utf8'), type };
}

/** A server download: the answer's Content-Type with the file. */
async function serverDownload(page: Page, click: () => Promise<void>) {
  const answer = page.waitForResponse((r) => r.url().includes('/export?'));
  const file = await download(page, click);
  return { ...file, type: (await answer).headers()['content-type'] };
}

const lines = (csv: string) => csv.replace(/^\uFEFF/, '').split('\r\n');

describe('result tables', () => {
  it('fit the screen, read in ranking order, and export with Vietnamese headers', async () => {
    const session = await openBrowser(server.url);
    const { page } = session;
    try {
      // The type of every file the console makes itself (a Blob), read by download() above.
      await page.addInitScript(() => {
        const make = URL.createObjectURL.bind(URL);
        URL.createObjectURL = (blob: Blob | MediaSource) => {
          const w = window as unknown as { blobTypes?: string[] };
          (w.blobTypes ??= []).push((blob as Blob).type);
          return make(blob);
        };
      });
      await login(page, 'admin', server.passwords.admin);

      // Replay: the long name of the published ranking no longer pushes "Tính lại" out of the window.
      for (const width of [1440, 1280]) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto('/#/replay');
        await page.getByRole('combobox', { name: 'Kết quả xếp hạng đã công bố' }).filter({ hasText: '2021' }).waitFor();
        await fitsTheWindow(page, 'run-replay');
      }
      await page.setViewportSize({ width: 1440, height: 900 });
      await page.goto('/#/replay');
      await page.getByRole('combobox', { name: 'Kết quả xếp hạng đã công bố' }).filter({ hasText: '2021' }).waitFor();
      await page.getByTestId('run-replay').click();
      await page.getByTestId('replay-verified').waitFor();
      await fitsTheWindow(page, 'run-replay');
      await screenshot(page, '30-replay-1440');
      const record = await download(page, () => page.getByTestId('export-replay-csv').click());
      expect(record.name).toMatch(/^xac-minh-.+\.csv$/);
      expect(record.type).toBe('text/csv;charset=utf-8');
      expect(record.text.startsWith('\uFEFF')).toBe(true);
      expect(lines(record.text)[0]).toBe('Nội dung;Đã lưu;Tính lại');
      expect(lines(record.text)[1]).toBe('Kết quả xác minh;;Đã xác minh ✓');
      // ... and the published ranking it verified, as the server exports it
      await page.getByTestId('export-menu').click();
      const ranking = await serverDownload(page, () => page.getByTestId('export-csv-semicolon').click());
      expect(ranking.type).toBe('text/csv; charset=utf-8');
      // the approving decision above the header, then the columns
      expect(lines(ranking.text)[0]).toContain('Quyết định số 2923/QĐ-UBND');
      expect(lines(ranking.text)[1]).toMatch(/^Khối;Xếp hạng;Mã cơ quan;Cơ quan;/);

      // What-if at 1280 and 1440: the button in the window before and after the table.
      await page.goto('/#/what-if');
      await page.getByRole('combobox', { name: 'Kỳ đánh giá' }).click();
      await page.getByRole('option', { name: /2021/ }).click();
      await page.getByRole('combobox', { name: 'Phiên bản' }).click();
      await page.getByRole('option', { name: /^2022 · / }).click();
      await fitsTheWindow(page, 'run-what-if');
      await page.getByTestId('run-what-if').click();
      await page.getByTestId('what-if-table').waitFor();
      for (const width of [1280, 1440]) {
        await page.setViewportSize({ width, height: 900 });
        await fitsTheWindow(page, 'run-what-if');
        if (width === 1280) await screenshot(page, '31b-what-if-1280');
      }
      // Narrower still, the table scrolls inside its own box and the agency's name stays in view.
      await page.setViewportSize({ width: 1024, height: 900 });
      await fitsTheWindow(page, 'run-what-if');
      const box = page.getByTestId('what-if-table').locator('xpath=..');
      const cells = page.locator('[data-testid="what-if-table"] tbody tr').first().locator('td');
      const [nameBefore, totalBefore] = [(await cells.nth(0).boundingBox())!.x, (await cells.nth(3).boundingBox())!.x];
      expect(await box.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
      const moved = await box.evaluate((el) => {
        el.scrollBy(200, 0);
        return el.scrollLeft;
      });
      expect(moved).toBeGreaterThan(0);
      expect((await cells.nth(0).boundingBox())!.x).toBeCloseTo(nameBefore, 0);
      expect((await cells.nth(3).boundingBox())!.x).toBeCloseTo(totalBefore - moved, 0);
      await screenshot(page, '31c-what-if-1024-scrolled');
      await page.setViewportSize({ width: 1440, height: 900 });
      expect(await page.locator('[data-testid="what-if-table"] tr[data-changed="true"]').count()).toBeGreaterThan(0);
      // cohort by cohort as the version lists them, by rank within each; names, never ids
      const placed = await page
        .locator('[data-testid="what-if-table"] tbody tr')
        .evaluateAll((rows) => rows.map((r) => ({ cohort: r.getAttribute('data-cohort')!, rank: Number(r.getAttribute('data-rank')) })));
      expect(placed).toHaveLength(32);
      expect([...new Set(placed.map((p) => p.cohort))]).toEqual(cohortOrder);
      for (let i = 1; i < placed.length; i++)
        if (placed[i].cohort === placed[i - 1].cohort) expect(placed[i].rank).toBeGreaterThanOrEqual(placed[i - 1].rank);
      const first = page.locator('[data-testid="what-if-table"] tbody tr').first();
      await expect.poll(() => first.locator('td').nth(0).innerText()).toMatch(/^(Sở|Văn phòng|Ban|Thanh tra)/);
      await expect.poll(() => first.locator('td').nth(1).innerText()).toBe('Các sở, ban, ngành tỉnh');
      await screenshot(page, '31-what-if-1440');
      const whatIf = await download(page, () => page.getByTestId('export-table-csv').click());
      expect(whatIf.name).toMatch(/^gia-dinh-.+-2022\.csv$/);
      expect(whatIf.type).toBe('text/csv;charset=utf-8');
      const whatIfLines = lines(whatIf.text);
      expect(whatIfLines[0]).toBe(
        'Cơ quan;Khối;Tổng điểm trước;Tổng điểm sau;Chênh lệch;Xếp loại trước;Xếp loại sau;Thứ hạng trước;Thứ hạng sau',
      );
      expect(whatIfLines[1]).toMatch(/^[^;]+;Các sở, ban, ngành tỉnh;\d+(,\d+)?;\d+(,\d+)?;-?\d+(,\d+)?;[^;]+;[^;]+;1;1$/);
      expect(whatIf.text).toMatch(/;\d+,\d+;/);

      // Impact preview: one heading and one table per cohort, ranks counted within each.
      await page.goto(`/#/versions/${draftId}`);
      await page.locator('[data-tab="impact"]').click();
      await page.getByTestId('impact-summary').waitFor();
      await expect
        .poll(() => page.getByTestId('impact-cohort').allInnerTexts())
        .toEqual(['Các sở, ban, ngành tỉnh', 'UBND các huyện, thành phố']);
      for (const cohort of cohortOrder) {
        const rows = await page
          .locator(`[data-testid="impact-table"] [data-cohort="${cohort}"] tbody tr`)
          .evaluateAll((trs) => trs.map((r) => ({ rank: Number(r.getAttribute('data-rank')), total: r.getAttribute('data-total') })));
        expect(rows.length).toBeGreaterThan(1);
        expect(rows[0].rank).toBe(1);
        // in rank order; a rank appears twice only for a tie (the same total)
        for (let i = 1; i < rows.length; i++) {
          expect(rows[i].rank).toBeGreaterThanOrEqual(rows[i - 1].rank);
          if (rows[i].rank === rows[i - 1].rank) expect(rows[i].total).toBe(rows[i - 1].total);
        }
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
      await screenshot(page, '32-impact-by-cohort');

      // The published ranking: the server's files.
      await page.goto(`/#/published-rankings/${publishedId}/show`);
      await page.getByTestId('export-menu').click();
      const xlsx = await serverDownload(page, () => page.getByTestId('export-xlsx').click());
      expect(xlsx.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(xlsx.bytes.subarray(0, 2).toString()).toBe('PK');
      await page.getByTestId('export-menu').click();
      const csv = await serverDownload(page, () => page.getByTestId('export-csv-semicolon').click());
      // the approving decision above the header, then the columns
      expect(lines(csv.text)[0]).toContain('Quyết định số 2923/QĐ-UBND');
      expect(lines(csv.text)[1]).toMatch(/^Khối;Xếp hạng;Mã cơ quan;Cơ quan;/);
      await screenshot(page, '33-published-ranking');

      // The version diff, as shown.
      await page.goto(`/#/versions/${draftId}/diff/${baseVersionId}`);
      await page.getByTestId('diff-table').waitFor();
      const diff = await download(page, () => page.getByTestId('export-table-csv').click());
      expect(diff.name).toBe('so-sanh-son-la-2021-2022.csv');
      expect(diff.type).toBe('text/csv;charset=utf-8');
      expect(lines(diff.text)[0]).toBe('Mục;Loại thay đổi;Nội dung thay đổi');
      expect(diff.text).toMatch(/75/);
      await screenshot(page, '35-diff');

      // The audit log with a filter: exactly the entries it selects, all pages of them.
      await page.goto(`/#/audit?${filter({ actor: 'evaluator' })}`);
      await page.locator('.RaDataTable-table tbody tr').first().waitFor();
      await screenshot(page, '36-audit-filtered');
      const audit = await download(page, () => page.getByTestId('export-audit-csv').click());
      expect(audit.type).toBe('text/csv;charset=utf-8');
      const auditLines = lines(audit.text).filter(Boolean);
      expect(auditLines[0]).toBe('Số;Thời điểm;Người thực hiện;Thao tác;Đối tượng;Bản ghi');
      const admin = await api('admin');
      const total = Number(
        (await admin('GET', `/audit?${filter({ actor: 'evaluator' })}&range=[0,0]`)).headers.get('content-range')!.split('/')[1],
      );
      expect(auditLines).toHaveLength(total + 1);
      for (const line of auditLines.slice(1)) {
        const cells = line.split(';');
        expect(cells[1]).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
        expect(cells[2]).toBe('evaluator');
        // the action and the resource in words, not their codes
        expect(cells[3]).not.toMatch(/^[a-z_.]+$/);
        expect(cells[4]).not.toMatch(/^[a-z-]+$/);
      }

      // A trace's formula as a Vietnamese reader writes numbers.
      await page.goto(`/#/evaluations?${filter({ agencyId: 'so-cong-thuong' })}`);
      await page.getByRole('cell', { name: 'Sở Công Thương' }).first().click();
      const node = page.locator(`[data-node-code="${tracedCode}"]`);
      await node.getByRole('button', { name: 'Chi tiết' }).click();
      const formula = await node.getByTestId('trace-formula').first().innerText();
      expect(formula).toMatch(/\d,\d/);
      expect(formula).not.toMatch(/\d\.\d/);
      await screenshot(page, '34-trace-decimal-comma');

      expect(session.errors).toEqual([]);
    } catch (error) {
      await screenshot(page, `failed-tables-${Date.now()}`).catch(() => undefined);
      throw error;
    } finally {
      await session.close();
    }
  });
});
