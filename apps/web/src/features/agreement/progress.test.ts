import { describe, expect, it } from 'vitest';
import { describeUploadProgress } from './progress';

describe('describeUploadProgress', () => {
  it('names the stage and how far it is, as a whole percent', () => {
    expect(describeUploadProgress({ phase: 'uploading', loaded: 450, total: 1000 })).toEqual({
      stage: 'Uploading',
      detail: '45%',
      percent: 45,
    });
    expect(describeUploadProgress({ phase: 'reading', done: 2_999, total: 3_000 })).toMatchObject({
      stage: 'Reading the file',
      percent: 99,
    });
    expect(describeUploadProgress({ phase: 'coefficients', done: 2, total: 4 })).toMatchObject({
      stage: 'Computing coefficients',
      percent: 50,
    });
    expect(describeUploadProgress({ phase: 'bootstrap', done: 300, total: 1000 })).toEqual({
      stage: 'Confidence intervals',
      detail: '300/1,000 resamples',
      percent: 30,
    });
    expect(describeUploadProgress({ phase: 'saving' }).percent).toBe(100);
  });

  it('has no percent for a body of unknown length, and never leaves 0–100', () => {
    expect(describeUploadProgress({ phase: 'reading', done: 12_345_678, total: null })).toEqual({
      stage: 'Reading the file',
      detail: '12.3 MB read',
      percent: null,
    });
    expect(describeUploadProgress({ phase: 'reading', done: 5, total: 0 }).percent).toBe(0);
    expect(describeUploadProgress({ phase: 'reading', done: 1200, total: 1000 }).percent).toBe(100);
  });

  it('starts scoring at 0% with the number of annotations parsed', () => {
    expect(describeUploadProgress({ phase: 'scoring', annotations: 12_000 })).toEqual({
      stage: 'Computing coefficients',
      detail: '12,000 annotations',
      percent: 0,
    });
    expect(describeUploadProgress(null)).toMatchObject({ stage: 'Starting', percent: 0 });
  });
});
