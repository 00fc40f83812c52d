// The dates of an assessment year and what they allow: when agencies may self-assess, when the
// period may move on, when an agency may reply to its appraisal. A period without dates (made before
// periods had them) is bound by none. Days are Việt Nam calendar days; a deadline day is included.
import { dayAfter, parseDay, vietnamDay, viDay, type Bilingual } from '../engine';
import { SCHEDULE_DATES, type Period, type PeriodSchedule } from '../store/periods';
import type { Actor } from './actor';
import { Problem, type ProblemError } from '../problems/problem';

const DATE_WORDS: Record<keyof PeriodSchedule, Bilingual> = {
  opensOn: { vi: 'ngày mở kỳ', en: 'the opening day' },
  submissionDue: { vi: 'hạn tự đánh giá', en: 'the self-assessment deadline' },
  appraisalDue: { vi: 'hạn thẩm định', en: 'the appraisal deadline' },
  replyDue: { vi: 'hạn phản hồi', en: 'the reply deadline' },
  closesOn: { vi: 'ngày kết thúc kỳ', en: 'the closing day' },
};

/** The schedule as given, each date a real day and each no earlier than the one before; else 422 with the fields. */
export function checkedSchedule(input: Record<string, unknown>): PeriodSchedule {
  const errors: ProblemError[] = [];
  const out: Partial<PeriodSchedule> = {};
  let previous: { key: keyof PeriodSchedule; day: string } | null = null;
  for (const key of SCHEDULE_DATES) {
    const given = input[key];
    const day = typeof given === 'string' ? parseDay(given) : null;
    const words = DATE_WORDS[key];
    if (!day) {
      const message = { vi: `Cần nhập ${words.vi} là một ngày có thật (dd/mm/yyyy).`, en: `${words.en} must be a real day.` };
      errors.push({ severity: 'error', path: `/schedule/${key}`, code: 'invalid-schedule', message });
      continue;
    }
    if (previous && day < previous.day) {
      const before = DATE_WORDS[previous.key];
      errors.push({
        severity: 'error',
        path: `/schedule/${key}`,
        code: 'invalid-schedule',
        message: {
          vi: `${cap(words.vi)} (${viDay(day)}) không được trước ${before.vi} (${viDay(previous.day)}).`,
          en: `${cap(words.en)} (${day}) cannot be before ${before.en} (${previous.day}).`,
        },
      });
    }
    out[key] = day;
    previous = { key, day };
  }
  if (errors.length) {
    throw new Problem('invalid-schedule', { vi: 'Lịch kỳ đánh giá chưa hợp lệ.', en: 'The period schedule is not valid.' }, errors);
  }
  return out as PeriodSchedule;
}

const cap = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * The agency's own self-assessment happens between the opening day and the deadline. Staff entering
 * a paper submission on its behalf are not bound (the audit log names them).
 */
export function assertSelfAssessmentOpen(period: Period, actor: Actor, today = vietnamDay()): void {
  const s = period.schedule;
  if (!s || actor.role !== 'agency') return;
  if (today < s.opensOn) {
    throw new Problem('not-yet-open', {
      vi: `Kỳ đánh giá "${period.title}" mở từ ngày ${viDay(s.opensOn)}.`,
      en: `Period "${period.title}" opens on ${s.opensOn}.`,
    });
  }
  if (today > s.submissionDue) {
    throw new Problem('submission-overdue', {
      vi: `Đã quá hạn tự đánh giá (${viDay(s.submissionDue)}). Đề nghị liên hệ cán bộ thẩm định nếu cần gia hạn.`,
      en: `The self-assessment deadline (${s.submissionDue}) has passed. Ask the evaluator if an extension is needed.`,
    });
  }
}

/** Whether the agency's self-assessment is overdue today (past the deadline without a submitted submission). */
export const pastDeadline = (period: Period, today = vietnamDay()): boolean => !!period.schedule && today > period.schedule.submissionDue;

/**
 * The right of reply runs from the day after the appraisal deadline to the reply deadline. Without
 * dates, it runs through the appraisal.
 */
export function assertReplyWindow(period: Period, today = vietnamDay()): void {
  const s = period.schedule;
  if (!s) return;
  if (today <= s.appraisalDue || today > s.replyDue) {
    throw new Problem('reply-window', {
      vi: `Cơ quan phản hồi kết quả thẩm định từ ngày ${viDay(dayAfter(s.appraisalDue))} đến hết ngày ${viDay(s.replyDue)}.`,
      en: `Replies to the appraisal are taken from ${dayAfter(s.appraisalDue)} to ${s.replyDue}.`,
    });
  }
}

/** What the schedule says about moving `period` on to `to` today: null when it allows it. */
export function scheduleHold(period: Period, to: Period['status'], today = vietnamDay()): Bilingual | null {
  const s = period.schedule;
  if (!s) return null;
  if (to === 'appraisal' && today <= s.submissionDue) {
    return {
      vi: `Hạn tự đánh giá là ngày ${viDay(s.submissionDue)}; chỉ chuyển sang thẩm định sau hạn này.`,
      en: `The self-assessment deadline is ${s.submissionDue}; appraisal starts after it.`,
    };
  }
  if (to === 'closed' && (today <= s.replyDue || today < s.closesOn)) {
    return {
      vi: `Theo lịch, kỳ đánh giá kết thúc ngày ${viDay(s.closesOn)} và cơ quan được phản hồi đến hết ngày ${viDay(s.replyDue)}.`,
      en: `By the schedule the period closes on ${s.closesOn} and agencies may reply until ${s.replyDue}.`,
    };
  }
  return null;
}
