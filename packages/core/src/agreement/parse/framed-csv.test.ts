import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { suggestTableFraming } from './framed-csv';
import { parseFramedSample } from './parse-framed';
import { previewSample } from './preview';

const read = (path: string) => readFileSync(new URL(path, import.meta.url));

/** The suggestion for a file, from its preview's header and rows, as the upload form computes it. */
function suggestionFor(file: Uint8Array) {
  const preview = previewSample(file);
  if (!preview.ok) throw new Error(preview.error.message);
  return suggestTableFraming(preview.value.header, preview.value.rows);
}

describe('suggestTableFraming', () => {
  it.each([
    ['./fixtures/answers-pairwise.csv', 'pairwise', /"item_a", "item_b", "annotator" and "choice"/],
    ['./fixtures/search-ranking.long.csv', 'ranking', /"list" and "rank"/],
    ['./fixtures/topics-multilabel.csv', 'multilabel', /"labels" such as "Politics\|Sports"/],
  ] as const)('reads %s as %s, saying why, and the file reads under it', (path, framing, reason) => {
    const file = read(path);
    const suggestion = suggestionFor(file);
    expect(suggestion?.framing).toBe(framing);
    expect(suggestion?.reason).toMatch(reason);
    expect(parseFramedSample(file, { framing }).ok).toBe(true);
  });

  it('names a lone rank column, but not a score or an order, which ratings use as often', () => {
    expect(suggestTableFraming(['query', 'doc', 'judge', 'position'], [])).toEqual({
      framing: 'ranking',
      reason: 'Columns "query" and "position" read as rankings of objects within each list.',
    });
    expect(suggestTableFraming(['object', 'annotator', 'rank'], [])?.reason).toBe(
      'Column "rank" reads as a ranking of objects.',
    );
    expect(suggestTableFraming(['item', 'annotator', 'score'], [])).toBeNull();
    expect(suggestTableFraming(['item', 'annotator', 'order'], [])).toBeNull();
  });

  it('suggests nothing for one label per item, numbers or a wide table', () => {
    for (const path of [
      '../reference-data/krippendorff2011.long.csv',
      '../reference-data/krippendorff2011.wide.csv',
      '../reference-data/shrout_fleiss1979_table2.long.csv',
      './fixtures/ratings.tsv',
    ]) {
      expect(suggestionFor(read(path)), path).toBeNull();
    }
    // A lone pipe or an empty alternative is a label's own text, not a set.
    expect(
      suggestTableFraming(
        ['item', 'annotator', 'label'],
        [
          ['1', 'a', '|'],
          ['2', 'a', 'x||'],
        ],
      ),
    ).toBeNull();
  });
});
