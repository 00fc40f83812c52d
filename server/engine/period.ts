// Periods in force: from a day to a day (inclusive), open-ended when there is no end. Which version
// applies on a day, and whether two versions would both apply, are decided here.

export interface InForce {
  from: string;
  /** The last day in force; none when open-ended. */
  to?: string | null;
}

const OPEN_END = '9999-12-31';

/** Whether two periods share at least one day (ISO days compare as strings). */
export const shareADay = (a: InForce, b: InForce): boolean => a.from <= (b.to ?? OPEN_END) && b.from <= (a.to ?? OPEN_END);

/** The day before an ISO day: the last day of a version ended by one that starts on `day`. */
export const dayBefore = (day: string): string => new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/** The day after an ISO day: the first day free after a version's period ends. */
export const dayAfter = (day: string): string => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
