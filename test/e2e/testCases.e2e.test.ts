// The test-case editor, as an administrator revising criteria uses it: raise a criterion's maximum
// in a new draft, run the version's own test cases, read the failures in the tree's codes and
// titles and the bands' labels, accept the current results after seeing old and new side by side,
// save, run again: all pass. A published version's cases are shown read-only. Any error in the
// browser console fails the test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from './support/server';
import { login, openBrowser, screenshot } from './support/browser';

let server: RunningServer;

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  await server?.stop();
});

describe('the test cases of a version', () => {
  it('fail in labels after a deliberate change, and pass again once the current results are accepted', async () => {
    const session = await openBrowser(server.url);
    try {
      const { page } = session;
      await login(page, 'admin', server.passwords.admin);
      await page.goto('/#/versions');
      await page.locator('tr', { hasText: 'Bộ chỉ số đánh giá Chính quyền số' }).getByTestId('copy-version').click();
      await page.getByTestId('confirm-copy').click();
      await page.locator('[data-status="draft"]').waitFor();
      const draftId = /#\/versions\/([^/?]+)/.exec(page.url())![1];

      // S1.1 (45 of 50 staff with a computer) is worth 4 points instead of 3
      await page.locator('[data-node-code="S1.1"]').click();
      const max = page.locator('[data-pointer="/criteria/0/children/0/max"] input');
      await expect.poll(() => max.inputValue()).toBe('3');
      await max.fill('4');
      await page.getByTestId('dirty').waitFor();

      await page.locator('[data-tab="tests"]').click();
      const list = page.getByTestId('tests-list');
      await expect.poll(() => list.innerText()).toContain('Sở mẫu (kiểm thử)');
      await page.getByRole('button', { name: 'Lưu và chạy ca kiểm thử' }).click();
      await expect.poll(() => page.getByTestId('tests-summary').innerText()).toBe('Đạt 4/7');
      await page.getByTestId('dirty').waitFor({ state: 'detached' });

      // the first failing case is open: its failures name the criterion, not "points.S1.1"
      const failures = page.getByTestId('case-failures');
      await expect
        .poll(() => failures.innerText())
        .toContain('Tiêu chí S1.1 Tỷ lệ CBCCVC được trang bị máy tính phục vụ công việc: kỳ vọng 2,7, thực tế 3,6');
      await expect.poll(() => failures.innerText()).toContain('Tổng điểm: kỳ vọng 85, thực tế 85,05');
      expect(await failures.innerText()).not.toMatch(/points\.|S1\.1:/);
      const s11 = page.locator('[data-expect-row="points.S1.1"]');
      await expect.poll(() => s11.getAttribute('data-failed')).toBe('true');
      await expect.poll(() => s11.locator('[data-cell="actual"]').innerText()).toBe('3,6');
      await expect.poll(() => s11.locator('input').inputValue()).toBe('2,7');
      await screenshot(page, '30-admin-test-failures');

      // the 84.99 case now reaches "Tốt": said with the bands' labels
      await list.getByText('Sở đạt 84,99 điểm → Khá (ngay dưới ngưỡng Tốt)').click();
      await expect.poll(() => page.getByTestId('case-failures').innerText()).toContain('Xếp loại: kỳ vọng Khá, thực tế Tốt');
      const band = page.locator('[data-pointer="/tests/1/expect/band"]');
      await expect.poll(() => band.innerText()).toContain('Khá');
      await page.getByTestId('accept-case').click();
      const dialog = page.getByTestId('accept-dialog');
      await expect.poll(() => dialog.locator('[data-accept-row="band"] [data-cell="old"]').innerText()).toBe('Khá');
      await expect.poll(() => dialog.locator('[data-accept-row="band"] [data-cell="new"]').innerText()).toBe('Tốt');
      await expect.poll(() => dialog.locator('[data-accept-row="total"]').innerText()).toMatch(/Tổng điểm\s+84,99\s+85,04/);
      await screenshot(page, '31-admin-accept-case');
      await page.getByTestId('confirm-accept').click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByTestId('dirty').waitFor();
      await expect.poll(() => band.innerText()).toContain('Tốt');

      // the two other failing cases at once, confirmed in one table of old and new
      await page.getByTestId('accept-all').click();
      await expect.poll(() => dialog.locator('[data-accept-row]').count()).toBe(7);
      await expect.poll(() => dialog.innerText()).toContain('Cơ quan không có TTHC: nhóm 2.2 không áp dụng, quy đổi về thang 100');
      await expect.poll(() => dialog.innerText()).toMatch(/Chỉ số chính 1 Hạ tầng và nền tảng số\s+16,2\s+17,1/);
      await screenshot(page, '32-admin-accept-all');
      await page.getByTestId('confirm-accept').click();
      await dialog.waitFor({ state: 'detached' });
      await expect.poll(() => page.getByTestId('accept-all').count()).toBe(0);
      await list.getByText('Sở đạt đúng 85,00 điểm → Tốt (ngưỡng dưới của mức Tốt)').click();
      await expect.poll(() => s11.locator('input').inputValue()).toBe('3,6');

      // what was accepted is in the draft, as the JSON tab shows, and stored on save
      await page.locator('[data-tab="raw"]').click();
      await expect.poll(() => page.getByTestId('raw-json').inputValue()).toContain('"S1.1": 3.6');
      await page.locator('[data-tab="tests"]').click();
      await page.getByTestId('save-version').click();
      await page.getByText('Đã lưu bản nháp').first().waitFor();
      await page.getByTestId('dirty').waitFor({ state: 'detached' });
      await page.getByRole('button', { name: 'Chạy ca kiểm thử' }).click();
      // the summary of the run before stays until this run answers
      await page.getByTestId('tests-summary').filter({ hasText: 'Đạt 7/7' }).waitFor();
      await page.getByTestId('case-passed').waitFor();
      await screenshot(page, '33-admin-tests-pass');

      const saved = await (await page.request.get(`${server.url}/api/versions/${draftId}`)).json();
      expect(saved.document.tests[0].expect.points['S1.1']).toBe(3.6);
      expect(saved.document.tests[1].expect.band).toBe('tot');

      // a case is renamed in its form, added as a copy of the one open, and removed again
      await page.locator('[data-pointer="/tests/0/name"] input').fill('Sở đạt 85,05 điểm → Tốt');
      await list.getByText('Sở đạt 85,05 điểm → Tốt', { exact: true }).waitFor();
      await page.getByTestId('dirty').waitFor();
      const panel = page.getByTestId('tests-panel');
      await panel.getByRole('button', { name: 'Thêm' }).click();
      await list.getByText('Sở đạt 85,05 điểm → Tốt (bản sao 1)').waitFor();
      await expect.poll(() => panel.innerText()).toContain('8 ca kiểm thử');
      await expect.poll(() => page.locator('[data-pointer="/tests/7/expect/points/S1.1"] input').inputValue()).toBe('3,6');
      await panel.getByRole('button', { name: 'Gỡ bỏ' }).click();
      await expect.poll(() => panel.innerText()).toContain('7 ca kiểm thử');
      expect(await list.getByText('(bản sao 1)').count()).toBe(0);

      // a published version's cases can be read, not changed
      const versions = await (await page.request.get(`${server.url}/api/versions`)).json();
      const published = versions.find((v: { status: string; version: string }) => v.status === 'published' && v.version === '2021');
      await page.goto(`/#/versions/${published.id}`);
      await page.locator('[data-status="published"]').first().waitFor();
      await page.locator('[data-tab="tests"]').click();
      await page.getByTestId('test-case-form').waitFor();
      await expect(page.locator('[data-pointer="/tests/0/name"] input').getAttribute('readonly')).resolves.not.toBeNull();
      await expect.poll(() => page.getByTestId('tests-panel').getByRole('button', { name: 'Thêm' }).isDisabled()).toBe(true);
      await expect.poll(() => page.getByTestId('tests-panel').getByRole('button', { name: 'Gỡ bỏ' }).isDisabled()).toBe(true);
      expect(await page.getByTestId('add-expected-node').count()).toBe(0);
      expect(session.errors).toEqual([]);
    } catch (error) {
      await screenshot(session.page, `failed-test-cases-${Date.now()}`).catch(() => undefined);
      throw error;
    } finally {
      await session.close();
    }
  });
});
