// Finding things in the console: the evaluator's dashboard picks a period (remembered) and lists
// the agencies that have not submitted, by name, cohort and state; the agency list narrows to a
// cohort picked by name; a submission's breadcrumbs lead back to its period; the guide opens on
// the signed-in role's page. Any error in the browser console fails the test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer, apiAs } from './support/server';
import { screenshot, signedIn } from './support/browser';

let server: RunningServer;
const TITLE_2023 = 'Đánh giá Chỉ số chuyển đổi số năm 2023 — tỉnh Sơn La';
const TITLE_2021 = 'Đánh giá Chỉ số chuyển đổi số năm 2021 — tỉnh Sơn La (dữ liệu demo)';

const api = (username: string) => apiAs(server, username);

beforeAll(async () => {
  server = await startServer();
  // a 2023 period, open, where only the Department of Information and Communications has begun
  const evaluator = await api('evaluator');
  const versions = await evaluator<{ id: string; ruleSet: string; version: string; status: string }[]>('GET', '/versions');
  const v2023 = versions.find((v) => v.ruleSet === 'son-la' && v.version === '2023' && v.status === 'published');
  expect(v2023).toBeDefined();
  const period = await evaluator<{ id: string }>('POST', '/periods', { year: 2023, versionId: v2023!.id, title: TITLE_2023 });
  await (
    await api('so-tttt')
  )('POST', '/submissions', { periodId: period.id, facts: {} });
});

afterAll(async () => {
  await server?.stop();
});

const as = signedIn(() => server, 'finding');

const vi = new Intl.Collator('vi');

describe('finding things', () => {
  it('shows the evaluator who has not submitted in the picked period, narrows agencies to a cohort, and leads back by breadcrumbs', async () => {
    await as('evaluator', async (page) => {
      // the dashboard opens on the open 2023 period
      const picker = page.getByRole('combobox', { name: 'Kỳ đánh giá' });
      await expect.poll(() => picker.textContent()).toContain(TITLE_2023);
      const list = page.getByTestId('not-submitted');
      await list.locator('[data-agency="so-y-te"]').waitFor();
      const row = (id: string) => list.locator(`[data-agency="${id}"]`);
      await expect.poll(() => row('so-tttt').innerText()).toMatch(/Sở Thông tin và Truyền thông\s+Các sở, ban, ngành tỉnh\s+Đang soạn/);
      await expect.poll(() => row('moc-chau').innerText()).toMatch(/UBND huyện Mộc Châu\s+UBND các huyện, thành phố\s+Chưa nộp/);
      await expect.poll(() => list.getByText('Các sở, ban, ngành tỉnh: 20 chưa nộp').isVisible()).toBe(true);
      await expect.poll(() => list.getByText('UBND các huyện, thành phố: 12 chưa nộp').isVisible()).toBe(true);
      const names = await list.locator('tbody tr td:first-child').allInnerTexts();
      expect(names).toHaveLength(32);
      const departments = names.slice(0, 20);
      expect(departments).toEqual([...departments].sort(vi.compare));
      await screenshot(page, '60-dashboard-not-submitted');

      // another period, picked, is remembered across a reload
      await picker.click();
      await page.getByRole('option', { name: new RegExp(TITLE_2021.replace(/[()]/g, '\\$&')) }).click();
      await list.getByText('Tất cả cơ quan, đơn vị đã nộp bản tự đánh giá.').waitFor();
      await page.reload();
      await page.getByTestId('not-submitted').getByText('Tất cả cơ quan, đơn vị đã nộp bản tự đánh giá.').waitFor();
      await expect.poll(() => page.getByRole('combobox', { name: 'Kỳ đánh giá' }).textContent()).toContain(TITLE_2021);
      await screenshot(page, '61-dashboard-period-picked');

      // a name in the list opens the agency, whose breadcrumbs lead to the agencies list
      await page.getByRole('combobox', { name: 'Kỳ đánh giá' }).click();
      await page.getByRole('option', { name: new RegExp(TITLE_2023) }).click();
      await page.getByTestId('not-submitted').getByRole('link', { name: 'Sở Y tế' }).click();
      await page.waitForURL(/#\/agencies\/so-y-te\/show/);
      const crumbs = page.getByTestId('breadcrumbs');
      await expect.poll(() => crumbs.innerText()).toMatch(/Cơ quan, đơn vị\s+Sở Y tế/);

      // the agencies of the current period's rule set only ("Ban Dân tộc" once), narrowed to a cohort
      await crumbs.getByRole('link', { name: 'Cơ quan, đơn vị' }).click();
      await page.waitForURL(/#\/agencies(\?|$)/);
      await page.getByText('1–10 trên 32').waitFor();
      await page.getByRole('combobox', { name: 'Khối' }).click();
      await page.getByRole('option', { name: 'UBND các huyện, thành phố' }).click();
      await page.getByText('1–10 trên 12').waitFor();
      const districts = await page.locator('tbody tr td:nth-child(1)').allInnerTexts();
      expect(districts.length).toBe(10);
      for (const name of districts) expect(name).toMatch(/^UBND (huyện|thành phố) /);
      expect(districts).toEqual([...districts].sort(vi.compare));
      await screenshot(page, '62-agencies-cohort');

      // evaluations narrowed the same way show the cohort by its name
      await page.goto('/#/evaluations');
      await page.getByRole('combobox', { name: 'Khối' }).click();
      await page.getByRole('option', { name: 'UBND các huyện, thành phố' }).click();
      await page.getByText('1–10 trên 12').waitFor();
      await expect
        .poll(() => page.locator('tbody tr td:nth-child(4)').allInnerTexts())
        .toEqual(Array(10).fill('UBND các huyện, thành phố'));

      // a submission's breadcrumbs go back to its period, then to the periods
      const periods = await (await page.request.get(`${server.url}/api/periods`)).json();
      const p2021 = periods.find((p: { year: number }) => p.year === 2021);
      const subs = await (
        await page.request.get(
          `${server.url}/api/submissions?filter=${encodeURIComponent(JSON.stringify({ periodId: p2021.id, agencyId: 'so-y-te' }))}`,
        )
      ).json();
      await page.goto(`/#/submissions/${subs[0].id}/show`);
      const trail = page.getByTestId('breadcrumbs');
      await trail.getByRole('link', { name: TITLE_2021 }).waitFor();
      await expect.poll(() => trail.innerText()).toMatch(/Kỳ đánh giá\s+.*2021.*\s+Bản tự đánh giá của Sở Y tế/);
      await page.getByText('Khối: Các sở, ban, ngành tỉnh').waitFor();
      await screenshot(page, '63-submission-breadcrumbs');
      await trail.getByRole('link', { name: TITLE_2021 }).click();
      await page.waitForURL(new RegExp(`#/periods/${p2021.id}/show`));
      await page.getByTestId('breadcrumbs').getByRole('link', { name: 'Kỳ đánh giá' }).click();
      await page.waitForURL(/#\/periods(\?|$)/);
    });
  });

  it("opens the guide on the agency's own page, with the agency's steps", async () => {
    await as('so-tttt', async (page) => {
      await page.getByRole('link', { name: 'Hướng dẫn' }).click();
      const topic = page.getByTestId('help-topic');
      await expect.poll(() => topic.getAttribute('data-role')).toBe('agency');
      await expect.poll(() => page.getByRole('tab').first().textContent()).toBe('Cơ quan được đánh giá');
      await topic.getByRole('heading', { name: 'Cơ quan, đơn vị: tự đánh giá và xem kết quả' }).waitFor();
      const steps = await topic.locator('ol > li').allInnerTexts();
      expect(steps.length).toBeGreaterThanOrEqual(7);
      expect(steps.some((s) => s.includes('“Bắt đầu tự đánh giá”'))).toBe(true);
      expect(steps.some((s) => s.includes('“Thêm tài liệu kiểm chứng”'))).toBe(true);
      expect(steps.some((s) => s.includes('“Gửi đánh giá”'))).toBe(true);
      await screenshot(page, '64-help-agency');
      // the others' pages are one tab away
      await page.getByRole('tab', { name: 'Thanh tra' }).click();
      await topic.getByRole('heading', { name: 'Thanh tra: tính lại và xác minh' }).waitFor();
    });
  });
});
