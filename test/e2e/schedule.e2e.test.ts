// Period dates in the console: the evaluator creates a period with its five dates (the usual ones of
// the year filled in, one changed), a date out of order is refused on its own field, the period's
// page shows the schedule (changed in its dialog), the dashboard its deadline, and moving it to
// appraisal before the self-assessment deadline asks for a reason, which the audit log keeps. Any
// error in the browser console fails the test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer, apiAs } from './support/server';
import { screenshot, signedIn } from './support/browser';

let server: RunningServer;
const YEAR = 2027;
const TITLE = `Đánh giá Chỉ số chuyển đổi số năm ${YEAR} — tỉnh Sơn La`;
const REASON = 'Các cơ quan đã nộp đủ trước hạn; UBND tỉnh yêu cầu thẩm định sớm.';

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  await server?.stop();
});

const as = signedIn(() => server, 'schedule');

describe('period dates', () => {
  it('creates a period with its dates, shows them, and moves it to appraisal early with an audited reason', async () => {
    let periodId = '';
    await as(
      'evaluator',
      async (page) => {
        await page.goto('/#/periods/create');
        await page.getByRole('combobox', { name: 'Bộ chỉ số' }).click();
        await page.getByRole('option', { name: /tỉnh Sơn La$/ }).click();
        await page.locator('input[name="year"]').fill(String(YEAR));
        await page.getByRole('combobox', { name: 'Phiên bản' }).click();
        await page.getByRole('option', { name: /^2023/ }).click();
        await page.locator('input[name="title"]').fill(TITLE);

        // the usual dates of the year are filled in; one is changed, one put out of order
        const day = (key: string) => page.locator(`input[name="schedule.${key}"]`);
        await expect.poll(() => day('opensOn').inputValue()).toBe(`01/03/${YEAR}`);
        await expect.poll(() => day('closesOn').inputValue()).toBe(`20/12/${YEAR}`);
        await day('opensOn').fill(`15/03/${YEAR}`);
        await day('appraisalDue').fill(`15/10/${YEAR}`);
        await page.getByRole('button', { name: 'Lưu' }).click();
        // the server's refusal lands on the appraisal deadline's field
        const field = page.getByTestId('schedule-inputs').locator('.MuiFormControl-root', { has: day('appraisalDue') });
        await field.getByText(/không được trước hạn tự đánh giá/).waitFor();
        await screenshot(page, '90-period-create-schedule-refused');
        await day('appraisalDue').fill(`30/11/${YEAR}`);
        await page.getByRole('button', { name: 'Lưu' }).click();

        // the period's page shows the schedule, the opening day next
        const schedule = page.getByTestId('period-schedule');
        await schedule.waitFor();
        periodId = /#\/periods\/([^/]+)\/show/.exec(page.url())?.[1] ?? '';
        expect(periodId).not.toBe('');
        await expect
          .poll(() => schedule.locator('[data-date="opensOn"]').innerText())
          .toMatch(new RegExp(`Ngày mở kỳ\\s+15/03/${YEAR}\\s+còn \\d+ ngày\\s+sắp tới`));
        await expect
          .poll(() => schedule.locator('[data-date="submissionDue"]').innerText())
          .toMatch(new RegExp(`Hạn tự đánh giá\\s+31/10/${YEAR}`));
        await expect
          .poll(() => schedule.locator('[data-date="replyDue"]').innerText())
          .toMatch(new RegExp(`Hạn phản hồi\\s+10/12/${YEAR}`));
        await screenshot(page, '91-period-schedule');

        // the organiser changes a date in the dialog (PUT with the etag the period was read with)
        await page.getByTestId('edit-schedule').click();
        const edit = page.getByRole('dialog');
        await edit.locator('input[name="schedule.closesOn"]').fill(`22/12/${YEAR}`);
        await edit.getByRole('button', { name: 'Lưu' }).click();
        await edit.waitFor({ state: 'hidden' });
        await expect.poll(() => schedule.locator('[data-date="closesOn"]').innerText()).toMatch(new RegExp(`22/12/${YEAR}`));

        // the dashboard, on this period (the current one), says the self-assessment deadline
        await page.goto('/#/');
        await page.getByRole('combobox', { name: 'Kỳ đánh giá' }).click();
        await page.getByRole('option', { name: new RegExp(TITLE) }).click();
        await expect
          .poll(() => page.getByTestId('period-deadline').innerText())
          .toMatch(new RegExp(`^Hạn tự đánh giá: 31/10/${YEAR} \\(còn \\d+ ngày\\)$`));
        await screenshot(page, '93-dashboard-deadline');
        await page.goto(`/#/periods/${periodId}/show`);
        await schedule.waitFor();

        // to appraisal before the deadline: the server's reason, and a reason asked for
        await page.getByTestId('transition-appraisal').click();
        await page.getByRole('button', { name: 'Xác nhận' }).click();
        const dialog = page.getByTestId('override-dialog');
        await dialog.getByText(/Muốn chuyển sớm, hãy ghi lý do/).waitFor();
        await dialog.getByTestId('override-go').click();
        await dialog.getByText('Bắt buộc nhập').waitFor();
        await dialog.getByLabel('Lý do chuyển trước lịch').fill(REASON);
        await screenshot(page, '92-period-override-dialog');
        await dialog.getByTestId('override-go').click();
        await dialog.waitFor({ state: 'hidden' });
        await page.locator('[data-status="appraisal"]').first().waitFor();
      },
      [/status of 422 .*\/api\/periods$/, /status of 409 .*\/api\/periods\/[^/]+\/transition$/],
    );

    const period = await (await apiAs(server, 'evaluator'))<{ status: string }>('GET', `/periods/${periodId}`);
    expect(period.status).toBe('appraisal');
    const filter = encodeURIComponent(JSON.stringify({ resource: 'periods', resourceId: periodId, action: 'transition' }));
    const entries = await (
      await apiAs(server, 'auditor')
    )<{ after: { status: string; override?: { reason: string } } }[]>('GET', `/audit?filter=${filter}`);
    expect(entries.map((e) => e.after.status)).toEqual(['appraisal']);
    expect(entries[0].after.override?.reason).toBe(REASON);
  });
});
