/** A period moves forward only: open → appraisal → closed → published. */
export const PERIOD_STEPS = ['open', 'appraisal', 'closed', 'published'] as const;
export type PeriodStatus = (typeof PERIOD_STEPS)[number];

/** The step a button moves to; "published" is reached by publishing the ranking, not by a transition. */
export const nextStep = (status: string): PeriodStatus | null => {
  const i = PERIOD_STEPS.indexOf(status as PeriodStatus);
  const next = i >= 0 && i < PERIOD_STEPS.length - 1 ? PERIOD_STEPS[i + 1] : null;
  return next === 'published' ? null : next;
};
