// The console end to end, in Vietnamese, against the real server with its demo data: each role sees
// what it may do; an administrator amends a rule set and publishes it; an agency fills in and submits
// its self-assessment; an evaluator appraises, evaluates and publishes the ranking; an auditor replays
// it and sees it verified. Any error in the browser console fails the test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiAs, fileRequiredEvidence, startServer, type RunningServer } from './support/server';
import { fillEveryFact, login, openBrowser, screenshot, signedIn } from './support/browser';

let server: RunningServer;

beforeAll(async () => {
  server = await startServer();
  expect(Object.keys(server.passwords).sort()).toEqual(['admin', 'auditor', 'evaluator', 'so-tttt']);
});

afterAll(async () => {
  await server?.stop();
});

const as = signedIn(() => server, 'console');

const menu = (page: Page) => page.locator('.RaMenu-open, .RaMenu-closed').first();
const notification = (page: Page, text: string | RegExp) => page.getByText(text).first();

async function menuTexts(page: Page): Promise<string> {
  await menu(page).getByText('Tổng quan').waitFor();
  return (await menu(page).innerText()).replace(/\s+/g, ' ');
}

describe('the console', () => {
  it('shows each role only what it may do, in Vietnamese', async () => {
    await as('admin', async (page) => {
      const items = await menuTexts(page);
      for (const item of ['Bộ chỉ số', 'Phiên bản', 'Kỳ đánh giá', 'Nhật ký hoạt động', 'Cơ quan, đơn vị', 'Người dùng'])
        expect(items).toContain(item);
      await page.getByTestId('current-period').waitFor();
      await page.getByTestId('chart-bands').waitFor();
      await screenshot(page, '01-admin-dashboard');
      // English on request, Vietnamese again
      await page.locator('button[aria-controls="simple-menu"]').click();
      await page.getByRole('menuitem', { name: 'English' }).click();
      await menu(page).getByText('Users').waitFor();
      await page.locator('button[aria-controls="simple-menu"]').click();
      await page.getByRole('menuitem', { name: 'Tiếng Việt' }).click();
      await menu(page).getByText('Người dùng').waitFor();
    });
    await as('evaluator', async (page) => {
      const items = await menuTexts(page);
      expect(items).toContain('Kỳ đánh giá');
      expect(items).toContain('Bản tự đánh giá');
      expect(items).not.toContain('Người dùng');
      expect(items).not.toContain('Nhật ký hoạt động');
      await page.goto('/#/versions');
      await page.getByText('Bộ chỉ số đánh giá Chính quyền số').first().waitFor();
      expect(await page.getByRole('link', { name: 'Tạo mới' }).count()).toBe(0);
      await screenshot(page, '02-evaluator-dashboard');
    });
    await as('auditor', async (page) => {
      const items = await menuTexts(page);
      for (const item of ['Tính lại và xác minh', 'Giả định', 'Nhật ký hoạt động', 'Người dùng']) expect(items).toContain(item);
      await page.goto('/#/agencies');
      await page.getByText('Sở Công Thương').first().waitFor();
      expect(await page.getByRole('link', { name: 'Tạo mới' }).count()).toBe(0);
      await page.goto('/#/audit');
      await page.getByTestId('verify-chain').click();
      await expect.poll(() => page.getByTestId('chain-result').innerText()).toContain('Chuỗi nhật ký toàn vẹn');
      await screenshot(page, '03-auditor-audit-verified');
    });
    await as('so-tttt', async (page) => {
      const items = await menuTexts(page);
      expect(items).toContain('Bản tự đánh giá');
      for (const hidden of ['Phiên bản', 'Người dùng', 'Nhật ký hoạt động', 'Cơ quan, đơn vị', 'Tính lại và xác minh'])
        expect(items).not.toContain(hidden);
      await page.getByText('Bản tự đánh giá của đơn vị').waitFor();
      await screenshot(page, '04-agency-dashboard');
    });
  });

  it('lets an administrator copy a version, move a band threshold, preview the impact and publish it', async () => {
    await as('admin', async (page) => {
      await page.goto('/#/versions');
      const row = page.locator('tr', { hasText: 'Bộ chỉ số đánh giá Chính quyền số' });
      await row.getByTestId('copy-version').click();
      // offered the year after the rule set's latest version (2021, 2023 and 2024 exist); this
      // amendment is for 2022
      await expect.poll(() => page.locator('input[name="newVersion"]').inputValue()).toBe('2025');
      await page.locator('input[name="newVersion"]').fill('2022');
      await page.getByTestId('confirm-copy').click();
      await page.getByTestId('version-heading').filter({ hasText: '2022' }).waitFor();
      await page.locator('[data-status="draft"]').waitFor();
      await page.getByTestId('criteria-tree').waitFor();
      await page.getByTestId('node-form').waitFor();
      await screenshot(page, '05-admin-editor-tree');

      // a copy labelled 2022 is in force from 1 January 2022, shown as a Vietnamese official writes it
      await page.locator('[data-tab="general"]').click();
      const from = page.locator('[data-pointer="/effective/from"] input');
      await expect.poll(() => from.inputValue()).toBe('01/01/2022');

      // the band "Khá" starts at 75 instead of 70
      await page.locator('[data-tab="bands"]').click();
      const khaMin = page.locator('[data-pointer="/bands/levels/1/min"] input');
      await expect.poll(() => khaMin.inputValue()).toBe('70');
      await khaMin.fill('75');
      await page.getByTestId('dirty').waitFor();
      await screenshot(page, '06-admin-editor-bands');

      // re-scored in the browser: agencies between 70 and 75 leave "Khá"
      await page.locator('[data-tab="impact"]').click();
      await page.getByTestId('impact-table').waitFor();
      await page.getByTestId('impact-summary').waitFor();
      expect(await page.locator('[data-testid="impact-table"] tr[data-changed="true"]').count()).toBeGreaterThan(0);
      await screenshot(page, '07-admin-impact-preview');

      // Each edit re-scores the period in the browser (scoring-only path); measured, not asserted.
      const timings: number[] = [];
      const rescored = async () => {
        const summary = page.getByTestId('impact-summary');
        await summary.waitFor();
        timings.push(Number(await summary.getAttribute('data-rescore-ms')));
      };
      await rescored();
      for (const min of ['76', '74', '75']) {
        await page.locator('[data-tab="bands"]').click();
        await khaMin.fill(min);
        await page.locator('[data-tab="impact"]').click();
        await page.getByTestId('impact-table').waitFor();
        await rescored();
      }
      const rows = await page.locator('[data-testid="impact-table"] tbody tr').count();
      console.log(`impact preview: ${rows} agencies re-scored in ${timings.map((t) => t.toFixed(1)).join(', ')} ms (one frame is 16 ms)`);

      await page.getByTestId('save-version').click();
      await notification(page, 'Đã lưu bản nháp').waitFor();
      await page.getByTestId('dirty').waitFor({ state: 'detached' });

      await page.locator('[data-tab="tests"]').click();
      await page.getByRole('button', { name: 'Chạy ca kiểm thử' }).click();
      await expect.poll(() => page.getByTestId('tests-summary').innerText()).toBe('Đạt 7/7');
      await page.locator('[data-tab="lint"]').click();
      await page.getByRole('button', { name: 'Chạy rà soát' }).click();
      await page.getByTestId('lint-panel').locator('[data-testid="findings"], [data-testid="no-findings"]').first().waitFor();
      await screenshot(page, '08-admin-lint');

      await page.getByTestId('publish-version').click();
      await page.locator('textarea[name="changeNoteVi"]').fill('Nâng ngưỡng xếp loại Khá từ 70 lên 75 điểm.');
      // the amendment needs its own decision: the copied one is not offered
      await page.getByTestId('publish-new-decision').waitFor();
      await expect.poll(() => page.getByTestId('publish-new-decision').innerText()).toContain('2245/QĐ-UBND');
      await expect.poll(() => page.locator('input[name="decision"]').inputValue()).toBe('');
      await page.locator('input[name="decision"]').fill('3012/QĐ-UBND');
      await page.locator('input[name="date"]').fill('28/12/2021');
      await screenshot(page, '09-admin-publish-dialog');
      // 2021 is still in force on those days: the dialog asks what becomes of it, and waits for an answer
      const overlap = page.getByTestId('publish-overlap');
      await overlap.waitFor();
      await expect.poll(() => overlap.innerText()).toContain('2021 (15/09/2021 – 12/04/2023)');
      await expect.poll(() => page.getByTestId('confirm-publish').isDisabled()).toBe(true);
      await overlap.getByLabel(/Kết thúc hiệu lực vào ngày 31\/12\/2021/).check();
      await screenshot(page, '09b-admin-publish-overlap');
      await page.getByTestId('confirm-publish').click();
      await notification(page, 'Đã ban hành phiên bản').waitFor();
      await page.locator('[data-status="published"]').first().waitFor();

      await page.getByRole('link', { name: 'So sánh' }).click();
      await page.getByTestId('diff-table').waitFor();
      await expect.poll(() => page.getByTestId('diff-table').innerText()).toMatch(/75/);
      // the band is named by its section and label, not its id
      await expect(page.getByTestId('diff-table').innerText()).resolves.not.toMatch(/\bkha\b/);
      await screenshot(page, '10-admin-diff');
    });
  });

  it('tells an administrator when someone else changed the draft, and saves nothing', async () => {
    const other = await openBrowser(server.url);
    try {
      await as(
        'admin',
        async (page) => {
          await page.goto('/#/versions');
          const row = page.locator('tr', { hasText: 'Bộ chỉ số đánh giá Chính quyền số' }).first();
          await row.getByTestId('copy-version').click();
          await page.locator('input[name="newVersion"]').fill('2022.1');
          await page.getByTestId('confirm-copy').click();
          await page.locator('[data-status="draft"]').waitFor();
          const url = page.url();
          // a second administrator opens the same draft, changes a maximum and saves first
          await login(other.page, 'admin', server.passwords.admin);
          await other.page.goto(url);
          await other.page.locator('[data-node-code="S1.1"]').click();
          await other.page.locator('[data-pointer="/criteria/0/children/0/max"] input').fill('4');
          await other.page.getByTestId('save-version').click();
          await other.page.getByText('Đã lưu bản nháp').first().waitFor();
          // this one, still on the old draft, saves its own change
          await page.locator('[data-node-code="S1.2"]').click();
          await page.locator('[data-pointer="/criteria/0/children/1/max"] input').fill('2');
          await page.getByTestId('save-version').click();
          await page.getByTestId('conflict').waitFor();
          await expect.poll(() => page.getByTestId('conflict').innerText()).toContain('Người khác đã sửa bản nháp này');
          await page.getByTestId('dirty').waitFor();
          await screenshot(page, '11a-admin-conflict');
          // the other administrator's change is what the server kept
          await page.getByRole('button', { name: 'Tải lại' }).click();
          await page.locator('[data-node-code="S1.2"]').click();
          await expect.poll(() => page.locator('[data-pointer="/criteria/0/children/1/max"] input').inputValue()).toBe('3');
          await page.locator('[data-node-code="S1.1"]').click();
          await expect.poll(() => page.locator('[data-pointer="/criteria/0/children/0/max"] input').inputValue()).toBe('4');
        },
        [/status of 412 \(Precondition Failed\)/],
      );
      expect(other.errors).toEqual([]);
    } finally {
      await other.close();
    }
  });

  it('lets an evaluator open an assessment period', async () => {
    await as('evaluator', async (page) => {
      await page.goto('/#/periods/create');
      await page.getByRole('combobox', { name: 'Bộ chỉ số' }).click();
      await page.getByRole('option', { name: /tỉnh Sơn La$/ }).click();
      await page.locator('input[name="year"]').fill('2023');
      await page.getByRole('combobox', { name: 'Phiên bản' }).click();
      await page.getByRole('option', { name: /^2023/ }).click();
      await page.locator('input[name="title"]').fill('Đánh giá Chỉ số chuyển đổi số năm 2023 — tỉnh Sơn La');
      // Assessed late: the agencies still have a month to self-assess.
      const day = (offset: number) =>
        new Date(Date.now() + 7 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10).split('-').reverse().join('/');
      for (const [key, offset] of [
        ['submissionDue', 30],
        ['appraisalDue', 40],
        ['replyDue', 50],
        ['closesOn', 60],
      ] as const) {
        await page.locator(`input[name="schedule.${key}"]`).fill(day(offset));
      }
      await page.getByRole('button', { name: 'Lưu' }).click();
      await page.getByTestId('period-stepper').waitFor();
      await page.locator('[data-status="open"]').first().waitFor();
      await screenshot(page, '11-evaluator-period-open');
    });
  });

  it('lets an agency fill in its generated form, with evidence, and submit it', async () => {
    await as('so-tttt', async (page) => {
      await page.getByTestId('start-submission').click();
      await page.locator('[data-fact-row]').first().waitFor();

      // Vietnamese validation on a bounded number
      const staff = page.locator('input[name="facts.staff_total"]');
      await staff.fill('999999');
      await staff.blur();
      await page.getByText('Phải nhỏ hơn hoặc bằng 5000').waitFor();

      expect(await fillEveryFact(page)).toBeGreaterThan(20);
      await staff.fill('120');
      await screenshot(page, '12-agency-form');
      await page.getByTestId('save-submission').click();
      await notification(page, 'Đã lưu bản tự đánh giá').waitFor();

      const evidenceButton = page.locator('[data-testid^="add-evidence-"]').first();
      await evidenceButton.click();
      await page.getByRole('button', { name: 'Đường dẫn' }).click();
      await page.locator('input[name="evidenceUrl"]').fill('https://sotttt.sonla.gov.vn/quyet-dinh-trang-bi-may-tinh');
      await page.locator('textarea[name="evidenceNote"]').fill('Quyết định trang bị máy tính năm 2023');
      await page.getByTestId('confirm-evidence').click();
      await notification(page, 'Đã thêm tài liệu kiểm chứng').waitFor();
      await page.locator('[data-evidence]').first().waitFor();
      // The rest of the evidence the version requires, linked as the agency does for the bulk of it.
      const submissionId = /#\/submissions\/([^/]+)/.exec(page.url())![1];
      expect(await fileRequiredEvidence(await apiAs(server, 'so-tttt'), submissionId)).toBeGreaterThan(10);
      await page.reload();
      await page.locator('[data-fact-row]').first().waitFor();

      await page.getByTestId('submit-submission').click();
      await page.getByRole('button', { name: 'Xác nhận' }).click();
      await notification(page, 'Đã gửi bản tự đánh giá').waitFor();
      await page.getByTestId('appraisal-table').waitFor();
      await page.locator('[data-status="submitted"]').first().waitFor();
      await screenshot(page, '13-agency-submitted');
    });
  });

  it('lets an evaluator appraise with a reason, evaluate and publish the ranking', async () => {
    await as(
      'evaluator',
      async (page) => {
        await page.goto('/#/periods');
        await page.getByText('Đánh giá Chỉ số chuyển đổi số năm 2021').click();
        await page.getByTestId('period-stepper').waitFor();
        await page.getByRole('cell', { name: 'Sở Công Thương' }).click();
        await page.getByTestId('appraisal-table').waitFor();

        await page.getByTestId('appraise-staff_with_computer').click();
        await page.locator('input[name="appraisedValue"]').fill('50');
        await expect.poll(() => page.getByTestId('confirm-appraisal').isDisabled()).toBe(true);
        await page.locator('textarea[name="reason"]').fill('Biên bản kiểm tra thực tế: chỉ 50 máy tính đang sử dụng.');
        await page.getByTestId('confirm-appraisal').click();
        await notification(page, 'Đã lưu kết quả thẩm định').waitFor();
        await page.getByTestId('appraisal-history').getByText('Biên bản kiểm tra thực tế').waitFor();
        await screenshot(page, '14-evaluator-appraisal');

        await page.getByRole('link', { name: /Đánh giá Chỉ số chuyển đổi số năm 2021/ }).click();
        await page.getByTestId('transition-closed').click();
        await page.getByRole('button', { name: 'Xác nhận' }).click();
        await notification(page, /Kỳ đánh giá chuyển sang/).waitFor();
        await page.locator('[data-status="closed"]').first().waitFor();

        // the period already has results: scoring again is asked first
        await page.getByTestId('evaluate-period').click();
        await page.getByRole('dialog').getByRole('button', { name: 'Chấm điểm lại' }).click();
        await page.waitForURL(/\/ranking$/);
        await page.getByTestId('chart-distribution').waitFor();
        await page.locator('tr[data-rank="1"]').first().waitFor();
        await screenshot(page, '15-evaluator-ranking');
        // publishing cites the decision approving the results, as signed; the issuer is the regulation's
        await page.getByTestId('publish-ranking').click();
        const dialog = page.getByRole('dialog');
        await expect.poll(() => dialog.getByTestId('decision-issuer').inputValue()).toBe('Ủy ban nhân dân tỉnh Sơn La');
        await dialog.getByTestId('decision-number').fill('2923/QĐ-UBND');
        await dialog.getByTestId('decision-date').fill('31/02/2022');
        await dialog.getByTestId('decision-signerTitle').fill('KT. Chủ tịch – Phó Chủ tịch');
        await dialog.getByTestId('confirm-decision').click();
        // a day that is none, and a blank name, are said under their fields before anything is sent
        await dialog.getByText('Ngày không hợp lệ: nhập dạng ngày/tháng/năm, ví dụ 15/12/2024').waitFor();
        await dialog.getByText('Bắt buộc').waitFor();
        await dialog.getByTestId('decision-date').fill('31/12/2021');
        await dialog.getByTestId('decision-signerName').fill('Đặng Ngọc Hậu');
        await screenshot(page, '16a-evaluator-publish-decision');
        await dialog.getByTestId('confirm-decision').click();
        await notification(page, 'Đã công bố kết quả xếp hạng').waitFor();
        await page.getByText('Kết quả xếp hạng đã công bố ·').waitFor();
        await expect
          .poll(() => page.getByTestId('ranking-decision').innerText())
          .toBe('Quyết định số 2923/QĐ-UBND ngày 31/12/2021 của Chủ tịch Ủy ban nhân dân tỉnh Sơn La');
        await expect.poll(() => page.getByTestId('ranking-signer').innerText()).toBe('Người ký: KT. Chủ tịch – Phó Chủ tịch Đặng Ngọc Hậu');
        await page.getByTestId('in-force').filter({ hasText: 'Đang có hiệu lực' }).waitFor();
        await screenshot(page, '16-evaluator-published');

        // a correction supersedes it under its own decision; both stay listed, one in force
        await page.getByTestId('correct-ranking').click();
        await expect.poll(() => dialog.getByTestId('decision-issuer').inputValue()).toBe('Ủy ban nhân dân tỉnh Sơn La');
        await dialog.getByTestId('decision-number').fill('2923/QĐ-UBND');
        await dialog.getByTestId('decision-date').fill('15/01/2022');
        await dialog.getByTestId('decision-signerTitle').fill('Chủ tịch');
        await dialog.getByTestId('decision-signerName').fill('Nguyễn Thành Công');
        await dialog.getByTestId('decision-reason').fill('Đính chính chức danh người ký.');
        await dialog.getByTestId('confirm-decision').click();
        // the server's finding shows under the number: a correction has a number of its own
        await dialog.getByText('Quyết định đính chính phải có số khác với quyết định số 2923/QĐ-UBND mà nó đính chính.').waitFor();
        await dialog.getByTestId('decision-number').fill('125/QĐ-UBND');
        await screenshot(page, '16b-evaluator-correction');
        await dialog.getByTestId('confirm-decision').click();
        await notification(page, 'Đã công bố bản đính chính').waitFor();
        await page.getByTestId('ranking-decision').filter({ hasText: 'Quyết định số 125/QĐ-UBND ngày 15/01/2022' }).waitFor();
        await expect
          .poll(() => page.getByTestId('ranking-correction').innerText())
          .toBe('Đính chính kết quả công bố theo Quyết định số 2923/QĐ-UBND · Lý do đính chính: Đính chính chức danh người ký.');
        await page.goto('/#/published-rankings');
        await page.getByTestId('superseded').filter({ hasText: 'Đã được thay thế bởi Quyết định số 125/QĐ-UBND' }).waitFor();
        await page.getByTestId('in-force').waitFor();
        await screenshot(page, '16c-published-rankings-list');
      },
      [/status of 422/],
    );
  });

  it('lets an auditor replay the published ranking and see it verified', async () => {
    await as('auditor', async (page) => {
      await page.goto('/#/replay');
      await page.getByRole('combobox', { name: 'Kết quả xếp hạng đã công bố' }).filter({ hasText: '2021' }).waitFor();
      await page.getByTestId('run-replay').click();
      await page.getByTestId('replay-verified').waitFor();
      await expect.poll(() => page.getByTestId('replay-verified').innerText()).toContain('Đã xác minh ✓');
      await screenshot(page, '17-auditor-replay-verified');

      await page.goto('/#/what-if');
      await page.getByRole('combobox', { name: 'Kỳ đánh giá' }).click();
      await page.getByRole('option', { name: /2021/ }).click();
      await page.getByRole('combobox', { name: 'Phiên bản' }).click();
      await page.getByRole('option', { name: /^2022 · / }).click();
      await page.getByTestId('run-what-if').click();
      await page.getByTestId('what-if-table').waitFor();
      expect(await page.locator('[data-testid="what-if-table"] tr[data-changed="true"]').count()).toBeGreaterThan(0);
      await screenshot(page, '18-auditor-what-if');

      await page.goto(`/#/evaluations?filter=${encodeURIComponent(JSON.stringify({ agencyId: 'so-cong-thuong' }))}`);
      await page.getByRole('cell', { name: 'Sở Công Thương' }).first().click();
      await page.getByTestId('points-tree').waitFor();
      await page.getByRole('button', { name: 'Chi tiết' }).first().click();
      await page.getByTestId('trace').first().waitFor();
      await page.waitForTimeout(500); // let the details finish opening
      await screenshot(page, '19-auditor-evaluation');
    });
  });
});
