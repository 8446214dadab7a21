import { previewSample } from '@raisin/core/agreement';
import { describe, expect, it } from 'vitest';
import {
  describeUploadForm,
  initialUploadState,
  type UploadAction,
  type UploadState,
  uploadReducer,
} from './upload-machine';

const LONG_CSV = 'item,annotator,label\n1,ann,a\n1,bob,b\n2,ann,a\n2,bob,a\n';
const WIDE_CSV = 'doc,ann,bob\n1,a,b\n2,a,NA\n';
const ODD_HEADERS = 'passage,coder,tag\np1,ann,a\np1,bob,b\n';

function csv(name: string, text: string): File {
  return new File([text], name, { type: 'text/csv' });
}

function run(actions: readonly UploadAction[], from: UploadState = initialUploadState): UploadState {
  return actions.reduce(uploadReducer, from);
}

/** A file chosen and previewed as the hook does it. */
function previewed(file: File, text: string, from: UploadState = initialUploadState): UploadState {
  return run(
    [
      { type: 'choose', file },
      { type: 'previewed', file, result: previewSample(text) },
    ],
    from,
  );
}

function readyForm(state: UploadState) {
  if (state.file.step !== 'ready') throw new Error(`expected a previewed file, got ${state.file.step}`);
  return describeUploadForm(state.file.preview, state.settings);
}

function runningJob(state: UploadState) {
  if (state.upload.step !== 'uploading') throw new Error('expected an upload to run');
  return state.upload;
}

describe('the upload machine: preparing a file', () => {
  it('previews a chosen file, names the sample after it and forgets the last outcome', () => {
    const file = csv('ratings.v2.csv', LONG_CSV);
    const before = { ...initialUploadState, error: 'old.csv: Upload failed (500).', notice: 'cancelled' };
    const choosing = run([{ type: 'choose', file }], before);
    expect(choosing.file).toEqual({ step: 'previewing', file });
    expect(choosing.settings.name).toBe('ratings.v2');
    expect(choosing.error).toBeNull();
    expect(choosing.notice).toBeNull();

    const ready = previewed(file, LONG_CSV, before);
    expect(ready.file.step).toBe('ready');
    expect(ready.settings.columns).toEqual({ item: 'item', annotator: 'annotator', label: 'label' });
    expect(ready.settings.layout).toBe('long');
    expect(readyForm(ready)).toMatchObject({ delimited: true, mapsColumns: true, mappingComplete: true });
  });

  it('drops the preview of a file picked before the current one', () => {
    const first = csv('first.csv', LONG_CSV);
    const second = csv('second.csv', WIDE_CSV);
    const state = run([
      { type: 'choose', file: first },
      { type: 'choose', file: second },
      { type: 'previewed', file: first, result: previewSample(LONG_CSV) },
    ]);
    expect(state.file).toEqual({ step: 'previewing', file: second });
  });

  it('says why a file cannot be read, and offers no form for it', () => {
    const file = csv('empty.csv', '');
    const state = previewed(file, '');
    expect(state.file).toEqual({ step: 'unreadable', file, message: 'The file is empty.' });
  });

  it('asks for columns it did not recognise, and refuses the same column twice', () => {
    const state = previewed(csv('odd.csv', ODD_HEADERS), ODD_HEADERS);
    expect(readyForm(state)).toMatchObject({ needsMapping: true, mappingComplete: false });

    const same = run(
      [
        { type: 'column', role: 'item', column: 'passage' },
        { type: 'column', role: 'annotator', column: 'coder' },
        { type: 'column', role: 'label', column: 'coder' },
      ],
      state,
    );
    expect(readyForm(same)).toMatchObject({
      needsMapping: false,
      mappingError: 'Columns: the item, annotator and label must be three different columns.',
      mappingComplete: false,
    });
    const mapped = run([{ type: 'column', role: 'label', column: 'tag' }], same);
    expect(readyForm(mapped)).toMatchObject({ mappingError: undefined, mappingComplete: true });
  });

  it('reads a wide table by its item column and notes the missing labels of its preview', () => {
    const state = previewed(csv('wide.csv', WIDE_CSV), WIDE_CSV);
    expect(state.settings.layout).toBe('wide');
    const form = readyForm(state);
    expect(form.mapsColumns).toBe(false);
    expect(form.annotatorColumns).toEqual(['ann', 'bob']);
    expect(form.previewMissing).toContain('NA');
  });

  it('lets a table declare a framing that reads its own columns, and JSON Lines only one label per item', () => {
    const table = previewed(csv('sets.csv', LONG_CSV), LONG_CSV);
    const sets = run([{ type: 'edit', settings: { framing: 'multilabel' } }], table);
    expect(readyForm(sets)).toMatchObject({ ownColumns: true, mapsColumns: false, mappingComplete: true });
    expect(readyForm(sets).ownColumnsHint).toContain('joins its labels with |');

    const jsonl = '{"item":"1","annotator":"ann","label":"a"}\n{"item":"1","annotator":"bob","label":"b"}\n';
    const lines = previewed(new File([jsonl], 'labels.jsonl'), jsonl);
    expect(readyForm(lines).framingOptions.map((option) => option.value)).toEqual([
      'categorical',
      'continuous',
    ]);
  });
});

describe('the upload machine: a framing pre-selected from the columns', () => {
  const PAIRWISE_CSV = 'item_a,item_b,annotator,choice\nanswer-1,answer-2,ana,a\nanswer-1,answer-2,ben,tie\n';
  const SETS_CSV = 'item,annotator,labels\nh1,ana,Politics|Sports\nh1,ben,Sports\n';

  it('pre-selects pairwise from item_a, item_b, annotator and choice, says why, and lets the user change it', () => {
    const state = previewed(csv('answers.csv', PAIRWISE_CSV), PAIRWISE_CSV);
    expect(state.settings.framing).toBe('pairwise');
    expect(readyForm(state).framingSuggestion?.reason).toBe(
      'Columns "item_a", "item_b", "annotator" and "choice" read as pairwise preferences.',
    );
    const changed = run([{ type: 'edit', settings: { framing: 'categorical' } }], state);
    expect(changed.settings.framing).toBe('categorical');
    // The next file is read afresh: one label per item again.
    expect(previewed(csv('labels.csv', LONG_CSV), LONG_CSV, changed).settings.framing).toBe('categorical');
  });

  it('suggests sets of labels when label cells join several with |, and sends the framing', () => {
    const state = run([{ type: 'submit' }], previewed(csv('topics.csv', SETS_CSV), SETS_CSV));
    expect(runningJob(state).job.fields).toMatchObject({ framing: 'multilabel', columns: null });
  });
});

describe('the upload machine: sending files', () => {
  it('sends a ready file with the settings the user confirmed, then waits for the next file', () => {
    const file = csv('ratings.csv', LONG_CSV);
    const state = run(
      [{ type: 'edit', settings: { level: 'ordinal', order: 'a, b', name: 'Round 1' } }, { type: 'submit' }],
      previewed(file, LONG_CSV),
    );
    const { job, progress } = runningJob(state);
    expect(progress).toBeNull();
    expect(job.file).toBe(file);
    expect(job.fields).toEqual({
      name: 'Round 1',
      level: 'ordinal',
      order: ['a', 'b'],
      columns: { item: 'item', annotator: 'annotator', label: 'label' },
      format: 'long',
      framing: 'categorical',
      control: null,
    });
    expect(state.file.step).toBe('idle');
    expect(state.settings.name).toBe('');
    // The level and the order carry over to the next file.
    expect(state.settings).toMatchObject({ level: 'ordinal', order: 'a, b' });
    expect(state.submitted).toBe(1);
  });

  it('refuses an order of one label, and a name over its limit, sending nothing', () => {
    const ready = previewed(csv('ratings.csv', LONG_CSV), LONG_CSV);
    const oneLabel = run(
      [{ type: 'edit', settings: { level: 'ordinal', order: 'good' } }, { type: 'submit' }],
      ready,
    );
    expect(oneLabel.settings.orderError).toMatch(/at least two labels/);
    expect(oneLabel.upload.step).toBe('idle');
    expect(oneLabel.file.step).toBe('ready');

    const longName = run([{ type: 'edit', settings: { name: 'x'.repeat(500) } }, { type: 'submit' }], ready);
    expect(longName).toEqual(run([{ type: 'edit', settings: { name: 'x'.repeat(500) } }], ready));
  });

  it('sends a table whose framing reads its own columns without a mapping or a layout', () => {
    const state = run(
      [{ type: 'edit', settings: { framing: 'pairwise' } }, { type: 'submit' }],
      previewed(csv('pairs.csv', LONG_CSV), LONG_CSV),
    );
    expect(runningJob(state).job.fields).toMatchObject({
      columns: null,
      format: 'auto',
      framing: 'pairwise',
    });
  });

  it('queues files submitted while one uploads and sends them in turn', () => {
    const first = csv('first.csv', LONG_CSV);
    const second = csv('second.csv', LONG_CSV);
    let state = run([{ type: 'submit' }], previewed(first, LONG_CSV));
    state = run([{ type: 'submit' }], previewed(second, LONG_CSV, state));
    expect(runningJob(state).job.file).toBe(first);
    expect(state.queue.map((job) => job.file)).toEqual([second]);

    state = run([{ type: 'progress', jobId: 1, progress: { phase: 'saving' } }], state);
    expect(runningJob(state).progress).toEqual({ phase: 'saving' });
    // A late message about another job changes nothing.
    expect(run([{ type: 'progress', jobId: 2, progress: { phase: 'saving' } }], state)).toBe(state);

    state = run([{ type: 'finished', jobId: 1, outcome: { kind: 'done', sampleId: 's1' } }], state);
    expect(runningJob(state)).toMatchObject({ job: { id: 2, file: second }, progress: null });
    expect(state.queue).toEqual([]);

    state = run([{ type: 'finished', jobId: 2, outcome: { kind: 'done', sampleId: 's2' } }], state);
    expect(state.upload).toEqual({ step: 'idle' });
  });

  it('keeps a failed upload as an error and a cancelled one as a notice', () => {
    let state = run([{ type: 'submit' }], previewed(csv('a.csv', LONG_CSV), LONG_CSV));
    state = run(
      [{ type: 'finished', jobId: 1, outcome: { kind: 'error', message: 'a.csv: Upload failed.' } }],
      state,
    );
    expect(state).toMatchObject({ upload: { step: 'idle' }, error: 'a.csv: Upload failed.', notice: null });

    state = run([{ type: 'submit' }], previewed(csv('b.csv', LONG_CSV), LONG_CSV, state));
    state = run(
      [{ type: 'finished', jobId: 2, outcome: { kind: 'cancelled', message: 'b.csv: upload cancelled.' } }],
      state,
    );
    expect(state).toMatchObject({ upload: { step: 'idle' }, notice: 'b.csv: upload cancelled.' });
  });
});
