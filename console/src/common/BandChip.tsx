import { Chip } from '@mui/material';
import { useLt, type Lt } from './useLt';

export interface BandLike {
  id: string;
  label?: Lt;
  color?: string;
}

// Colours when a version does not set its own: the customer's usual green/blue/amber/red.
const fallback: Record<string, string> = {
  tot: '#2e7d32',
  kha: '#1565c0',
  'trung-binh': '#ef6c00',
  trung_binh: '#ef6c00',
  yeu: '#c62828',
};

export const bandColor = (band: BandLike | null | undefined, index = 0): string =>
  band?.color || (band ? fallback[band.id] : undefined) || ['#2e7d32', '#1565c0', '#ef6c00', '#c62828', '#6a1b9a'][index % 5];

export const BandChip = ({ band, size = 'small' }: { band: BandLike | null | undefined; size?: 'small' | 'medium' }) => {
  const lt = useLt();
  if (!band) return <Chip size={size} label="—" variant="outlined" />;
  return (
    <Chip
      size={size}
      label={lt(band.label) || band.id}
      sx={{ bgcolor: bandColor(band), color: '#fff', fontWeight: 600 }}
      data-band={band.id}
    />
  );
};

/** Bands seen in a ranking, highest first (ordered by the best total found in each). */
export function bandOrder(
  cohorts: { entries: { total: number; percentage: number; band: BandLike | null }[] }[],
  bands: Map<string, BandLike>,
): BandLike[] {
  const best = new Map<string, number>();
  for (const c of cohorts)
    for (const e of c.entries) if (e.band) best.set(e.band.id, Math.max(best.get(e.band.id) ?? -Infinity, e.percentage));
  return [...bands.values()].sort((a, b) => (best.get(b.id) ?? 0) - (best.get(a.id) ?? 0));
}
