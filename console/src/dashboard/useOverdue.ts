import { useEffect, useState } from 'react';
import type { RaRecord } from 'react-admin';
import { apiFetch } from '../api/http';

export interface OverdueReport {
  periodId: string;
  today: string;
  submissionDue: string | null;
  overdue: boolean;
  agencies: { agencyId: string; agencyName: string; cohort: string; submission: string | null }[];
}

/**
 * Whether the period's self-assessment deadline has passed, as the server counts it
 * (GET /api/periods/:id/overdue): while it is open, and in appraisal, when whoever never submitted
 * is still to be called; null while reading, for a period without dates, closed or published.
 */
export const useOverdue = (period: RaRecord | undefined): OverdueReport | null => {
  const [report, setReport] = useState<OverdueReport | null>(null);
  const id = period?.id === undefined ? undefined : String(period.id);
  const applies = !!period?.schedule && (period.status === 'open' || period.status === 'appraisal');
  useEffect(() => {
    if (!id || !applies) return;
    let live = true;
    apiFetch<OverdueReport>(`/api/periods/${encodeURIComponent(id)}/overdue`).then(
      ({ json }) => live && setReport(json),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [id, applies]);
  return applies && report?.periodId === id ? report : null;
};
