import { formatDuration, formatNumber, formatTimeToTarget } from '../format';
import { escapeMarkdownHtml } from '../shared';
import { describeTarget } from '../tradeoff';
import {
  type Answer,
  hasDerivedValue,
  isAnswered,
  type WorksheetAnswers,
  type WorksheetContext,
} from './answers';
import type { VerdictResult } from './compute-verdict';
import {
  findQuestion,
  QUALITY_UNIT,
  QUESTION_BANK,
  QUESTION_BANK_VERSION,
  type Question,
  type QuestionId,
  questionsInGroup,
  WORKSHEET_GROUP_IDS,
  WORKSHEET_GROUP_TITLES,
} from './question-bank';

const YES_NO_LABEL = { yes: 'Yes', no: 'No', unknown: 'Unknown' } as const;
const VERDICT_LABEL = {
  go: 'Go',
  'spike-first': 'Spike first',
  'no-go': 'No-go',
  undecided: 'Undecided',
} as const;

const withUnit = (text: string, unit: string) => (unit === QUALITY_UNIT ? text : `${text} ${unit}`);

/**
 * An answer in words, as the report and the history show it: option labels rather than values,
 * numbers with their unit, durations as "6 months", ranges as "3 / 5 / 9 months (low / likely / high)".
 */
export function formatAnswer(question: Question, answer: Answer): string {
  const label = (value: string) =>
    question.kind === 'single' || question.kind === 'multi'
      ? (question.options.find((o) => o.value === value)?.label ?? value)
      : value;
  const unit = question.kind === 'number' || question.kind === 'range' ? question.unit : '';
  switch (answer.kind) {
    case 'single':
      return label(answer.value);
    case 'multi':
      return answer.value.map(label).join(', ');
    case 'number':
      return withUnit(formatNumber(answer.value), unit);
    case 'duration':
      return formatDuration(answer.value);
    case 'range': {
      const { low, likely, high } = answer.value;
      const text = [low, likely, high].map(formatNumber).join(' / ');
      return `${withUnit(text, unit)} (low / likely / high)`;
    }
    case 'short-text':
    case 'long-text':
      return answer.value;
    case 'yes-no-unknown':
      return YES_NO_LABEL[answer.value];
  }
}

/**
 * The target every rule uses when the Tradeoff tab sets one, on the question it overrides
 * (`E.target-quality`), named as the Tradeoff tab and the report name it (`describeTarget`):
 * "0.650, set on Tradeoff; the worksheet says 0.800". Undefined for other questions or without an override.
 */
export function describeTargetOverride(
  question: Question,
  answer: Answer | null | undefined,
  context: WorksheetContext,
): string | undefined {
  if (question.id !== 'E.target-quality' || context.targetOverride === undefined) return undefined;
  const worksheetValue = answer?.kind === 'number' ? answer.value : null;
  const target = { value: context.targetOverride.value, source: 'tradeoff', worksheetValue } as const;
  return describeTarget(target, 1) ?? undefined;
}

/** The live value of a derived question in words, e.g. "0.81 (95 % CI 0.75–0.86) from Agreement". */
export function formatDerivedValue(question: Question, context: WorksheetContext): string | undefined {
  switch (question.derivedFrom) {
    case 'agreement.humanCeiling': {
      const ceiling = context.humanCeiling;
      if (ceiling === undefined) return undefined;
      const ci = ceiling.ci === undefined ? '' : ` (95 % CI ${ceiling.ci.map(formatNumber).join('–')})`;
      const metric = ceiling.metric === undefined ? '' : ` in ${ceiling.metric}`;
      return `${formatNumber(ceiling.value)}${ci}${metric} from Agreement`;
    }
    case 'agreement.sampleMeasured': {
      const ceiling = context.humanCeiling;
      const metric = ceiling?.metric === undefined ? '' : ` in ${ceiling.metric}`;
      return ceiling && `Yes: human ceiling ${formatNumber(ceiling.value)}${metric} (from Agreement)`;
    }
    case 'tradeoff.attackAngles': {
      const best = context.bestAngle;
      return best && `best: ${best.name}, expected ${formatNumber(best.expectedQuality)} (from Tradeoff)`;
    }
    case 'tradeoff.timeToTarget': {
      const time = context.timeToTarget;
      if (!time) return time;
      const { p50, p90 } = formatTimeToTarget(time);
      return `P50 ${p50}, P90 ${p90} (from Tradeoff)`;
    }
    case 'roadmap.maturityLevel':
      return context.maturityLevel === undefined
        ? undefined
        : `level ${context.maturityLevel} (from Roadmap)`;
  }
  return undefined;
}

const quote = (text: string) =>
  text
    .trim()
    .split(/\r?\n/)
    .map((line) => `> ${escapeMarkdownHtml(line)}`.trimEnd())
    .join('\n');

export interface WorksheetMarkdownInput {
  readonly title: string;
  readonly answers: WorksheetAnswers;
  readonly context?: WorksheetContext;
  readonly verdict?: VerdictResult;
}

/**
 * The worksheet as Markdown: the verdict with its reasons and the questions still to answer (when given),
 * then one section per group with every question and its answer, a derived question's live value, or
 * "_Not answered_". Answers are quoted so that user text cannot add headings to the document.
 */
export function formatWorksheetMarkdown(input: WorksheetMarkdownInput): string {
  const context = input.context ?? {};
  const lines: string[] = [`# ${escapeMarkdownHtml(input.title.trim()) || 'Feasibility worksheet'}`, ''];
  if (input.verdict !== undefined) {
    lines.push(`**Verdict: ${VERDICT_LABEL[input.verdict.verdict]}**`, '');
    // Reasons quote answers (the metric's name, say), so they are user text too.
    for (const f of input.verdict.findings) lines.push(`- ${f.effect}: ${escapeMarkdownHtml(f.reason)}`);
    if (input.verdict.findings.length > 0) lines.push('');
    if (input.verdict.toAnswer.length > 0) {
      lines.push('To answer:', '');
      for (const id of input.verdict.toAnswer) lines.push(`- ${findQuestion(id)?.prompt ?? id}`);
      lines.push('');
    }
  }
  for (const group of WORKSHEET_GROUP_IDS) {
    lines.push(`## ${group}. ${WORKSHEET_GROUP_TITLES[group]}`, '');
    for (const question of questionsInGroup(group)) {
      const answer = input.answers[question.id];
      const derived = hasDerivedValue(question, context) ? formatDerivedValue(question, context) : undefined;
      const text =
        derived ??
        (answer !== undefined && isAnswered(question, answer) ? formatAnswer(question, answer) : undefined);
      lines.push(`**${question.prompt}**`, '', text === undefined ? '_Not answered_' : quote(text), '');
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

export interface WorksheetJsonExport {
  readonly questionBankVersion: number;
  readonly answers: readonly { readonly id: QuestionId; readonly prompt: string; readonly answer: Answer }[];
  /** Questions another tab answers (the ceiling, the best angle, the maturity level), in words, as the page shows them. */
  readonly linked?: readonly { readonly id: QuestionId; readonly prompt: string; readonly value: string }[];
  readonly verdict?: VerdictResult;
}

/**
 * The answered questions as JSON-ready data, in bank order, with the bank version so an import can
 * tell which wording the answers were given to. Blank answers and ids the bank no longer holds are left out.
 * With a context, the live values of linked questions come too (a linked value wins over a typed answer,
 * as on the page and in the Markdown), and with a verdict, the verdict with its reasons.
 */
export function exportWorksheetJson(
  answers: WorksheetAnswers,
  options: { readonly context?: WorksheetContext; readonly verdict?: VerdictResult } = {},
): WorksheetJsonExport {
  const context = options.context;
  const linked: { id: QuestionId; prompt: string; value: string }[] = [];
  const answered = QUESTION_BANK.flatMap((question) => {
    const derived =
      context !== undefined && hasDerivedValue(question, context)
        ? formatDerivedValue(question, context)
        : undefined;
    if (derived !== undefined) {
      linked.push({ id: question.id, prompt: question.prompt, value: derived });
      return [];
    }
    const answer = answers[question.id];
    return answer !== undefined && isAnswered(question, answer)
      ? [{ id: question.id, prompt: question.prompt, answer }]
      : [];
  });
  return {
    questionBankVersion: QUESTION_BANK_VERSION,
    answers: answered,
    ...(context === undefined ? {} : { linked }),
    ...(options.verdict === undefined ? {} : { verdict: options.verdict }),
  };
}
