import type { Roadmap } from '@raisin/core/roadmap';
import { useId } from 'react';
import { ScrollBox } from '../../components';
import { formatDay, layoutGantt } from './gantt-layout';

const LABEL_WIDTH = 260;
const CHART_WIDTH = 720;
const ROW_HEIGHT = 40;
const BAR_HEIGHT = 18;
const AXIS_HEIGHT = 28;
const MAX_LABEL_CHARS = 34;
const LABEL_LINE_HEIGHT = 15;

export interface GanttChartProps {
  roadmap: Roadmap;
  today: string;
}

/**
 * A phase name on at most two lines of `MAX_LABEL_CHARS`, broken between words; only a name longer than
 * that is cut, with an ellipsis (the phase table beside the chart has it whole).
 */
export function labelLines(text: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    const next = line === '' ? word : `${line} ${word}`;
    if (next.length <= MAX_LABEL_CHARS || line === '') {
      line = next;
    } else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== '') lines.push(line);
  const shown = lines.slice(0, 2);
  const lastLine = shown[1];
  if (lines.length > 2 && lastLine !== undefined) shown[1] = `${lastLine.slice(0, MAX_LABEL_CHARS - 1)}…`;
  return shown.map((l) => (l.length > MAX_LABEL_CHARS ? `${l.slice(0, MAX_LABEL_CHARS - 1)}…` : l));
}

/** The legend's marks drawn as the chart draws them, so each one reads as its own kind of mark. */
function LegendMark({
  kind,
  patternId,
}: {
  kind: 'p50' | 'p90' | 'milestone' | 'today' | 'target';
  patternId: string;
}) {
  return (
    <svg className="gantt__mark" width="22" height="14" viewBox="0 0 22 14" aria-hidden focusable="false">
      {kind === 'p50' && <rect x="1" y="2" width="20" height="10" rx="2" className="gantt__bar" />}
      {kind === 'p90' && (
        <rect x="1" y="2" width="20" height="10" fill={`url(#${patternId})`} className="gantt__p90" />
      )}
      {kind === 'milestone' && <path d="M 11 1 l 6 6 l -6 6 l -6 -6 z" className="gantt__milestone" />}
      {kind === 'today' && <line x1="11" x2="11" y1="0" y2="14" className="gantt__today" />}
      {kind === 'target' && (
        <>
          <rect x="11" y="0" width="10" height="14" className="gantt__target-band" />
          <line x1="11" x2="11" y1="0" y2="14" className="gantt__target" />
        </>
      )}
    </svg>
  );
}

/**
 * The roadmap as a Gantt chart, drawn as SVG: recharts has no bar whose solid part and uncertain tail
 * differ, which is what P50 → P90 is. The picture is one image with a text description; the phase
 * table beside it carries every number for screen readers and keyboard users.
 */
export function GanttChart({ roadmap, today }: GanttChartProps) {
  const id = useId();
  const layout = layoutGantt(roadmap, today, CHART_WIDTH);
  const height = AXIS_HEIGHT + roadmap.phases.length * ROW_HEIGHT + 12;
  const milestoneCount = layout.bars.reduce((sum, bar) => sum + bar.milestones.length, 0);
  const description = [
    `${roadmap.phases.length} phases from ${formatDay(layout.firstDay)}; the last ends ${formatDay(roadmap.end.p50)} (P50) or ${formatDay(roadmap.end.p90)} (P90).`,
    `${milestoneCount} milestones.`,
    layout.todayX === null ? '' : `Today is ${formatDay(today)}.`,
    roadmap.targetQuality === null
      ? ''
      : `Target quality expected by ${formatDay(roadmap.targetQuality.p50)} (P50), ${formatDay(roadmap.targetQuality.p90)} (P90).`,
  ]
    .filter((part) => part !== '')
    .join(' ');

  return (
    <figure className="gantt">
      <ScrollBox label="Gantt chart" className="gantt__scroll">
        <svg
          role="img"
          aria-labelledby={`${id}-title ${id}-desc`}
          viewBox={`0 0 ${LABEL_WIDTH + CHART_WIDTH + 16} ${height}`}
          className="gantt__svg"
        >
          <title id={`${id}-title`}>Gantt chart of the roadmap</title>
          <desc id={`${id}-desc`}>{description}</desc>
          <defs>
            <pattern
              id={`${id}-p90`}
              width="6"
              height="6"
              patternUnits="userSpaceOnUse"
              patternTransform="rotate(45)"
            >
              <rect width="6" height="6" className="gantt__p90-bg" />
              <line x1="0" y1="0" x2="0" y2="6" className="gantt__p90-hatch" />
            </pattern>
          </defs>
          <g transform={`translate(${LABEL_WIDTH}, 0)`}>
            {layout.ticks.map((tick) => (
              <g key={tick.label} transform={`translate(${tick.x}, 0)`}>
                <line y1={AXIS_HEIGHT - 6} y2={height} className="gantt__grid" />
                <text y={AXIS_HEIGHT - 10} className="gantt__tick">
                  {tick.label}
                </text>
              </g>
            ))}
          </g>
          {layout.bars.map((bar) => {
            const y = AXIS_HEIGHT + bar.row * ROW_HEIGHT + (ROW_HEIGHT - BAR_HEIGHT) / 2;
            const lines = labelLines(bar.name);
            const firstLineY = y + BAR_HEIGHT - 4 - ((lines.length - 1) * LABEL_LINE_HEIGHT) / 2;
            return (
              <g key={bar.id}>
                <text x={8} y={firstLineY} className="gantt__label">
                  {lines.map((line, index) => (
                    <tspan key={line} x={8} dy={index === 0 ? 0 : LABEL_LINE_HEIGHT}>
                      {line}
                    </tspan>
                  ))}
                </text>
                <g transform={`translate(${LABEL_WIDTH}, 0)`}>
                  {bar.p90End > bar.p50End && (
                    <rect
                      x={bar.p50End}
                      y={y}
                      width={bar.p90End - bar.p50End}
                      height={BAR_HEIGHT}
                      fill={`url(#${id}-p90)`}
                      className="gantt__p90"
                    />
                  )}
                  <rect
                    x={bar.start}
                    y={y}
                    width={Math.max(2, bar.p50End - bar.start)}
                    height={BAR_HEIGHT}
                    rx={3}
                    className="gantt__bar"
                  />
                  {bar.milestones.map((milestone, index) => (
                    <path
                      key={milestone.id}
                      d={`M ${milestone.x} ${y - 4 - index * 3} l 6 6 l -6 6 l -6 -6 z`}
                      className="gantt__milestone"
                    >
                      <title>{milestone.name}</title>
                    </path>
                  ))}
                </g>
              </g>
            );
          })}
          <g transform={`translate(${LABEL_WIDTH}, 0)`}>
            {layout.targetQuality !== null && (
              <g>
                <rect
                  x={layout.targetQuality.p50X}
                  y={AXIS_HEIGHT}
                  width={Math.max(1, layout.targetQuality.p90X - layout.targetQuality.p50X)}
                  height={height - AXIS_HEIGHT}
                  className="gantt__target-band"
                />
                <line
                  x1={layout.targetQuality.p50X}
                  x2={layout.targetQuality.p50X}
                  y1={AXIS_HEIGHT}
                  y2={height}
                  className="gantt__target"
                />
              </g>
            )}
            {layout.todayX !== null && (
              <line
                x1={layout.todayX}
                x2={layout.todayX}
                y1={AXIS_HEIGHT - 4}
                y2={height}
                className="gantt__today"
              />
            )}
          </g>
        </svg>
      </ScrollBox>
      <figcaption className="gantt__legend">
        <span>
          <LegendMark kind="p50" patternId={`${id}-p90`} /> P50 duration
        </span>
        <span>
          <LegendMark kind="p90" patternId={`${id}-p90`} /> P50 → P90 extent
        </span>
        <span>
          <LegendMark kind="milestone" patternId={`${id}-p90`} /> Milestone (P50 date)
        </span>
        {layout.todayX !== null && (
          <span>
            <LegendMark kind="today" patternId={`${id}-p90`} /> Today
          </span>
        )}
        {roadmap.targetQuality !== null && (
          <span>
            <LegendMark kind="target" patternId={`${id}-p90`} />{' '}
            {layout.targetQuality === null
              ? `Target quality after the last phase: ${formatDay(roadmap.targetQuality.p50)} (P50)`
              : layout.targetQuality.clipped
                ? `Target quality from ${formatDay(roadmap.targetQuality.p50)} (P50), band to ${formatDay(roadmap.targetQuality.p90)} (P90), past the chart's end`
                : 'Target quality (P50, band to P90)'}
          </span>
        )}
      </figcaption>
    </figure>
  );
}
