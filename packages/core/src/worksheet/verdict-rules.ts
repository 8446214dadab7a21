/**
 * The verdict rules of the feasibility worksheet, as plain data.
 *
 * Each rule reads a few answers (and what other tabs know, through `input.context`) and returns at most
 * one finding: `no-go` (stop), `spike` (de-risk with a short experiment first), `go` (a signal in favour)
 * or `info` (advice that does not change the verdict). `computeVerdict` combines them: any no-go → no-go;
 * else any spike → spike first; else go once the essential questions are answered; else undecided.
 *
 * How to add a rule:
 * 1. Append an object to `VERDICT_RULES` with a new kebab-case `id` (never reuse one: reports cite it),
 *    a `title`, and `needs`: every question id it reads. A context value counts as its derived question
 *    (`E.human-ceiling` for the human ceiling, `F.time-to-target`, `F.attack-angles`, `J.current-maturity`).
 * 2. Write `evaluate(input)`: read answers with the typed readers (`readNumber`, `readChoice`, …), which
 *    return `undefined` for unanswered questions; return `null` unless the rule fires. Put the numbers in
 *    the reason, in plain words. The finding links back to the questions of `needs`.
 * 3. If the rule cannot fire once some answer is known (e.g. only online serving matters), add
 *    `mayFire(input)` returning false then, so "to answer" stays short.
 * 4. Add a test to verdict-rules.test.ts for both sides of every threshold.
 * Thresholds are named constants below so a reader can find and argue with them.
 */

import { formatDays, formatDuration, formatNumber, formatTimeToTarget } from '../format';
import { durationToDays } from '../tradeoff';
import {
  readChoice,
  readDuration,
  readNumber,
  readRange,
  readText,
  readYesNo,
  type WorksheetAnswers,
  type WorksheetContext,
  type YesNoUnknown,
} from './answers';
import type { QuestionId, QuestionIdOfKind } from './question-bank';

export const FINDING_EFFECTS = ['no-go', 'spike', 'go', 'info'] as const;
export type FindingEffect = (typeof FINDING_EFFECTS)[number];

export const FINDING_SOURCES = ['worksheet', 'agreement', 'tradeoff', 'roadmap'] as const;
export type FindingSource = (typeof FINDING_SOURCES)[number];

export interface Finding {
  readonly ruleId: string;
  readonly effect: FindingEffect;
  /** Plain words with the numbers, e.g. "the target accuracy 0.95 is above the human ceiling 0.81 (Agreement)". */
  readonly reason: string;
  /** The questions whose answers produced the finding, for linking back to them. */
  readonly questionIds: readonly QuestionId[];
  /** Where the decisive value came from, when another tab supplied it. */
  readonly source?: FindingSource;
}

/**
 * What a rule returns; `computeVerdict` stamps the rule's id and its `needs` (as `questionIds`) on it,
 * so the finding cannot disagree with its rule.
 */
export type FindingDraft = Omit<Finding, 'ruleId' | 'questionIds'>;

export interface RuleInput {
  readonly answers: WorksheetAnswers;
  readonly context: WorksheetContext;
}

export interface VerdictRule {
  readonly id: string;
  readonly title: string;
  /** Every question the rule reads; unanswered ones are listed as "to answer" while the rule is silent. */
  readonly needs: readonly QuestionId[];
  /** False once the answers so far rule the rule out; its needs then leave "to answer" (default: true). */
  readonly mayFire?: (input: RuleInput) => boolean;
  readonly evaluate: (input: RuleInput) => FindingDraft | null;
}

/** Answers that only differ by float noise (0.81 − 0.79 = 0.020000000000000018) count as equal. */
const TOLERANCE = 1e-9;
/** A target this close below the ceiling is reachable only at super-linear cost. */
export const NEAR_CEILING_MARGIN = 0.02;
/** Beyond this delay without labels, a project cannot learn or be evaluated in a useful time. */
export const MAX_OUTCOME_DELAY_WITHOUT_LABELS = { value: 6, unit: 'month' } as const;
/** At or below this p99 budget (ms), an online model class must be checked for feasibility first. */
export const TIGHT_LATENCY_MS = 10;

const atLeast = (a: number, b: number) => a >= b - TOLERANCE;
const atMost = (a: number, b: number) => a <= b + TOLERANCE;

/** The optimizing metric's name for reasons ("the target accuracy 0.95"), or a neutral word. */
function metricName(answers: WorksheetAnswers): string {
  return readText(answers, 'E.optimizing-metric') ?? 'quality';
}

/** The human ceiling: the Agreement tab's live value, else a value the team entered by hand. */
function humanCeiling({ answers, context }: RuleInput) {
  if (context.humanCeiling !== undefined) {
    // A ceiling in another metric than accuracy (span F1, Kendall's τ…) is named with it in every reason.
    const { metric } = context.humanCeiling;
    return {
      ...context.humanCeiling,
      source: 'agreement',
      label: metric === undefined ? 'Agreement' : `${metric}, Agreement`,
    } as const;
  }
  const value = readNumber(answers, 'E.human-ceiling');
  return value === undefined ? undefined : ({ value, source: 'worksheet', label: 'estimated' } as const);
}

/**
 * The one target (`resolveTarget` in the tradeoff): the Tradeoff tab's override, else `E.target-quality`.
 * `text` names an override and the worksheet's answer beside it: "0.65 (set on Tradeoff; the worksheet
 * says 0.8)", so a reason never shows one target while the summary shows another.
 */
function targetQuality({ answers, context }: RuleInput) {
  const answered = readNumber(answers, 'E.target-quality');
  if (context.targetOverride !== undefined) {
    const { value } = context.targetOverride;
    const worksheet = answered === undefined ? '' : `; the worksheet says ${formatNumber(answered)}`;
    return { value, text: `${formatNumber(value)} (set on Tradeoff${worksheet})` } as const;
  }
  return answered === undefined ? undefined : ({ value: answered, text: formatNumber(answered) } as const);
}

/** Pessimistic (P90) days to reach the target: the Tradeoff tab's live value, else the team's estimate. */
function timeToTargetP90({ answers, context }: RuleInput) {
  if (context.timeToTarget !== undefined) {
    // In the unit the Tradeoff tab's answers read it in (P10, P50 and P90 together).
    const text = formatTimeToTarget(context.timeToTarget).p90;
    return { days: context.timeToTarget.p90Days, text, source: 'tradeoff', label: 'Tradeoff' } as const;
  }
  const duration = readDuration(answers, 'F.time-to-target');
  return duration === undefined
    ? undefined
    : ({
        days: durationToDays(duration),
        text: formatDays(durationToDays(duration)),
        source: 'worksheet',
        label: 'estimated',
      } as const);
}

/** The current MLOps level: the Roadmap tab's self-assessment, else the team's answer. */
function currentMaturity({ answers, context }: RuleInput) {
  if (context.maturityLevel !== undefined)
    return { level: context.maturityLevel, source: 'roadmap' } as const;
  const level = readChoice(answers, 'J.current-maturity');
  return level === undefined ? undefined : ({ level: Number(level), source: 'worksheet' } as const);
}

/** Whether online serving is chosen or not yet answered: the rules that only matter online may fire. */
function mayServeOnline({ answers }: RuleInput): boolean {
  const mode = readChoice(answers, 'G.serving-mode');
  return mode === undefined || mode === 'online';
}

/** A rule's finding; most rules decide on the worksheet's answers alone. */
function finding(effect: FindingEffect, reason: string, source: FindingSource = 'worksheet'): FindingDraft {
  return { effect, reason, source };
}

/** A rule that fires on one answer of one yes/no question, with a fixed reason. */
function answerRule(rule: {
  readonly id: string;
  readonly title: string;
  readonly when: readonly [question: QuestionIdOfKind<'yes-no-unknown'>, answer: YesNoUnknown];
  readonly effect: FindingEffect;
  readonly reason: string;
}): VerdictRule {
  const [question, answer] = rule.when;
  return {
    id: rule.id,
    title: rule.title,
    needs: [question],
    evaluate: ({ answers }) =>
      readYesNo(answers, question) === answer ? finding(rule.effect, rule.reason) : null,
  };
}

const FREQUENT_RETRAINING = ['weekly', 'daily'] as const;

export const VERDICT_RULES: readonly VerdictRule[] = [
  {
    id: 'target-above-ceiling',
    title: 'The target is at or above the human ceiling',
    needs: ['E.target-quality', 'E.human-ceiling'],
    evaluate(input) {
      const target = targetQuality(input);
      const ceiling = humanCeiling(input);
      if (target === undefined || ceiling === undefined || !atLeast(target.value, ceiling.value)) return null;
      const relation = target.value > ceiling.value + TOLERANCE ? 'above' : 'at';
      return finding(
        'no-go',
        `the target ${metricName(input.answers)} ${target.text} is ${relation} the human ceiling ` +
          `${formatNumber(ceiling.value)} (${ceiling.label}): not measurable against these labels`,
        ceiling.source,
      );
    },
  },
  {
    id: 'target-near-ceiling',
    title: 'The target is just below the human ceiling',
    needs: ['E.target-quality', 'E.human-ceiling'],
    evaluate(input) {
      const target = targetQuality(input);
      const ceiling = humanCeiling(input);
      if (target === undefined || ceiling === undefined || atLeast(target.value, ceiling.value)) return null;
      const ci = 'ci' in ceiling ? ceiling.ci : undefined;
      let closeness: string;
      if (atMost(ceiling.value - target.value, NEAR_CEILING_MARGIN))
        closeness = `within ${NEAR_CEILING_MARGIN} of`;
      else if (ci !== undefined && atLeast(target.value, ci[0])) {
        closeness = `inside the 95 % confidence interval [${formatNumber(ci[0])}, ${formatNumber(ci[1])}] of`;
      } else return null;
      return finding(
        'spike',
        `the target ${metricName(input.answers)} ${target.text} is ${closeness} the human ceiling ` +
          `${formatNumber(ceiling.value)} (${ceiling.label}): cost grows super-linearly near the ceiling`,
        ceiling.source,
      );
    },
  },
  {
    id: 'no-labels-no-outcome',
    title: 'No labels, and the true outcome comes too late',
    needs: ['D.labels-exist', 'C.outcome-delay'],
    mayFire({ answers }) {
      const labels = readYesNo(answers, 'D.labels-exist');
      return labels === undefined || labels === 'no';
    },
    evaluate({ answers }) {
      const delay = readDuration(answers, 'C.outcome-delay');
      if (readYesNo(answers, 'D.labels-exist') !== 'no' || delay === undefined) return null;
      const limitDays = durationToDays(MAX_OUTCOME_DELAY_WITHOUT_LABELS);
      if (atMost(durationToDays(delay), limitDays)) return null;
      return finding(
        'no-go',
        `no labels exist and the true outcome is observed only after ${formatDuration(delay)}, ` +
          `so none can be observed within ${formatDuration(MAX_OUTCOME_DELAY_WITHOUT_LABELS)}`,
      );
    },
  },
  {
    id: 'heuristic-meets-target',
    title: 'A 1-minute heuristic already meets the target',
    needs: ['B.heuristic-quality', 'E.target-quality'],
    evaluate(input) {
      const { answers } = input;
      const heuristic = readNumber(answers, 'B.heuristic-quality');
      const target = targetQuality(input);
      if (heuristic === undefined || target === undefined || !atLeast(heuristic, target.value)) return null;
      return finding(
        'go',
        `a 1-minute heuristic already meets the target (${metricName(answers)} ${formatNumber(heuristic)} ` +
          `≥ ${target.text}): ship the rule first`,
      );
    },
  },
  {
    id: 'heuristic-meets-launch',
    title: 'The heuristic is good enough to launch',
    needs: ['B.heuristic-quality', 'E.min-launch-quality', 'E.target-quality'],
    evaluate(input) {
      const { answers } = input;
      const heuristic = readNumber(answers, 'B.heuristic-quality');
      const minimum = readNumber(answers, 'E.min-launch-quality');
      const target = targetQuality(input);
      if (heuristic === undefined || minimum === undefined || target === undefined) return null;
      if (!atLeast(heuristic, minimum) || atLeast(heuristic, target.value)) return null;
      return finding(
        'info',
        `the heuristic's ${metricName(answers)} ${formatNumber(heuristic)} meets the minimum launch quality ` +
          `${formatNumber(minimum)} but not the target ${target.text}: launch the heuristic first, then ML`,
      );
    },
  },
  {
    id: 'tight-latency-online',
    title: 'A very tight latency budget with online serving',
    needs: ['G.serving-mode', 'G.latency-p99'],
    mayFire: mayServeOnline,
    evaluate({ answers }) {
      const latency = readNumber(answers, 'G.latency-p99');
      if (readChoice(answers, 'G.serving-mode') !== 'online' || latency === undefined) return null;
      if (!atMost(latency, TIGHT_LATENCY_MS)) return null;
      return finding(
        'spike',
        `latency budget ${formatNumber(latency)} ms with online serving: check feasibility of the model class`,
      );
    },
  },
  {
    id: 'inputs-missing-online',
    title: 'Online serving without every input at prediction time',
    needs: ['G.serving-mode', 'D.inputs-at-prediction'],
    mayFire: mayServeOnline,
    evaluate({ answers }) {
      const available = readYesNo(answers, 'D.inputs-at-prediction');
      if (
        readChoice(answers, 'G.serving-mode') !== 'online' ||
        available === undefined ||
        available === 'yes'
      ) {
        return null;
      }
      return available === 'no'
        ? finding(
            'no-go',
            'online serving needs every input at prediction time, but some are not available then: ' +
              'pre-compute the predictions or drop those inputs',
          )
        : finding(
            'spike',
            'online serving needs every input at prediction time, and it is unknown whether they are',
          );
    },
  },
  {
    id: 'production-after-horizon',
    title: 'Production comes after the stakeholders’ horizon',
    needs: ['H.months-to-production', 'K.horizon'],
    evaluate({ answers }) {
      const months = readRange(answers, 'H.months-to-production');
      const horizon = readDuration(answers, 'K.horizon');
      if (months === undefined || horizon === undefined) return null;
      const horizonMonths = durationToDays(horizon) / durationToDays({ value: 1, unit: 'month' });
      if (atMost(months.high, horizonMonths)) return null;
      return finding(
        'spike',
        `pessimistically ${formatNumber(months.high)} months to production, beyond the stakeholders' ` +
          `horizon of ${formatDuration(horizon)}`,
      );
    },
  },
  answerRule({
    id: 'people-disagree',
    title: 'People do not agree on the right answer',
    when: ['B.people-agree', 'no'],
    effect: 'info',
    reason: "people do not agree on the right answer: augment, don't automate",
  }),
  answerRule({
    id: 'complex-rules',
    title: 'Today’s logic is a complex, brittle rule set',
    when: ['B.complex-rules', 'yes'],
    effect: 'go',
    reason: "today's logic is a complex, brittle rule set: prefer ML over a complex heuristic",
  }),
  {
    id: 'no-single-metric',
    title: 'No single optimizing metric',
    needs: ['E.single-metric'],
    evaluate({ answers }) {
      const agreed = readYesNo(answers, 'E.single-metric');
      if (agreed === undefined || agreed === 'yes') return null;
      return finding(
        'spike',
        'no single optimizing metric is agreed: agree on one before comparing approaches',
      );
    },
  },
  {
    id: 'time-to-target-after-horizon',
    title: 'The pessimistic time to target is beyond the horizon',
    needs: ['F.time-to-target', 'K.horizon'],
    evaluate(input) {
      const time = timeToTargetP90(input);
      const horizon = readDuration(input.answers, 'K.horizon');
      if (time === undefined || horizon === undefined) return null;
      if (atMost(time.days, durationToDays(horizon))) return null;
      return finding(
        'spike',
        `the time to reach the target is ${time.text} at P90 (${time.label}), ` +
          `beyond the stakeholders' horizon of ${formatDuration(horizon)}`,
        time.source,
      );
    },
  },
  {
    id: 'best-angle-short-of-target',
    title: 'The best attack angle falls short of the target',
    needs: ['F.attack-angles', 'E.target-quality'],
    evaluate(input) {
      const target = targetQuality(input);
      const best = input.context.bestAngle;
      if (target === undefined || best === undefined || atLeast(best.expectedQuality, target.value))
        return null;
      return finding(
        'spike',
        `the best attack angle, ${best.name}, is expected to reach ${formatNumber(best.expectedQuality)}, ` +
          `below the target ${target.text} (Tradeoff)`,
        'tradeoff',
      );
    },
  },
  {
    id: 'autonomous-high-stakes',
    title: 'An autonomous product with costly errors',
    needs: ['B.archetype', 'A.cost-of-errors'],
    mayFire({ answers }) {
      const archetype = readChoice(answers, 'B.archetype');
      return archetype === undefined || archetype === 'autonomous';
    },
    evaluate({ answers }) {
      const cost = readChoice(answers, 'A.cost-of-errors');
      if (readChoice(answers, 'B.archetype') !== 'autonomous') return null;
      if (cost !== 'high' && cost !== 'severe') return null;
      return finding(
        'spike',
        `an autonomous product where the cost of errors is ${cost}: start with a human in the loop`,
      );
    },
  },
  {
    id: 'frequent-retraining-manual-ops',
    title: 'Frequent retraining with manual operations',
    needs: ['H.retraining-cadence', 'J.current-maturity'],
    mayFire({ answers }) {
      const cadence = readChoice(answers, 'H.retraining-cadence');
      return cadence === undefined || (FREQUENT_RETRAINING as readonly string[]).includes(cadence);
    },
    evaluate(input) {
      const cadence = readChoice(input.answers, 'H.retraining-cadence');
      const maturity = currentMaturity(input);
      if (cadence !== 'weekly' && cadence !== 'daily') return null;
      if (maturity === undefined || maturity.level > 0) return null;
      return finding(
        'info',
        `retraining ${cadence === 'daily' ? 'daily' : 'weekly'} at MLOps level 0` +
          `${maturity.source === 'roadmap' ? ' (Roadmap)' : ''}: plan pipeline automation (level 1) in the roadmap`,
        maturity.source,
      );
    },
  },
  {
    id: 'target-below-launch',
    title: 'The target is below the minimum launch quality',
    needs: ['E.target-quality', 'E.min-launch-quality'],
    evaluate(input) {
      const target = targetQuality(input);
      const minimum = readNumber(input.answers, 'E.min-launch-quality');
      if (target === undefined || minimum === undefined || atLeast(target.value, minimum)) return null;
      return finding(
        'info',
        `the target ${target.text} is below the minimum launch quality ${formatNumber(minimum)}: ` +
          'check both answers',
      );
    },
  },
];

/**
 * Questions that must be answered before the worksheet can end in "go": the ones the main rules turn on.
 * Conditional questions (latency only matters online, the outcome delay only without labels) are not
 * essential; the rules list them as "to answer" when they become relevant.
 */
export const ESSENTIAL_QUESTION_IDS = [
  'E.target-quality',
  'E.human-ceiling',
  'E.single-metric',
  'B.heuristic-quality',
  'D.labels-exist',
  'G.serving-mode',
  'H.months-to-production',
  'K.horizon',
] as const satisfies readonly QuestionId[];
