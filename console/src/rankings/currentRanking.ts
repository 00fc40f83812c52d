import type { Ranking } from '../../../server/engine';
import { dataProvider } from '../providers/dataProvider';

export type CurrentRanking = Ranking & { stale?: boolean; evaluatedAt?: string };

/**
 * The period's current ranking, or null when the period has not been evaluated as a whole under
 * its pinned version (the server answers 404 then; asking first keeps the browser console clean).
 */
export async function currentRanking(period: { id: string | number; versionId: string }): Promise<CurrentRanking | null> {
  const rows = await dataProvider.getAll('evaluations', { periodId: period.id, versionId: period.versionId });
  if (!rows.some((r) => r.batchKind === 'period')) return null;
  return dataProvider.ranking(String(period.id));
}
