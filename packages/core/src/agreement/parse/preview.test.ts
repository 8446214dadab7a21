import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { previewSample } from './preview';

describe('previewSample: ragged rows', () => {
  it('names the first row whose field count differs from the header, before any upload', () => {
    const result = previewSample('item,annotator,label\na,x,1\n\nb,y\nc,z,1,extra\n');
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.ragged).toEqual({ line: 4, message: 'Line 4 has 2 fields, but the header has 3.' });
  });

  it('counts a quoted line break and says nothing when every row fits', () => {
    const quoted = previewSample('item,a1,a2\n"two\nlines",x,y\nb,x\n');
    if (!quoted.ok) throw new Error(quoted.error.message);
    expect(quoted.value.ragged?.line).toBe(4);
    const fine = previewSample('item,a1,a2\na,x,y\r\nb,x,x\r\n');
    if (!fine.ok) throw new Error(fine.error.message);
    expect(fine.value.ragged).toBeUndefined();
  });
});

describe('previewSample: the questions of a Label Studio export', () => {
  const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));

  it('lists every control by from_name with the framing its results imply, so the user picks one', () => {
    const result = previewSample(fixture('label-studio-ner-with-topic.json'));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.controls).toEqual([
      { name: 'label', framing: 'spans' },
      { name: 'topic', framing: 'categorical' },
    ]);
  });

  it('lists the questions of a large export from the tasks that arrived whole', () => {
    const tasks = JSON.parse(fixture('label-studio-two-controls.json').toString('utf8')) as unknown[];
    const big = JSON.stringify(
      Array.from({ length: 4000 }, (_, i) => ({ ...(tasks[i % tasks.length] as object), id: i })),
    );
    expect(big.length).toBeGreaterThan(1024 * 1024);
    const result = previewSample(new TextEncoder().encode(big));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.controls?.map((c) => c.name)).toEqual(['relevance', 'sentiment']);
  });
});
