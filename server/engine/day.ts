// Calendar days as people write them: ISO (2024-12-15) in JSON, dd/mm/yyyy (15/12/2024) in the
// console and in spreadsheets. One reading for every place that takes a date from a person.

/** "2024-12-15" for a real calendar day, null otherwise (31/02 is no day). */
export function isoOf(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1000 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const VI = /^\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\s*$/;
const ISO = /^\s*(\d{4})-(\d{2})-(\d{2})\s*$/;

/** A day written dd/mm/yyyy (also d/m/yyyy, with . or -) or yyyy-mm-dd, as ISO; null when it is not one. */
export function parseDay(text: string): string | null {
  const vi = VI.exec(text);
  if (vi) return isoOf(+vi[3], +vi[2], +vi[1]);
  const iso = ISO.exec(text);
  return iso ? isoOf(+iso[1], +iso[2], +iso[3]) : null;
}

/** "15/12/2024" from "2024-12-15"; anything else unchanged. */
export function viDay(iso: string): string {
  const m = ISO.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** Today in Việt Nam (UTC+7, no daylight saving), where deadlines fall and decisions are dated. */
export const vietnamDay = (now = new Date()): string => new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);

/** The first and the last moment, as UTC ISO strings, of the Việt Nam calendar day `day` ("2024-12-15"). */
export function vietnamDayBounds(day: string): { first: string; last: string } {
  const start = Date.parse(`${day}T00:00:00+07:00`);
  return { first: new Date(start).toISOString(), last: new Date(start + 86_400_000 - 1).toISOString() };
}
