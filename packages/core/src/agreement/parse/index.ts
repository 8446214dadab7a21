export { isNumericLabel } from './builder';
export { columnRoleOf, normalizeColumnName } from './columns';
export { describeSampleIssue } from './describe';
export type { FramedControl } from './framed-builder';
export { type FramingSuggestion, suggestTableFraming } from './framed-csv';
export { countMissingSpellings, describeMissingSpellings } from './missing';
export { type FramedParse, type FramedParseOptions, parseFramedSample } from './parse-framed';
export { createSampleParser, parseSample } from './parser';
export { previewSample } from './preview';
export { createTailParser, type SampleContinuation, type SampleTail, type TailParser } from './tail';
export {
  COLUMN_ROLES,
  type ColumnMapping,
  type ColumnRole,
  type Delimiter,
  type DuplicatePolicy,
  type ParsedSample,
  type ParseOptions,
  SAMPLE_FORMATS,
  type SampleFormat,
  type SampleParser,
  type SamplePreview,
  type SampleSource,
} from './types';
