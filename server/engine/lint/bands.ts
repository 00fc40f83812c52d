// Bands (Tốt ≥ 85, Khá 70 to < 85 …) are listed highest first, each covering [min, min of the band
// above). They must cover 0 up to the maximum with no empty band: thresholds strictly descending,
// the lowest at 0, none above the scale (the cohort's maximum, or 100 for a percentage basis).
import type { Finding } from '../finding';
import type { Bands, Cohort } from '../schemaTypes';
import { bi, error, text, type LintContext } from './context';

function checkBands(bands: Bands, base: string, cohorts: readonly Cohort[]): Finding[] {
  const out: Finding[] = [];
  const levels = bands.levels;
  for (let j = 1; j < levels.length; j++) {
    const above = levels[j - 1];
    const band = levels[j];
    if (band.min >= above.min)
      out.push(
        error(
          `${base}/levels/${j}/min`,
          'bands-order',
          bi(
            `Ngưỡng xếp loại ${text(band.label, 'vi')} (${band.min}) phải nhỏ hơn ngưỡng của ${text(above.label, 'vi')} (${above.min}): xếp loại liệt kê từ cao xuống thấp, không chồng lấn`,
            `Band ${text(band.label, 'en')} threshold (${band.min}) must be below that of ${text(above.label, 'en')} (${above.min}): bands go from highest to lowest without overlap`,
          ),
        ),
      );
  }
  const lowest = levels[levels.length - 1];
  if (lowest.min !== 0)
    out.push(
      error(
        `${base}/levels/${levels.length - 1}/min`,
        'bands-not-from-zero',
        bi(
          `Xếp loại thấp nhất (${text(lowest.label, 'vi')}) phải bắt đầu từ 0, nếu không tổng điểm dưới ${lowest.min} không có xếp loại`,
          `The lowest band (${text(lowest.label, 'en')}) must start at 0, or totals below ${lowest.min} get no band`,
        ),
      ),
    );
  const scales =
    bands.basis === 'percentage'
      ? [{ max: 100, vi: '100%', en: '100%' }]
      : cohorts.map((c) => ({
          max: c.maxScore,
          vi: `${c.maxScore} điểm của khối ${text(c.name, 'vi', c.id)}`,
          en: `${c.maxScore} points of cohort ${text(c.name, 'en', c.id)}`,
        }));
  levels.forEach((band, j) => {
    const exceeded = scales.filter((s) => band.min > s.max);
    if (exceeded.length === 0) return;
    out.push(
      error(
        `${base}/levels/${j}/min`,
        'band-above-max',
        bi(
          `Ngưỡng xếp loại ${text(band.label, 'vi')} (${band.min}) vượt điểm tối đa (${exceeded.map((s) => s.vi).join('; ')}): không ai đạt được`,
          `Band ${text(band.label, 'en')} threshold (${band.min}) is above the maximum (${exceeded.map((s) => s.en).join('; ')}): it cannot be reached`,
        ),
      ),
    );
  });
  return out;
}

export function bands(ctx: LintContext): Finding[] {
  const v = ctx.version;
  // The version's bands apply to the cohorts that do not bring their own.
  const out = checkBands(
    v.bands,
    '/bands',
    v.cohorts.filter((c) => !c.bands),
  );
  v.cohorts.forEach((c, i) => {
    if (c.bands) out.push(...checkBands(c.bands, `/cohorts/${i}/bands`, [c]));
  });
  return out;
}
