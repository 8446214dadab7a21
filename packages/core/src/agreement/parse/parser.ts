/** The streaming sample parser and its whole-input form. */
import { err, ok, type Result } from '../../shared';
import type { SampleIssue } from '../types';
import { SampleBuilder } from './builder';
import { columnMappingOf } from './delimited-layout';
import { DelimitedRows, type RowsHandler, type SampleContinuation } from './delimited-rows';
import { detectFormat, withoutBom } from './detect';
import { JsonLinesRows, LabelStudioRows } from './json';
import type { SampleTail } from './tail';
import { concatBytes } from './text';
import type { ColumnMapping, ParsedSample, ParseOptions, SampleFormat, SampleParser } from './types';

/** Bytes gathered before deciding the format (a header line longer than this waits for its end). */
const SNIFF_BYTES = 64 * 1024;

class StreamingSampleParser implements SampleParser {
  bytesRead = 0;
  issue: SampleIssue | null = null;
  private head: Uint8Array = new Uint8Array(0);
  private handler: RowsHandler | null = null;
  private format: SampleFormat | null = null;
  private columns: ColumnMapping | undefined;
  private headerLine = 1;
  private finished = false;
  private readonly builder: SampleBuilder;

  constructor(private readonly options: ParseOptions) {
    this.builder = new SampleBuilder();
  }

  push(chunk: Uint8Array): void {
    if (this.issue !== null || this.finished) return;
    this.bytesRead += chunk.length;
    const max = this.options.maxBytes;
    if (max !== undefined && this.bytesRead > max) {
      this.issue = {
        code: 'file_too_large',
        message: `The input is larger than the limit of ${max} bytes.`,
      };
      this.head = new Uint8Array(0);
      return;
    }
    if (this.handler !== null) {
      this.issue = this.handler.push(chunk);
      return;
    }
    if (this.head.length === 0 && chunk.length >= SNIFF_BYTES && this.start(chunk, false)) return;
    this.head = concatBytes(this.head, chunk);
    if (this.head.length >= SNIFF_BYTES && this.start(this.head, false)) this.head = new Uint8Array(0);
  }

  finish(): Result<ParsedSample, SampleIssue> {
    if (!this.finished) {
      this.finished = true;
      if (this.issue === null && this.handler === null) this.start(this.head, true);
      this.head = new Uint8Array(0);
      if (this.issue === null && this.handler !== null) this.issue = this.handler.finish();
    }
    if (this.issue !== null) return err(this.issue);
    const handler = this.handler;
    if (handler === null || this.format === null)
      return err({ code: 'empty_file', message: 'The file is empty.' });
    if (handler.rows === 0) {
      return err(
        this.format === 'long' || this.format === 'wide'
          ? {
              code: 'header_only',
              message: `The file has a header (line ${this.headerLine}) but no data rows.`,
              line: this.headerLine,
            }
          : { code: 'empty_file', message: 'The file holds no records.' },
      );
    }
    const built = this.builder.build(this.options);
    if (!built.ok) return built;
    const columns =
      this.columns ??
      (handler instanceof JsonLinesRows || handler instanceof LabelStudioRows ? handler.columns : undefined);
    return ok({
      sample: built.value.sample,
      // A JSON array of flat records starts like a Label Studio export and is told apart only once read.
      format: handler instanceof LabelStudioRows ? handler.format : this.format,
      ...(columns === undefined ? {} : { columns }),
      duplicatesResolved: built.value.duplicatesResolved,
      missingSpellings: this.builder.missingSpellings(),
    });
  }

  get itemsInOrder(): boolean {
    return this.builder.items.ordered;
  }

  continuation(): SampleContinuation | null {
    const handler = this.handler;
    if (this.issue !== null || !(handler instanceof DelimitedRows) || !handler.fastPath) return null;
    return handler.continuation();
  }

  absorbTail(tail: SampleTail): boolean {
    const handler = this.handler;
    if (!tail.ok || this.issue !== null || this.finished) return false;
    if (!(handler instanceof DelimitedRows) || !handler.atRowBoundary) return false;
    handler.absorb(tail);
    return true;
  }

  /** Detects the format on the first bytes and hands them to the format's handler; false when undecided. */
  private start(bytes: Uint8Array, complete: boolean): boolean {
    const detection = detectFormat(bytes, complete, this.options);
    if (detection === null) return false;
    if (!detection.ok) {
      this.issue = detection.error;
      return true;
    }
    const found = detection.value;
    this.format = found.format;
    const body = withoutBom(bytes);
    if (found.format === 'long' || found.format === 'wide') {
      const { header, plan } = found;
      this.headerLine = header.line;
      this.columns = columnMappingOf(plan, header.header);
      const rows = new DelimitedRows(this.builder, plan, header.header, header, header.line + 1, {
        papaparseOnly: this.options.csvEngine === 'papaparse',
        ...(this.options.sizeHint === undefined ? {} : { sizeHint: this.options.sizeHint }),
      });
      this.handler = rows;
      this.issue = rows.push(body.subarray(header.end));
      return true;
    }
    this.handler =
      found.format === 'labelstudio'
        ? new LabelStudioRows(this.builder, this.options.columns)
        : new JsonLinesRows(this.builder, found.format, this.options.columns);
    this.issue = this.handler.push(body);
    return true;
  }
}

/**
 * A push parser for a labeled sample arriving in chunks (uploads, files read piecewise). Memory stays
 * proportional to the distinct ids and the annotation arrays, not to the text, except for Label Studio
 * exports, which are one JSON document and are parsed whole at the end.
 */
export function createSampleParser(options: ParseOptions = {}): SampleParser {
  return new StreamingSampleParser(options);
}

const encoder = new TextEncoder();

/**
 * Parses a whole labeled sample (CSV/TSV long or wide, JSON Lines, Prodigy, Label Studio) into an
 * `EncodedSample`, or returns the first issue found, with its line (and column) when it has one.
 */
export function parseSample(
  input: string | Uint8Array,
  options: ParseOptions = {},
): Result<ParsedSample, SampleIssue> {
  const bytes = typeof input === 'string' ? encoder.encode(input) : input;
  const parser = createSampleParser({ sizeHint: bytes.length, ...options });
  parser.push(bytes);
  return parser.finish();
}
