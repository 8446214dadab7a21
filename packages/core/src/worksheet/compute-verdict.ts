import { isQuestionAnswered, type WorksheetAnswers, type WorksheetContext } from './answers';
import { QUESTION_BANK, type QuestionId } from './question-bank';
import {
  ESSENTIAL_QUESTION_IDS,
  FINDING_EFFECTS,
  type Finding,
  type RuleInput,
  VERDICT_RULES,
  type VerdictRule,
} from './verdict-rules';

export const VERDICTS = ['go', 'spike-first', 'no-go', 'undecided'] as const;
export type Verdict = (typeof VERDICTS)[number];

export interface VerdictInput {
  readonly answers: WorksheetAnswers;
  readonly context?: WorksheetContext;
}

export interface VerdictResult {
  readonly verdict: Verdict;
  /** Every rule that fired, most severe first (no-go, spike, go, info), in rule order within an effect. */
  readonly findings: readonly Finding[];
  /** Unanswered questions the verdict still depends on, in question-bank order. */
  readonly toAnswer: readonly QuestionId[];
}

export interface ComputeVerdictOptions {
  readonly rules?: readonly VerdictRule[];
  readonly essentials?: readonly QuestionId[];
}

const BANK_ORDER: ReadonlyMap<string, number> = new Map(QUESTION_BANK.map((q, i) => [q.id, i]));

/**
 * The worksheet's verdict: every rule of `VERDICT_RULES` is evaluated on the answers and the other tabs'
 * context; any no-go finding → `no-go`; else any spike → `spike-first`; else `go` when every essential
 * question (`ESSENTIAL_QUESTION_IDS`) is answered; else `undecided`. `toAnswer` lists the unanswered
 * essential questions and the unanswered, still relevant needs of every rule that did not fire
 * (a derived question counts as answered when its context value exists).
 */
export function computeVerdict(input: VerdictInput, options: ComputeVerdictOptions = {}): VerdictResult {
  const rules = options.rules ?? VERDICT_RULES;
  const essentials = options.essentials ?? ESSENTIAL_QUESTION_IDS;
  const ruleInput: RuleInput = { answers: input.answers, context: input.context ?? {} };
  const isOpen = (id: QuestionId) => !isQuestionAnswered(id, ruleInput.answers, ruleInput.context);

  const findings: Finding[] = [];
  const open = new Set<QuestionId>(essentials.filter(isOpen));
  for (const rule of rules) {
    const draft = rule.evaluate(ruleInput);
    if (draft !== null) {
      findings.push({ ...draft, ruleId: rule.id, questionIds: rule.needs });
      continue;
    }
    if (rule.mayFire?.(ruleInput) === false) continue;
    for (const id of rule.needs) if (isOpen(id)) open.add(id);
  }

  const severity = (f: Finding) => FINDING_EFFECTS.indexOf(f.effect);
  const sorted = findings.toSorted((a, b) => severity(a) - severity(b));
  const has = (effect: Finding['effect']) => findings.some((f) => f.effect === effect);
  const essentialsAnswered = essentials.every((id) => !isOpen(id));
  const verdict: Verdict = has('no-go')
    ? 'no-go'
    : has('spike')
      ? 'spike-first'
      : essentialsAnswered
        ? 'go'
        : 'undecided';
  const toAnswer = [...open].sort((a, b) => (BANK_ORDER.get(a) ?? 0) - (BANK_ORDER.get(b) ?? 0));
  return { verdict, findings: sorted, toAnswer };
}
