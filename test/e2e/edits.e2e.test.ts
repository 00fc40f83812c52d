// Saving an edited record from the console: the form read it with its ETag and saves with If-Match,
// so an administrator's change goes through (and another's in between would be refused, 412). Any
// error in the browser console fails the test.
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

describe('editing in the console', () => {
  it('saves an agency and a user account edited in their forms', async () => {
    const session = await openBrowser(server.url);
    try {
      const { page } = session;
      await login(page, 'admin', server.passwords.admin);
      await page.goto('/#/agencies/so-y-te');
      const name = page.locator('input[name="name"]');
      await expect.poll(() => name.inputValue()).toBe('Sở Y tế');
      await name.fill('Sở Y tế tỉnh Sơn La');
      await page.getByRole('button', { name: 'Lưu' }).click();
      await page.waitForURL(/#\/agencies(\?|$)/);
      await page.goto('/#/agencies/so-y-te');
      await expect.poll(() => page.locator('input[name="name"]').inputValue()).toBe('Sở Y tế tỉnh Sơn La');
      await screenshot(page, '20-admin-agency-saved');

      const users = await (await page.request.get(`${server.url}/api/users?filter=${encodeURIComponent('{"q":"evaluator"}')}`)).json();
      await page.goto(`/#/users/${users[0].id}`);
      const fullName = page.locator('input[name="fullName"]');
      await fullName.waitFor();
      await fullName.fill('Nguyễn Thị Thẩm Định');
      await page.getByRole('button', { name: 'Lưu' }).click();
      await page.waitForURL(/#\/users(\?|$)/);
      const saved = await (await page.request.get(`${server.url}/api/users/${users[0].id}`)).json();
      expect(saved.fullName).toBe('Nguyễn Thị Thẩm Định');
      expect(session.errors).toEqual([]);
    } catch (error) {
      await screenshot(session.page, `failed-edits-${Date.now()}`).catch(() => undefined);
      throw error;
    } finally {
      await session.close();
    }
  });
});
