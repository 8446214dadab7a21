import { type DateFormatOptions, formatDateTime } from '../format';

/** What a stakeholder decides about a published report version. */
export const REPORT_DECISIONS = ['approve', 'approve-with-conditions', 'request-changes', 'reject'] as const;
export type ReportDecisionKind = (typeof REPORT_DECISIONS)[number];

/** The choice as a reader picks it. */
export const DECISION_LABELS: Readonly<Record<ReportDecisionKind, string>> = {
  approve: 'Approve',
  'approve-with-conditions': 'Approve with conditions',
  'request-changes': 'Request changes',
  reject: 'Reject',
};

/** Longest comment a decision carries (the API refuses more; the form counts down to it). */
export const MAX_DECISION_COMMENT_LENGTH = 2000;
/** Longest name a decision carries. */
export const MAX_DECISION_NAME_LENGTH = 100;

/** A decision as it is worded anywhere it is listed. */
export interface DecisionWording {
  readonly decision: ReportDecisionKind;
  readonly name: string;
  readonly comment: string;
  /** Recorded by an owner from a meeting rather than by a reader of a link. */
  readonly meeting: boolean;
}

/** A decision as the report's exports list it: its wording and when it was taken, never an e-mail. */
export interface ReportDecisionLine extends DecisionWording {
  /** ISO 8601 timestamp. */
  readonly decidedAt: string;
}

/**
 * One sentence for a decision on version `versionNumber`, as the next version's "what changed" carries it:
 * "Dana Reyes approved v2 with conditions: only with a human in the loop". The verb follows the choice, so
 * "with conditions" reads after the version, as people say it.
 * @example describeDecision({ decision: 'reject', name: 'Board', comment: '', meeting: true }, 1)
 * // 'Board rejected v1 (in a meeting)'
 */
export function describeDecision(decision: DecisionWording, versionNumber: number): string {
  const v = `v${versionNumber}`;
  const verb: Record<ReportDecisionKind, string> = {
    approve: `approved ${v}`,
    'approve-with-conditions': `approved ${v} with conditions`,
    'request-changes': `requested changes to ${v}`,
    reject: `rejected ${v}`,
  };
  const meeting = decision.meeting ? ' (in a meeting)' : '';
  const comment = decision.comment.trim();
  return `${decision.name} ${verb[decision.decision]}${meeting}${comment === '' ? '' : `: ${comment}`}`;
}

/**
 * A decision as the report's exports and its printed page list it: `describeDecision` and when, for the
 * reader (`dates`).
 * @example describeDecisionLine({ decision: 'approve', name: 'Dana', comment: '', meeting: false,
 *   decidedAt: '2026-12-06T15:16:00Z' }, 2, { locale: 'en-GB', timeZone: 'UTC' })
 * // 'Dana approved v2 (6 Dec 2026, 15:16)'
 */
export function describeDecisionLine(
  decision: ReportDecisionLine,
  versionNumber: number,
  dates: DateFormatOptions = {},
): string {
  return `${describeDecision(decision, versionNumber)} (${formatDateTime(decision.decidedAt, dates)})`;
}

/** Case, accents and runs of spaces do not tell two names apart. */
function normalizeName(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase('en').replace(/\s+/g, ' ').trim();
}

/**
 * The people (or roles) the worksheet's sign-off answer (`K.sign-off`) names, split on commas,
 * semicolons, new lines and " and ": "Head of trust & safety and legal" expects two decisions.
 * @example expectedDeciders('Dana Reyes, legal and the CFO') // ['Dana Reyes', 'legal', 'the CFO']
 */
export function expectedDeciders(signOffAnswer: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of signOffAnswer.split(/[,;\n]|\s+and\s+/i)) {
    const name = part.replace(/\s+/g, ' ').trim();
    const key = normalizeName(name);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(name);
  }
  return out;
}

/**
 * Who of `expected` has not decided yet: an expected person counts as decided when a decision's name is
 * theirs, or holds it as whole words ("Dana Reyes (Head of trust & safety)" answers for "Head of trust &
 * safety"), ignoring case and accents. Order follows `expected`.
 */
export function pendingDeciders(expected: readonly string[], decidedNames: readonly string[]): string[] {
  const decided = decidedNames.map((name) => ` ${normalizeName(name).replace(/[^\p{L}\p{N}&]+/gu, ' ')} `);
  return expected.filter((person) => {
    const words = normalizeName(person)
      .replace(/[^\p{L}\p{N}&]+/gu, ' ')
      .trim();
    return words !== '' && !decided.some((name) => name.includes(` ${words} `));
  });
}
