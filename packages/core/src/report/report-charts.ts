/**
 * The report's two charts as inline SVG strings (no scripts, no external requests), for the self-contained
 * HTML export: the time–quality curve on a log-time axis, and the roadmap Gantt. Labels go through `escape`.
 */

import {
  type DateFormatOptions,
  formatCalendarDate,
  formatCalendarMonth,
  formatDuration,
  formatQuality,
} from '../format';
import { parseIsoCalendarDate } from '../roadmap/calendar';
import { logTimeTicks } from '../tradeoff';
import type { ReportRoadmapSection, ReportTradeoffSection } from './snapshot';

type Escape = (text: string) => string;

const WIDTH = 640;
const PAD = { left: 48, right: 16, top: 12, bottom: 32 };

const f = (n: number) => n.toFixed(1);

/** Linear map of [d0, d1] onto [r0, r1]; a degenerate domain maps to the middle. */
function scale(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  return (v) => (d1 === d0 ? (r0 + r1) / 2 : r0 + ((v - d0) / (d1 - d0)) * (r1 - r0));
}

/** The fitted curve with its P10–P90 band, the angles (likely point, low–high whiskers), measurements, target and ceiling. */
export function tradeoffChartSvg(t: ReportTradeoffSection, esc: Escape): string {
  const height = 260;
  const days = [
    ...t.curve.map((p) => p.days),
    ...t.angles.flatMap((a) => [a.effortDays.low, a.effortDays.high]),
    ...t.measured.map((m) => m.effortDays),
  ].filter((d) => d > 0 && Number.isFinite(d));
  if (days.length === 0) return '';
  const lo = Math.log10(Math.min(...days)) - 0.2;
  const hi = Math.log10(Math.max(...days)) + 0.2;
  const x = (d: number) => scale(lo, hi, PAD.left, WIDTH - PAD.right)(Math.log10(d));
  const y = scale(0, t.maxQuality, height - PAD.bottom, PAD.top);
  const parts: string[] = [];
  // The Tradeoff tab's ticks (minute, hour, … 10 years), in the words the rest of the report uses.
  for (const tick of logTimeTicks(10 ** lo, 10 ** hi)) {
    const d = tick.days;
    const label = formatDuration(tick.duration);
    parts.push(
      `<line x1="${f(x(d))}" x2="${f(x(d))}" y1="${PAD.top}" y2="${height - PAD.bottom}" class="grid"/>`,
      `<text x="${f(x(d))}" y="${height - PAD.bottom + 16}" text-anchor="middle">${label}</text>`,
    );
  }
  for (const q of [0, 0.25, 0.5, 0.75, 1].map((share) => share * t.maxQuality)) {
    parts.push(
      `<line x1="${PAD.left}" x2="${WIDTH - PAD.right}" y1="${f(y(q))}" y2="${f(y(q))}" class="grid"/>`,
      `<text x="${PAD.left - 6}" y="${f(y(q) + 4)}" text-anchor="end">${formatQuality(q, t.maxQuality)}</text>`,
    );
  }
  if (t.curve.length > 0) {
    const upper = t.curve.map((p) => `${f(x(p.days))},${f(y(p.p90))}`);
    const lower = [...t.curve].reverse().map((p) => `${f(x(p.days))},${f(y(p.p10))}`);
    parts.push(`<polygon points="${[...upper, ...lower].join(' ')}" class="band"/>`);
    parts.push(
      `<polyline points="${t.curve.map((p) => `${f(x(p.days))},${f(y(p.fitted))}`).join(' ')}" class="curve"/>`,
    );
  }
  const level = (value: number | null, name: string, cls: string) =>
    value === null
      ? ''
      : `<line x1="${PAD.left}" x2="${WIDTH - PAD.right}" y1="${f(y(value))}" y2="${f(y(value))}" class="${cls}"/>` +
        `<text x="${WIDTH - PAD.right - 4}" y="${f(y(value) - 4)}" text-anchor="end">${name} ${formatQuality(value, t.maxQuality)}</text>`;
  parts.push(level(t.ceiling, 'ceiling', 'ceiling'), level(t.target, 'target', 'target'));
  for (const a of t.angles) {
    const cx = x(a.effortDays.likely);
    const cy = y(a.quality.likely);
    parts.push(
      `<g class="angle"><title>${esc(a.name)}</title>` +
        `<line x1="${f(x(a.effortDays.low))}" x2="${f(x(a.effortDays.high))}" y1="${f(cy)}" y2="${f(cy)}"/>` +
        `<line x1="${f(cx)}" x2="${f(cx)}" y1="${f(y(a.quality.low))}" y2="${f(y(a.quality.high))}"/>` +
        `<circle cx="${f(cx)}" cy="${f(cy)}" r="4"/>` +
        `<text x="${f(cx + 6)}" y="${f(cy - 6)}">${esc(a.name)}</text></g>`,
    );
  }
  for (const m of t.measured) {
    parts.push(
      `<rect x="${f(x(m.effortDays) - 4)}" y="${f(y(m.quality) - 4)}" width="8" height="8" class="measured"><title>${esc(m.label ?? 'measured')}</title></rect>`,
    );
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" role="img" class="chart">` +
    '<title>Time–quality curve: quality against effort on a log-time axis</title>' +
    `${parts.join('')}</svg>`
  );
}

/** One row per phase: the P50 bar from start to P50 end, and a lighter P90 extension. */
export function ganttChartSvg(
  r: ReportRoadmapSection,
  esc: Escape,
  dates: Pick<DateFormatOptions, 'locale'> = {},
): string {
  const day = (date: string) => formatCalendarDate(date, dates);
  const dated = r.phases
    .map((p) => ({
      p,
      start: parseIsoCalendarDate(p.p50Start),
      end50: parseIsoCalendarDate(p.p50End),
      end90: parseIsoCalendarDate(p.p90End),
    }))
    .filter(
      (d): d is { p: (typeof r.phases)[number]; start: number; end50: number; end90: number } =>
        d.start !== null && d.end50 !== null && d.end90 !== null,
    );
  if (dated.length === 0) return '';
  const labelWidth = 170;
  const row = 26;
  const height = PAD.top + dated.length * row + PAD.bottom;
  const first = Math.min(...dated.map((d) => d.start));
  const last = Math.max(...dated.map((d) => d.end90)) + 1;
  const x = scale(first, last, labelWidth, WIDTH - PAD.right);
  const parts: string[] = [];
  // Month starts as ticks: day numbers are days since 1970-01-01 (UTC).
  const startDate = new Date(first * 86_400_000);
  for (
    let m = new Date(Date.UTC(startDate.getUTCFullYear(), startDate.getUTCMonth() + 1, 1));
    m.getTime() / 86_400_000 < last;
    m = new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 1))
  ) {
    const px = x(m.getTime() / 86_400_000);
    parts.push(
      `<line x1="${f(px)}" x2="${f(px)}" y1="${PAD.top}" y2="${height - PAD.bottom}" class="grid"/>`,
      `<text x="${f(px)}" y="${height - PAD.bottom + 16}" text-anchor="middle">${esc(formatCalendarMonth(m.toISOString().slice(0, 10), dates))}</text>`,
    );
  }
  dated.forEach((d, i) => {
    const top = PAD.top + i * row + 4;
    const name = d.p.name.length > 26 ? `${d.p.name.slice(0, 25)}…` : d.p.name;
    parts.push(
      `<text x="4" y="${top + 13}">${esc(name)}</text>`,
      `<rect x="${f(x(d.end50 + 1))}" y="${top}" width="${f(Math.max(0, x(d.end90 + 1) - x(d.end50 + 1)))}" height="18" class="p90"/>`,
      `<rect x="${f(x(d.start))}" y="${top}" width="${f(Math.max(2, x(d.end50 + 1) - x(d.start)))}" height="18" class="p50"><title>${esc(`${d.p.name}: ${day(d.p.p50Start)} to ${day(d.p.p50End)} (P90 ${day(d.p.p90End)})`)}</title></rect>`,
    );
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" role="img" class="chart">` +
    '<title>Roadmap Gantt chart: phases with P50 bars and P90 extensions</title>' +
    `${parts.join('')}</svg>`
  );
}
