// Words, not codes, wherever a person reads: agency kinds and attributes, cohort membership rules,
// cohort names in the results, and the audit log (who, what, which record). Any error in the
// browser console fails the test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vietnamDay, viDay } from '../../server/engine';
import { startServer, type RunningServer } from './support/server';
import { screenshot, signedIn } from './support/browser';

let server: RunningServer;

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  await server?.stop();
});

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

const as = signedIn(() => server, 'labels');

describe('labels, not codes', () => {
  it('shows agencies, their kinds and attributes in words, and picks them from lists', async () => {
    await as('admin', async (page) => {
      await page.goto(`/#/agencies?filter=${encodeURIComponent('{"q":"Sở Y tế"}')}`);
      const row = page.locator('tr', { hasText: 'Sở Y tế' }).first();
      await row.waitFor();
      await expect.poll(() => row.innerText()).toContain('Có thủ tục hành chính, dịch vụ công: Có');
      const text = await row.innerText();
      expect(text).toContain('Sở, ngành');
      expect(text).not.toMatch(/department|has_public_services|so-y-te/);
      await screenshot(page, '40-admin-agencies-in-words');

      await page.goto('/#/agencies/so-y-te');
      await expect.poll(() => page.locator('input[name="kind"]').inputValue()).toBe('Sở, ngành');
      const attribute = page.locator('[data-attribute="has_public_services"]');
      await expect.poll(() => attribute.innerText()).toContain('Có thủ tục hành chính, dịch vụ công');
      await screenshot(page, '41-admin-agency-form-in-words');
    });
  });

  it('reads a cohort rule, cohort names and the audit log in words', async () => {
    await as('admin', async (page) => {
      const versions = await (
        await page.request.get(`${server.url}/api/versions?filter=${encodeURIComponent('{"ruleSet":"son-la"}')}`)
      ).json();
      const v2021 = versions.find((v: { version: string }) => v.version === '2021');
      await page.goto(`/#/versions/${v2021.id}`);
      await page.locator('[data-tab="cohorts"]').click();
      const rule = page.locator('[data-condition-leaf]').first();
      await rule.waitFor();
      const words = await rule.innerText();
      expect(words).toContain('Loại cơ quan');
      for (const kind of ['Văn phòng', 'Sở, ngành', 'Ban', 'Thanh tra']) expect(words).toContain(kind);
      expect(words).not.toMatch(/office|department|board|inspectorate/);
      await screenshot(page, '42-admin-cohort-rule-in-words');

      await page.goto('/#/evaluations');
      await page.locator('tbody tr').first().waitFor();
      // names come with the version, read once for the page
      await expect.poll(() => page.locator('tbody').innerText()).toMatch(/Các sở, ban, ngành tỉnh|UBND các huyện, thành phố/);
      const list = await page.locator('tbody').innerText();
      expect(list).not.toMatch(/so-nganh|\bhuyen\b/);

      await page.goto('/#/audit');
      await page.locator('tbody tr').first().waitFor();
      // the administrator's own sign-in is the newest entry: by name, with the action in words
      await page.getByText('Quản trị bộ chỉ số (admin)').first().waitFor();
      await page.getByText('Đăng nhập').first().waitFor();
      const audit = await page.locator('tbody').innerText();
      expect(audit).not.toMatch(UUID);
      expect(audit).not.toMatch(/\b(add-evidence|create|update|login)\b/);
      await screenshot(page, '43-admin-audit-in-words');

      // days typed as officials write them, Việt Nam's days; one that is none is said and filters nothing
      const today = vietnamDay();
      const from = page.locator('input[name="from"]');
      await from.fill(`31/02/${today.slice(0, 4)}`);
      await page.getByText('Ngày không hợp lệ: nhập dạng ngày/tháng/năm, ví dụ 15/12/2024').waitFor();
      await screenshot(page, '44a-admin-audit-day-that-is-none'); // (taken after the filter form's debounce)
      expect(decodeURIComponent(page.url())).not.toContain('"from"');
      await from.fill(viDay(today));
      await expect.poll(() => decodeURIComponent(page.url())).toContain(`"from":"${today}"`);
      await page.getByText('Đăng nhập').first().waitFor();
      await screenshot(page, '44b-admin-audit-from-today');
      // a day made wrong again, or emptied, no longer filters
      await from.fill(`${viDay(today)}x`);
      await expect.poll(() => decodeURIComponent(page.url())).not.toContain('"from"');
      await from.fill(viDay(today));
      await expect.poll(() => decodeURIComponent(page.url())).toContain(`"from":"${today}"`);
      await from.fill('');
      await expect.poll(() => decodeURIComponent(page.url())).not.toContain('"from"');
    });
  });
});
