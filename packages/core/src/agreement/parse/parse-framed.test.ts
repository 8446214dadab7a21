import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeFramedAgreement } from '../compute-framed-agreement';
import { describeSampleIssue } from './describe';
import { type FramedParseOptions, parseFramedSample } from './parse-framed';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));

function parsed(name: string, options: FramedParseOptions = {}) {
  const result = parseFramedSample(fixture(name), options);
  if (!result.ok) throw new Error(describeSampleIssue(result.error));
  return result.value;
}

function issueOf(input: string | Uint8Array, options: FramedParseOptions = {}) {
  const result = parseFramedSample(input, options);
  if (result.ok) throw new Error('expected an issue');
  return result.error;
}

/** A Prodigy task (one JSON Lines line) of document `doc` with one span, accepted by `annotator`. */
const spanTask = (
  text: string,
  doc: number,
  annotator: string,
  span: { start: number; end: number; label: string },
) => JSON.stringify({ text, _input_hash: doc, _annotator_id: annotator, spans: [span], answer: 'accept' });

const only = <T>(list: readonly T[]): T => {
  expect(list).toHaveLength(1);
  return list[0] as T;
};

describe('Prodigy exports', () => {
  it('reads ner_manual spans, so a boundary disagreement is not a 100% ceiling', () => {
    const read = parsed('prodigy-ner-manual.jsonl');
    const control = only(read.controls);
    expect(control.framing).toBe('spans');
    expect(read.skipped).toEqual({ reject: 1, ignore: 1 });
    const report = computeFramedAgreement(control.sample, { bootstrap: 0 });
    // 6 spans each, 5 in common: "an actor" against "actor".
    expect(report.spans?.f1.exact).toBeCloseTo(10 / 12, 12);
    expect(report.humanCeiling?.value).toBeLessThan(1);
    expect(report.spans?.f1.overlap).toBeCloseTo(1, 12);
    expect(report.spans?.documents).toBe(3);
  });

  it('keeps one annotation per document and annotator: repeats collapse, conflicts follow the duplicates policy', () => {
    const line = (doc: number, annotator: string, end: number) =>
      spanTask('Ann met Bob in Rome.', doc, annotator, { start: 0, end, label: 'PER' });
    const lines = [
      line(1, 'alice', 3),
      line(1, 'bob', 3),
      line(2, 'bob', 3),
      line(1, 'alice', 3), // an identical repeat: collapses
      line(2, 'alice', 3),
      line(2, 'bob', 2), // a conflicting repeat, on line 6
    ].join('\n');
    const conflict = issueOf(lines);
    expect(conflict.code).toBe('duplicate_conflict');
    expect(conflict.line).toBe(6);
    const endsOf = (duplicates: 'first' | 'last') => {
      const read = parseFramedSample(lines, { duplicates });
      if (!read.ok) throw new Error(read.error.message);
      const sample = only(read.value.controls).sample;
      if (sample.framing !== 'spans') throw new Error('expected spans');
      return sample.sample.annotations.map((a) => [a.unit, a.annotator, a.value[0]?.end]);
    };
    // First-seen order of (document, annotator), with the kept value.
    expect(endsOf('first')).toEqual([
      [0, 0, 3],
      [0, 1, 3],
      [1, 1, 3],
      [1, 0, 3],
    ]);
    expect(endsOf('last')).toEqual([
      [0, 0, 3],
      [0, 1, 3],
      [1, 1, 2],
      [1, 0, 3],
    ]);
  });

  it('keeps the text, so the disagreement list quotes the spans one annotator has and the other lacks', () => {
    const control = only(parsed('prodigy-ner-manual.jsonl').controls);
    const report = computeFramedAgreement(control.sample, { bootstrap: 0 });
    const list = report.diagnostics.unitDisagreements;
    expect(list?.metric).toBe('spanF1');
    expect(list?.units).toHaveLength(1);
    expect(list?.units[0]?.differences.map((d) => (d.kind === 'span' ? [d.has, d.text] : []))).toEqual([
      ['ner-bob', 'an actor'],
      ['ner-alice', 'actor'],
    ]);
  });

  it('reads image_manual spans as pixel boxes', () => {
    const control = only(parsed('prodigy-image-manual.jsonl').controls);
    expect(control.framing).toBe('boxes');
    const report = computeFramedAgreement(control.sample, { bootstrap: 0 });
    expect(report.boxes?.images).toBe(2);
    expect(report.boxes?.f1.iou50).toBeCloseTo(4 / 6, 12); // 2 of 3 boxes matched each way
  });

  it('reads accept lists of a multiple-choice task as sets', () => {
    const read = parsed('prodigy-choice-multiple.jsonl');
    const control = only(read.controls);
    expect(control.framing).toBe('multilabel');
    expect(read.skipped.ignore).toBe(1);
    const report = computeFramedAgreement(control.sample, { bootstrap: 0 });
    // TP 5, FP 1, FN 1 (bob adds SHIPPING once, alice adds PRODUCT once).
    expect(report.multilabel?.f1.micro).toBeCloseTo(10 / 12, 12);
    expect(report.humanCeilingMetric).toBe('f1');
  });

  it('keeps binary answers as labels', () => {
    expect(only(parsed('prodigy-textcat-binary.jsonl').controls).framing).toBe('categorical');
  });

  it('names the line and column of a span past the end of its text', () => {
    const line = spanTask('short', 1, 'a', { start: 2, end: 9, label: 'X' });
    const issue = issueOf(`${line}\n`, { format: 'prodigy' });
    expect(issue).toMatchObject({ line: 1, column: line.indexOf('"spans"') + 1 });
    expect(issue.message).toMatch(/ends at 9, past the end of its text \(5 characters\)/);
    const backwards = spanTask('long enough', 1, 'a', { start: 4, end: 4, label: 'X' });
    expect(issueOf(`${backwards}\n`, { format: 'prodigy' }).message).toMatch(/start must be before end/);
  });
});

describe('Label Studio exports', () => {
  it('reads labels results as spans (no more "every label is empty")', () => {
    const control = only(parsed('label-studio-ner.json').controls);
    expect(control).toMatchObject({ name: 'label', framing: 'spans' });
    const report = computeFramedAgreement(control.sample, { bootstrap: 0 });
    // alice 6 spans, bea 5; 4 exact in common
    expect(report.spans?.f1.exact).toBeCloseTo(8 / 11, 12);
    const quoted = (report.diagnostics.unitDisagreements?.units ?? []).flatMap((d) =>
      d.differences.map((x) => (x.kind === 'span' ? x.text : null)),
    );
    expect(quoted.length).toBeGreaterThan(0);
    expect(quoted.every((text) => typeof text === 'string' && text.length > 0)).toBe(true);
  });

  it('scores every control on its own, and --control picks one', () => {
    const read = parsed('label-studio-two-controls.json');
    expect(read.controls.map((c) => [c.name, c.framing])).toEqual([
      ['relevance', 'categorical'],
      ['sentiment', 'categorical'],
    ]);
    const [relevance, sentiment] = read.controls.map((c) =>
      computeFramedAgreement(c.sample, { bootstrap: 0 }),
    );
    expect(relevance?.krippendorffAlpha.nominal).toBe(1);
    expect(sentiment?.krippendorffAlpha.nominal).toBeLessThan(0.5);
    expect(
      parsed('label-studio-two-controls.json', { control: 'sentiment' }).controls.map((c) => c.name),
    ).toEqual(['sentiment']);
    expect(issueOf(fixture('label-studio-two-controls.json'), { control: 'topic' })).toMatchObject({
      code: 'unknown_control',
      message: expect.stringContaining('"relevance", "sentiment"'),
    });
  });

  it('reads several selected choices as a set, so {Politics, Sports} and {Sports} partly agree', () => {
    const control = only(parsed('label-studio-multichoice.json').controls);
    expect(control.framing).toBe('multilabel');
    const report = computeFramedAgreement(control.sample, { bootstrap: 0 });
    expect(report.multilabel?.alphaMasi).toBeGreaterThan(report.multilabel?.alphaExact ?? 1);
    expect(report.multilabel?.f1.micro).toBeCloseTo(8 / 10, 12);
  });

  it('reads boxes, and refuses rotated ones naming the line and column of the result', () => {
    expect(only(parsed('label-studio-boxes.json').controls).framing).toBe('boxes');
    const text = fixture('label-studio-rotated-boxes.json').toString();
    const issue = issueOf(text);
    const at = text.indexOf('"veUGPaahTw"');
    const line = text.slice(0, at).split('\n').length;
    expect(issue).toMatchObject({
      code: 'invalid_record',
      line,
      column: at - text.lastIndexOf('\n', at - 1),
    });
    expect(issue.message).toMatch(/rotated by 328\.332\d*°; rotated boxes are not measured/);
  });

  it('reads ranker, pairwise and number results in their framings', () => {
    const ranking = only(parsed('label-studio-ranker.json').controls);
    expect(ranking.framing).toBe('ranking');
    expect(computeFramedAgreement(ranking.sample, { bootstrap: 0 }).ranking?.lists).toBe(2);
    const pairwise = only(parsed('label-studio-pairwise.json').controls);
    expect(pairwise.framing).toBe('pairwise');
    expect(computeFramedAgreement(pairwise.sample, { bootstrap: 0 }).percentAgreement).toBeCloseTo(0.75, 12);
    const number = only(parsed('label-studio-number.json').controls);
    expect(number.framing).toBe('continuous');
    expect(computeFramedAgreement(number.sample, { bootstrap: 0 }).humanCeilingMetric).toBe('correlation');
  });

  it('refuses a control that mixes framings, naming the task and line', () => {
    const tasks = [
      {
        id: 1,
        data: { text: 'a b' },
        annotations: [
          {
            completed_by: 1,
            result: [
              { id: 'r1', from_name: 'q', to_name: 'text', type: 'choices', value: { choices: ['x'] } },
            ],
          },
        ],
      },
      {
        id: 2,
        data: { text: 'a b' },
        annotations: [
          {
            completed_by: 1,
            result: [
              {
                id: 'r2',
                from_name: 'q',
                to_name: 'text',
                type: 'labels',
                value: { start: 0, end: 1, labels: ['x'] },
              },
            ],
          },
        ],
      },
    ];
    const issue = issueOf(JSON.stringify(tasks, null, 1));
    expect(issue.code).toBe('mixed_framing');
    expect(describeSampleIssue(issue)).toMatch(
      /item 2 of control "q" holds spans where item 1 \(line \d+\) holds set/,
    );
  });

  it('refuses a ranking that lists an object twice', () => {
    const tasks = [
      {
        id: 1,
        data: {},
        annotations: [
          {
            completed_by: 1,
            result: [
              {
                id: 'rk1',
                from_name: 'rank',
                to_name: 'r',
                type: 'ranker',
                value: { ranker: { rank: ['a', 'b', 'a'] } },
              },
            ],
          },
        ],
      },
    ];
    expect(issueOf(JSON.stringify(tasks)).message).toMatch(/lists "a" twice/);
  });
});

describe('tables with --framing', () => {
  it('reads multi-label cells joined with |, an empty cell being the empty set', () => {
    const control = only(parsed('topics-multilabel.csv', { framing: 'multilabel' }).controls);
    const report = computeFramedAgreement(control.sample, { bootstrap: 0 });
    expect(report.items).toBe(4);
    expect(report.multilabel?.labels).toEqual(['Economy', 'Politics', 'Sports']);
  });

  it('reads long and wide rankings', () => {
    const long = computeFramedAgreement(
      only(parsed('search-ranking.long.csv', { framing: 'ranking' }).controls).sample,
      { bootstrap: 0 },
    );
    expect(long.ranking?.lists).toBe(2);
    const wide = computeFramedAgreement(
      only(parsed('search-ranking.wide.csv', { framing: 'ranking' }).controls).sample,
      { bootstrap: 0 },
    );
    expect(wide.ranking?.lists).toBe(1);
    expect(wide.annotators).toBe(3);
  });

  it('reads pairwise preferences in canonical order', () => {
    const control = only(parsed('answers-pairwise.csv', { framing: 'pairwise' }).controls);
    const report = computeFramedAgreement(control.sample, { bootstrap: 0 });
    expect(report.pairwise).toMatchObject({ comparisons: 3, tieShare: 1 / 6 });
    // answer-1 vs answer-2: both prefer answer-1; answer-2 vs answer-3: both prefer answer-3.
    expect(report.pairwise?.agreementWithoutTies).toBeCloseTo(1, 12);
  });

  it('names an unknown framing and a bad rank', () => {
    expect(issueOf('item,annotator,label\n1,a,x\n', { framing: 'trees' })).toMatchObject({
      code: 'unknown_framing',
    });
    expect(issueOf('list,object,annotator,rank\nq,d1,a,first\n', { framing: 'ranking' })).toMatchObject({
      line: 2,
      column: 4,
    });
    expect(
      issueOf('list,object,annotator,rank\nq,d1,a,1\nq,d1,a,2\n', { framing: 'ranking' }).message,
    ).toMatch(/ranks "d1" twice/);
  });
});
