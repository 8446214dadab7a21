import { describe, expect, it } from 'vitest';
import { computeVerdict } from './compute-verdict';
import { toWorksheetContext, worksheetContextFromTabs } from './context-json';
import {
  describeTargetOverride,
  exportWorksheetJson,
  formatAnswer,
  formatDerivedValue,
  formatWorksheetMarkdown,
} from './export';
import { findQuestion, QUESTION_BANK, QUESTION_BANK_VERSION, type Question } from './question-bank';
import { answersFrom } from './test-support';

function question(id: string): Question {
  const q = findQuestion(id);
  if (q === undefined) throw new Error(`no question ${id}`);
  return q;
}

describe('formatAnswer', () => {
  it('shows option labels, units, durations, ranges and yes/no in words', () => {
    const a = answersFrom({
      'G.serving-mode': 'precomputed',
      'G.where-it-runs': ['cloud', 'edge'],
      'G.latency-p99': 50,
      'E.target-quality': 0.9,
      'K.horizon': { value: 1, unit: 'year' },
      'H.months-to-production': { low: 3, likely: 5, high: 9 },
      'D.labels-exist': 'unknown',
    });
    const show = (id: string) => {
      const answer = a[id];
      return answer === undefined ? undefined : formatAnswer(question(id), answer);
    };
    expect(show('G.serving-mode')).toBe('Pre-computed in batch');
    expect(show('G.where-it-runs')).toBe('Cloud, Edge device');
    expect(show('G.latency-p99')).toBe('50 ms');
    expect(show('E.target-quality')).toBe('0.9');
    expect(show('K.horizon')).toBe('1 year');
    expect(show('H.months-to-production')).toBe('3 / 5 / 9 months (low / likely / high)');
    expect(show('D.labels-exist')).toBe('Unknown');
  });

  it('never shows exponent notation: huge amounts in words, large ones with separators', () => {
    const a = answersFrom({ 'D.label-cost': 1e23, 'G.latency-p99': 12_500 });
    expect(formatAnswer(question('D.label-cost'), a['D.label-cost'] ?? fail())).toBe(
      '100,000,000,000 trillion currency per label',
    );
    expect(formatAnswer(question('G.latency-p99'), a['G.latency-p99'] ?? fail())).toBe('12,500 ms');
  });
});

function fail(): never {
  throw new Error('the answer should be set');
}

describe('worksheetContextFromTabs', () => {
  const ceiling = { value: 0.727, ci: null, sampleName: 'NER pilot' };
  it("carries the reference ceiling's metric when it is not an accuracy, and reads it back", () => {
    const json = worksheetContextFromTabs({
      ceiling: { ...ceiling, basis: 'spans.f1.exact' },
      tradeoff: null,
      maturityLevel: null,
    });
    expect(json.humanCeiling?.metric).toBe('span F1');
    expect(toWorksheetContext(json).humanCeiling).toEqual({ value: 0.727, metric: 'span F1' });
    for (const basis of ['percent-agreement', 'majority-of-others', null]) {
      const plain = worksheetContextFromTabs({
        ceiling: { ...ceiling, basis },
        tradeoff: null,
        maturityLevel: null,
      });
      expect(toWorksheetContext(plain).humanCeiling, String(basis)).toEqual({ value: 0.727 });
    }
  });
});

describe('formatDerivedValue', () => {
  it('shows the live values of the other tabs', () => {
    const context = {
      humanCeiling: { value: 0.81, ci: [0.75, 0.86] as const },
      timeToTarget: { p50Days: 21, p90Days: 182.625 },
      maturityLevel: 1,
    } as const;
    expect(formatDerivedValue(question('E.human-ceiling'), context)).toBe(
      '0.81 (95 % CI 0.75–0.86) from Agreement',
    );
    expect(formatDerivedValue(question('F.time-to-target'), context)).toBe(
      'P50 3 weeks, P90 26.1 weeks (from Tradeoff)',
    );
    expect(formatDerivedValue(question('J.current-maturity'), context)).toBe('level 1 (from Roadmap)');
    expect(formatDerivedValue(question('D.agreement-measured'), context)).toBe(
      'Yes: human ceiling 0.81 (from Agreement)',
    );
    expect(formatDerivedValue(question('D.agreement-measured'), {})).toBeUndefined();
    // A ceiling in another metric than accuracy is named with it.
    const kendall = { humanCeiling: { value: 0.6, metric: "Kendall's τ" } };
    expect(formatDerivedValue(question('E.human-ceiling'), kendall)).toBe(
      "0.6 in Kendall's τ from Agreement",
    );
    expect(formatDerivedValue(question('D.agreement-measured'), kendall)).toBe(
      "Yes: human ceiling 0.6 in Kendall's τ (from Agreement)",
    );
    expect(formatDerivedValue(question('F.attack-angles'), context)).toBeUndefined();
    expect(formatDerivedValue(question('K.horizon'), context)).toBeUndefined();
  });
});

describe('describeTargetOverride', () => {
  it("names a target set on Tradeoff on the worksheet's own target question, with its answer beside it", () => {
    const context = { targetOverride: { value: 0.65 } };
    const answer = { kind: 'number', value: 0.8 } as const;
    expect(describeTargetOverride(question('E.target-quality'), answer, context)).toBe(
      '0.650, set on Tradeoff; the worksheet says 0.800',
    );
    expect(describeTargetOverride(question('E.target-quality'), null, context)).toBe(
      '0.650, set on Tradeoff',
    );
    expect(describeTargetOverride(question('E.target-quality'), answer, {})).toBeUndefined();
    expect(describeTargetOverride(question('K.horizon'), answer, context)).toBeUndefined();
  });
});

describe('formatWorksheetMarkdown', () => {
  const answers = answersFrom({
    'E.target-quality': 0.95,
    'E.optimizing-metric': 'accuracy',
    'A.decision': 'Which listings go to the pharmacy shelf\n# not a heading',
  });
  const context = { humanCeiling: { value: 0.81 } };
  const markdown = formatWorksheetMarkdown({
    title: 'Listing classifier',
    answers,
    context,
    verdict: computeVerdict({ answers, context }),
  });

  it('opens with the verdict, its reasons and what is left to answer', () => {
    expect(markdown.startsWith('# Listing classifier\n\n**Verdict: No-go**\n')).toBe(true);
    expect(markdown).toContain(
      '- no-go: the target accuracy 0.95 is above the human ceiling 0.81 (Agreement): not measurable against these labels',
    );
    expect(markdown).toContain('To answer:\n\n- Overall, how costly is a wrong prediction?\n');
    expect(markdown).toContain('\n- What quality does that heuristic achieve, on the project’s metric?\n');
  });

  it('lists every question under its group, quoting answers so they cannot add headings', () => {
    expect(markdown.match(/^## /gm)).toHaveLength(11);
    expect(markdown.match(/^\*\*.+\*\*$/gm)?.length).toBe(QUESTION_BANK.length + 1);
    expect(markdown).toContain('## E. Quality target and ceiling');
    expect(markdown).toContain('> Which listings go to the pharmacy shelf\n> # not a heading');
    expect(markdown).toContain(
      '**What is human-level performance (the human ceiling)?**\n\n> 0.81 from Agreement',
    );
    expect(markdown).toContain('**Who signs off on launch?**\n\n_Not answered_');
    expect(markdown.match(/^# /gm)).toHaveLength(1);
  });
});

describe('exportWorksheetJson', () => {
  it('keeps answered questions in bank order with the bank version, dropping blanks and retired ids', () => {
    const answers = {
      ...answersFrom({ 'K.sign-off': 'Ana', 'A.end-user': 'Buyers', 'A.decision': '  ' }),
      'Z.retired': { kind: 'number', value: 3 } as const,
    };
    expect(exportWorksheetJson(answers)).toEqual({
      questionBankVersion: QUESTION_BANK_VERSION,
      answers: [
        {
          id: 'A.end-user',
          prompt: question('A.end-user').prompt,
          answer: { kind: 'short-text', value: 'Buyers' },
        },
        {
          id: 'K.sign-off',
          prompt: question('K.sign-off').prompt,
          answer: { kind: 'short-text', value: 'Ana' },
        },
      ],
    });
  });

  it('carries the linked values of other tabs in words, over a typed answer, and the verdict', () => {
    const answers = answersFrom({ 'E.human-ceiling': 0.5, 'A.end-user': 'Buyers' });
    const context = { humanCeiling: { value: 0.81, ci: [0.75, 0.86] as const }, maturityLevel: 1 } as const;
    const verdict = computeVerdict({ answers, context });
    const exported = exportWorksheetJson(answers, { context, verdict });
    expect(exported.answers.map((a) => a.id)).toEqual(['A.end-user']);
    expect(exported.linked).toEqual([
      {
        id: 'D.agreement-measured',
        prompt: question('D.agreement-measured').prompt,
        value: 'Yes: human ceiling 0.81 (from Agreement)',
      },
      {
        id: 'E.human-ceiling',
        prompt: question('E.human-ceiling').prompt,
        value: '0.81 (95 % CI 0.75–0.86) from Agreement',
      },
      {
        id: 'J.current-maturity',
        prompt: question('J.current-maturity').prompt,
        value: 'level 1 (from Roadmap)',
      },
    ]);
    expect(exported.verdict).toEqual(verdict);
    // Round-trips through JSON unchanged: nothing in it is a class or a function.
    expect(JSON.parse(JSON.stringify(exported))).toEqual(exported);
  });
});
