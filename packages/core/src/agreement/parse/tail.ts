/**
 * Reading a large delimited file on two threads: one parser reads from the start to a line break in the
 * middle, another reads from there to the end (`createTailParser`), and the first takes in the second's rows
 * (`SampleParser.absorbTail`). The sample is the one a single parser gives, ids in first-seen order and line
 * numbers included. A tail that cannot be trusted to start on a row (a quote in it) or that meets an issue
 * is refused, and the first parser reads those bytes itself, so issues are found and worded as before.
 */
import { SampleBuilder } from './builder';
import { DelimitedRows, type DelimitedTail, type SampleContinuation } from './delimited-rows';

export type { SampleContinuation } from './delimited-rows';

/** The rows of a file's tail, or why the first parser must read them itself. */
export type SampleTail =
  | ({ readonly ok: true } & DelimitedTail)
  | { readonly ok: false; readonly reason: 'quoted' | 'issue' };

export interface TailParser {
  /** Feeds the next bytes; false once the tail is refused (the rest need not be read). */
  push(chunk: Uint8Array): boolean;
  finish(): SampleTail;
}

/** A parser for the rows from a line break of a delimited file on, laid out as `continuation` says. */
export function createTailParser(continuation: SampleContinuation, sizeHint?: number): TailParser {
  const rows = new DelimitedRows(
    new SampleBuilder(),
    continuation.plan,
    continuation.header,
    { delimiter: continuation.delimiter, newline: '\n' },
    1,
    { papaparseOnly: false, ...(sizeHint === undefined ? {} : { sizeHint }) },
  );
  let refused: SampleTail | null = null;
  const refuse = (reason: 'quoted' | 'issue'): false => {
    refused = { ok: false, reason };
    return false;
  };
  return {
    push(chunk) {
      if (refused !== null) return false;
      if (rows.push(chunk) !== null) return refuse('issue');
      return rows.fastPath ? true : refuse('quoted');
    },
    finish() {
      if (refused !== null) return refused;
      if (rows.finish() !== null) return { ok: false, reason: 'issue' };
      const tail = rows.tail();
      return tail === null ? { ok: false, reason: 'quoted' } : { ok: true, ...tail };
    },
  };
}
