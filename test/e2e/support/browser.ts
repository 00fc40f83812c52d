// Debian's chromium through playwright-core, headless, with every console error and page error
// collected so that a test can fail on them.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';

export const SCREENSHOTS = path.resolve(here, '../screenshots');

export interface Session {
  context: BrowserContext;
  page: Page;
  errors: string[];
  close: () => Promise<void>;
}

export async function openBrowser(baseURL: string): Promise<Session> {
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'chiso-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    baseURL,
    viewport: { width: 1440, height: 900 },
    locale: 'vi-VN',
    acceptDownloads: true,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()} @ ${msg.location().url}`);
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  return {
    context,
    page,
    errors,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.waitForTimeout(1600); // charts animate their bars in; notifications fade
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

export async function login(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/#/login');
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByTestId('role-chip').waitFor();
}

/**
 * Work done signed in as one account, in a fresh browser profile closed afterwards: `signedIn(() =>
 * server, 'year')` gives the `as(username, work, expected)` of a test file. The work fails on any
 * console or page error except the browser's own log line of each refusal the test expects, which
 * must appear exactly once; a failure is photographed as `failed-<name>-<username>-<time>.png`.
 */
export const signedIn =
  (server: () => { url: string; passwords: Record<string, string> }, name: string) =>
  async (username: string, work: (page: Page, session: Session) => Promise<void>, expected: RegExp[] = []): Promise<void> => {
    const session = await openBrowser(server().url);
    try {
      await login(session.page, username, server().passwords[username]);
      await work(session.page, session);
      expect(session.errors.filter((e) => !expected.some((re) => re.test(e)))).toEqual([]);
      for (const re of expected) expect(session.errors.filter((e) => re.test(e))).toHaveLength(1);
    } catch (error) {
      await screenshot(session.page, `failed-${name}-${username}-${Date.now()}`).catch(() => undefined);
      throw error;
    } finally {
      await session.close();
    }
  };

export async function logout(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Hồ sơ' }).click();
  await page.getByRole('menuitem', { name: 'Đăng xuất' }).click();
  await page.locator('input[name="username"]').waitFor();
}

/**
 * Fills every fact of the open self-assessment form as an agency would: the first choice of each
 * list, the smallest allowed number (at least 1) elsewhere. Returns how many facts it filled.
 */
export async function fillEveryFact(page: Page): Promise<number> {
  const rows = page.locator('[data-fact-row]');
  const count = await rows.count();
  for (let i = 0; i < count; i++) {
    const row = rows.nth(i);
    const combo = row.getByRole('combobox');
    if (await combo.count()) {
      await combo.click();
      await page.getByRole('option').first().click();
      continue;
    }
    const input = row.locator('input[name^="facts."], textarea[name^="facts."]').first();
    const min = await input.getAttribute('min');
    await input.fill(min && Number(min) > 0 ? min : '1');
  }
  return count;
}
