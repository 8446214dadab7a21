/** The papaparse adapter: quoted CSV, which the byte-level fast path hands over, parsed by a well-kept library. */
import Papa from 'papaparse';
import type { SampleIssue } from '../types';
import { countNewlines } from './text';
import type { Delimiter } from './types';

/** The cells of one line holding quotes (a header), split by papaparse. */
export function splitQuotedLine(text: string, delimiter: Delimiter): string[] {
  return (Papa.parse<string[]>(text, { delimiter }).data[0] ?? []) as string[];
}

interface PapaChunkResult {
  readonly data: string[][];
  readonly errors: readonly { readonly code: string; readonly message: string; readonly row?: number }[];
  readonly meta: { readonly cursor: number };
}

/** Streams text through papaparse's low-level parser, keeping the unfinished last row for the next chunk. */
export class PapaRows {
  private readonly decoder = new TextDecoder();
  private readonly parser: Papa.Parser;
  private rest = '';

  constructor(
    dialect: { readonly delimiter: Delimiter; readonly newline: '\n' | '\r' },
    private line: number,
    private readonly onRow: (cells: readonly string[], line: number) => SampleIssue | null,
  ) {
    this.parser = new Papa.Parser({ delimiter: dialect.delimiter, newline: dialect.newline });
  }

  push(chunk: Uint8Array): SampleIssue | null {
    return this.run(this.rest + this.decoder.decode(chunk, { stream: true }), true);
  }

  finish(): SampleIssue | null {
    return this.run(this.rest + this.decoder.decode(), false);
  }

  private run(text: string, more: boolean): SampleIssue | null {
    const result = this.parser.parse(text, 0, more) as PapaChunkResult;
    const firstError = result.errors[0];
    const errorRow = firstError === undefined ? -1 : (firstError.row ?? 0);
    const rows = result.data;
    for (let r = 0; r < rows.length; r++) {
      const cells = rows[r] ?? [];
      if (r === errorRow && firstError !== undefined) {
        return {
          code: 'invalid_record',
          message: `Line ${this.line}: malformed quoting (${firstError.message}).`,
          line: this.line,
          // An unterminated quote runs to the end of the input, so it opened the row's last field.
          ...(firstError.code === 'MissingQuotes' ? { column: cells.length } : {}),
        };
      }
      const issue = this.onRow(cells, this.line);
      if (issue !== null) return issue;
      this.line += 1 + countNewlines(cells);
    }
    if (errorRow >= rows.length && firstError !== undefined) {
      return {
        code: 'invalid_record',
        message: `Line ${this.line}: malformed quoting (${firstError.message}).`,
        line: this.line,
      };
    }
    this.rest = more ? text.slice(result.meta.cursor) : '';
    return null;
  }
}
