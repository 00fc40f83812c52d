// Typed work is never lost: an agency that attaches evidence before saving keeps every value it
// typed (the upload makes a new revision the form reloads), a reload of the page restores them from
// the browser's draft, and saving sends them all to the server. And the users list marks as locked
// ("Đã khóa") only the accounts that are. Any error in the browser console fails the test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startServer, type RunningServer, apiAs } from './support/server';
import { fillEveryFact, screenshot, signedIn } from './support/browser';

let server: RunningServer;

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  await server?.stop();
});

const as = signedIn(() => server, 'typed');

const api = (username: string) => apiAs(server, username);

let submissionId = '';
let typed: Record<string, string> = {};

const notification = (page: Page, text: string | RegExp) => page.getByText(text).first();

/** Every fact input's value as the form shows it (selects keep theirs in a hidden input). */
const formValues = (page: Page): Promise<Record<string, string>> =>
  page.$$eval('[data-fact-row] input[name^="facts."], [data-fact-row] textarea[name^="facts."]', (inputs) =>
    Object.fromEntries(inputs.map((i) => [(i as HTMLInputElement).name, (i as HTMLInputElement).value])),
  );

describe('typed work', () => {
  it('survives an evidence upload before saving and a reload, and is saved whole', async () => {
    // an evaluator opens the 2023 period, so the agency has a fresh self-assessment to fill in
    const evaluator = await api('evaluator');
    const versions = await evaluator<{ id: string; ruleSet: string; version: string; status: string }[]>('GET', '/versions');
    const v2023 = versions.find((v) => v.ruleSet.startsWith('son-la') && v.version === '2023' && v.status === 'published');
    expect(v2023).toBeDefined();
    await evaluator('POST', '/periods', {
      ruleSet: v2023!.ruleSet,
      year: 2023,
      versionId: v2023!.id,
      title: 'Đánh giá Chỉ số chuyển đổi số năm 2023 — tỉnh Sơn La',
    });

    await as('so-tttt', async (page) => {
      await page.getByTestId('start-submission').click();
      await page.locator('[data-fact-row]').first().waitFor();
      submissionId = decodeURIComponent(page.url().split('/submissions/')[1] ?? '');
      expect(submissionId).not.toBe('');
      await page.getByText('lần sửa 1').waitFor();

      expect(await fillEveryFact(page)).toBeGreaterThan(20);
      await page.locator('input[name="facts.staff_total"]').fill('120');
      await page.locator('input[name="facts.staff_total"]').blur();
      typed = await formValues(page);
      expect(Object.keys(typed).length).toBeGreaterThan(20);
      expect(Object.values(typed).every((v) => v !== '')).toBe(true);

      // evidence before "Lưu": the server makes revision 2, the form reloads it, the typed values stay
      await page.locator('[data-testid^="add-evidence-"]').first().click();
      await page.getByRole('button', { name: 'Đường dẫn' }).click();
      await page.locator('input[name="evidenceUrl"]').fill('https://sotttt.sonla.gov.vn/quyet-dinh-trang-bi-may-tinh');
      await page.locator('textarea[name="evidenceNote"]').fill('Quyết định trang bị máy tính năm 2023');
      await page.getByTestId('confirm-evidence').click();
      await notification(page, 'Đã thêm tài liệu kiểm chứng').waitFor();
      await page.locator('[data-evidence]').first().waitFor();
      await page.getByText('lần sửa 2').waitFor();
      await page.waitForTimeout(300); // the draft goes back over the reloaded record after the form's reset
      await expect.poll(() => formValues(page)).toEqual(typed);
      await expect.poll(() => page.getByTestId('save-submission').isDisabled()).toBe(false);
      await screenshot(page, 'typed-01-after-evidence');

      // leaving the page warns first; reloading anyway restores every value from the draft
      const dialogs: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.type());
        void dialog.accept();
      });
      await page.reload();
      await page.locator('[data-fact-row]').first().waitFor();
      await page.getByTestId('draft-restored').waitFor();
      expect(dialogs).toEqual(['beforeunload']);
      await expect.poll(() => page.getByTestId('draft-restored').innerText()).toContain('Đã khôi phục các giá trị bạn đã nhập');
      await expect.poll(() => formValues(page)).toEqual(typed);
      await screenshot(page, 'typed-02-restored-after-reload');

      await page.getByTestId('save-submission').click();
      await notification(page, 'Đã lưu bản tự đánh giá').waitFor();
      await page.getByText('lần sửa 3').waitFor();
      await page.getByTestId('draft-restored').waitFor({ state: 'detached' });
      await expect.poll(() => page.getByTestId('save-submission').isDisabled()).toBe(true);
      const drafts = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('chiso-draft.')));
      expect(drafts).toEqual([]);
      await expect.poll(() => formValues(page)).toEqual(typed);
      await screenshot(page, 'typed-03-saved');
    });

    // the server has every value typed
    const agency = await api('so-tttt');
    const saved = await agency<{ revision: number; facts: Record<string, unknown>; evidence: unknown[] }>(
      'GET',
      `/submissions/${encodeURIComponent(submissionId)}`,
    );
    expect(saved.revision).toBe(3);
    expect(saved.evidence).toHaveLength(1);
    const onServer = Object.fromEntries(Object.keys(typed).map((name) => [name, String(saved.facts[name.slice('facts.'.length)] ?? '')]));
    expect(onServer).toEqual(typed);
  });

  it('keeps the typed values over the newer revision when someone else saved first (412)', async () => {
    expect(submissionId).not.toBe('');
    const agency = await api('so-tttt');
    const path = `/submissions/${encodeURIComponent(submissionId)}`;
    const yes = Object.keys(typed).find((name) => typed[name] === 'true');
    expect(yes).toBeDefined();
    const fact = yes!.slice('facts.'.length);
    await as(
      'so-tttt',
      async (page) => {
        await page.goto(`/#${path}`);
        await page.getByText('lần sửa 3').waitFor();
        await page.locator('input[name="facts.staff_total"]').fill('130');
        await page.locator('input[name="facts.staff_total"]').blur();
        // meanwhile a colleague answers another question and saves first: revision 4
        const current = await agency<{ etag: string; facts: Record<string, unknown> }>('GET', path);
        await agency('PUT', path, { facts: { ...current.facts, [fact]: false } }, { 'If-Match': `"${current.etag}"` });

        await page.getByTestId('save-submission').click();
        await notification(page, /Người khác đã sửa bản tự đánh giá này sau khi bạn mở\. Đã tải bản mới nhất/).waitFor();
        await page.getByText('lần sửa 4').waitFor();
        await page.waitForTimeout(300);
        await expect.poll(() => page.locator('input[name="facts.staff_total"]').inputValue()).toBe('130');
        await expect.poll(() => page.locator(`input[name="${yes}"]`).inputValue()).toBe('false');
        await screenshot(page, 'typed-05-conflict-kept');
        await page.getByTestId('save-submission').click();
        await notification(page, 'Đã lưu bản tự đánh giá').waitFor();
        await page.getByText('lần sửa 5').waitFor();
      },
      [/status of 412 \(Precondition Failed\)/],
    );
    const saved = await agency<{ revision: number; facts: Record<string, unknown> }>('GET', path);
    expect(saved.revision).toBe(5);
    expect(saved.facts.staff_total).toBe(130);
    expect(saved.facts[fact]).toBe(false);
  });

  it('marks as locked ("Đã khóa") only the accounts that are', async () => {
    const admin = await api('admin');
    const user = await admin<{ id: string }>('POST', '/users', {
      username: 'tam-khoa',
      fullName: 'Tài khoản bị khóa',
      role: 'auditor',
      password: 'mat-khau-tam-thoi-123',
    });
    await admin('DELETE', `/users/${encodeURIComponent(user.id)}`);

    await as('admin', async (page) => {
      await page.goto('/#/users');
      await page.getByRole('cell', { name: 'tam-khoa' }).waitFor();
      await page.getByRole('columnheader', { name: 'Đã khóa' }).waitFor();
      const rows = page.locator('tbody tr');
      expect(await rows.count()).toBeGreaterThanOrEqual(5);
      await expect
        .poll(() => page.locator('[data-locked]').evaluateAll((cells) => cells.map((c) => c.getAttribute('data-locked'))))
        .toEqual(['tam-khoa']);
      // the active accounts' rows carry no mark at all
      for (const name of ['admin', 'evaluator', 'auditor', 'so-tttt']) {
        const row = page.locator('tbody tr', { has: page.getByRole('cell', { name, exact: true }) });
        await expect(row.innerText()).resolves.not.toMatch(/[✓✗]/);
      }
      await expect.poll(() => page.locator('tbody tr', { hasText: 'tam-khoa' }).innerText()).toContain('✓');
      await screenshot(page, 'typed-04-users-locked');
    });
  });
});
