import {
  formatCalendarDate,
  formatDayRange,
  formatDaysAlike,
  formatDuration,
  formatNumber,
  formatQuality,
} from '../format';
import { describeTarget, durationToDays } from '../tradeoff';
import { findQuestion, formatAnswer } from '../worksheet';
import type { ReportInputs, ReportProvenance } from './build';
import type { ReportAssumption, ReportAssumptionSource, ReportSnapshot } from './snapshot';

const NUMERIC_KINDS = new Set(['number', 'range', 'duration']);
const NOBODY: ReportProvenance = { by: null, at: null };

function entry(
  label: string,
  value: string,
  source: ReportAssumptionSource,
  provenance: ReportProvenance,
): ReportAssumption {
  return { label, value, source, enteredByName: provenance.by, enteredAt: provenance.at };
}

const triple = (low: number, likely: number, high: number, fmt: (n: number) => string) =>
  `${fmt(low)} / ${fmt(likely)} / ${fmt(high)} (low / likely / high)`;

/**
 * Every number the report shows with where it came from: worksheet answers (question id and text),
 * samples (by name), estimates (by angle), measured points and settings, each with who entered it
 * when; numbers the report computes say what from.
 */
export function collectAssumptions(
  inputs: ReportInputs,
  sections: ReportSnapshot['sections'],
): ReportAssumption[] {
  const out: ReportAssumption[] = [];

  for (const answer of inputs.answers) {
    const question = findQuestion(answer.questionId);
    if (!question || !NUMERIC_KINDS.has(answer.value.kind)) continue;
    out.push(
      entry(
        question.prompt,
        formatAnswer(question, answer.value),
        { kind: 'answer', questionId: question.id, question: question.prompt },
        answer,
      ),
    );
  }

  for (const sample of inputs.samples) {
    const source = { kind: 'sample', sampleName: sample.name } as const;
    if (sample.ceiling !== null) {
      const ci = sample.ceilingCi
        ? ` (95% CI ${formatNumber(sample.ceilingCi[0])}–${formatNumber(sample.ceilingCi[1])})`
        : '';
      out.push(
        entry(`Human ceiling of ${sample.name}`, `${formatNumber(sample.ceiling)}${ci}`, source, sample),
      );
    }
    if (sample.alpha !== null) {
      out.push(entry(`Krippendorff's α of ${sample.name}`, formatNumber(sample.alpha), source, sample));
    }
  }

  const tradeoff = inputs.tradeoff;
  if (tradeoff) {
    const { inputs: resolved } = tradeoff.analysis;
    // Qualities with the decimals of the metric's scale, as the Tradeoff tab and the report show them.
    const quality = (value: number) => formatQuality(value, resolved.maxQuality);
    for (const angle of resolved.angles) {
      const source = { kind: 'estimate', angleName: angle.name } as const;
      const provenance = tradeoff.angleProvenance[angle.id] ?? NOBODY;
      const { low, likely, high } = angle.effort;
      out.push(
        entry(
          `${angle.name}: effort`,
          formatDayRange([durationToDays(low), durationToDays(likely), durationToDays(high)]),
          source,
          provenance,
        ),
        entry(
          `${angle.name}: quality`,
          triple(angle.quality.low, angle.quality.likely, angle.quality.high, quality),
          source,
          provenance,
        ),
      );
    }
    for (const point of resolved.measured) {
      out.push(
        entry(
          `Measured quality${point.label ? ` (${point.label})` : ''}`,
          `${quality(point.quality)} after ${formatDuration(point.effort)}`,
          { kind: 'measurement', label: point.label ?? null },
          NOBODY,
        ),
      );
    }
    if (resolved.targetSource === 'tradeoff' && resolved.target !== null) {
      out.push(
        entry(
          'Target quality',
          describeTarget(resolved.resolvedTarget, resolved.maxQuality, quality) ?? quality(resolved.target),
          { kind: 'setting', name: 'Tradeoff target' },
          tradeoff.settingsProvenance,
        ),
      );
    }
    if (resolved.ceilingSource === 'override' && resolved.ceiling !== null) {
      out.push(
        entry(
          'Ceiling override',
          quality(resolved.ceiling),
          { kind: 'setting', name: 'Tradeoff ceiling override' },
          tradeoff.settingsProvenance,
        ),
      );
    }
  }

  const ttt = sections.tradeoff.status === 'ready' ? sections.tradeoff.timeToTarget : null;
  if (ttt) {
    const from = {
      kind: 'computed',
      from: 'the tradeoff simulation of the attack angles and measured points',
    } as const;
    // One unit for the three, so they compare at a glance.
    const [p10 = '', p50 = '', p90 = ''] = formatDaysAlike([ttt.p10Days, ttt.p50Days, ttt.p90Days]);
    out.push(
      entry('Time to target P10', p10, from, NOBODY),
      entry('Time to target P50', p50, from, NOBODY),
      entry('Time to target P90', p90, from, NOBODY),
    );
  }

  if (inputs.roadmap && sections.roadmap.status === 'ready') {
    const provenance = inputs.roadmap.provenance;
    out.push(
      entry(
        'Roadmap start',
        // Frozen into the snapshot as text, so in one unambiguous form for every reader ("7 Dec 2026").
        formatCalendarDate(inputs.roadmap.startDate, { locale: 'en-GB' }),
        { kind: 'setting', name: 'Roadmap start date' },
        provenance,
      ),
    );
    for (const phase of sections.roadmap.phases) {
      out.push(
        entry(
          `${phase.name}: duration`,
          `${phase.durationP50} / ${phase.durationP90} working days (P50 / P90)`,
          { kind: 'setting', name: `Roadmap phase estimate (${phase.name})` },
          provenance,
        ),
      );
    }
  }

  if (inputs.maturity && sections.maturity.status === 'ready') {
    const m = sections.maturity;
    out.push(
      entry(
        'MLOps level now',
        `level ${m.currentLevel}`,
        { kind: 'assessment', name: 'MLOps self-assessment' },
        inputs.maturity.provenance,
      ),
      entry(
        'MLOps level targeted',
        `level ${m.targetLevel}`,
        { kind: 'assessment', name: m.overridden ? 'Target level override' : 'Target level recommendation' },
        inputs.maturity.provenance,
      ),
    );
  }
  return out;
}
