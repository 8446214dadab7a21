import { describe, expect, it } from 'vitest';
import {
  formatEditableNumber,
  formatMoney,
  formatNumber,
  formatPercent,
  formatQuality,
  qualityDecimals,
} from './number';

const EXPONENT = /\d[eE][+-]?\d/;

describe('formatNumber', () => {
  it('writes numbers people read: separators, at most 3 decimals, no trailing zeros', () => {
    expect(formatNumber(0.95)).toBe('0.95');
    expect(formatNumber(12)).toBe('12');
    expect(formatNumber(248_000)).toBe('248,000');
    expect(formatNumber(0.1 + 0.2)).toBe('0.3');
    expect(formatNumber(-0)).toBe('0');
    expect(formatNumber(-0.0001)).toBe('0');
    expect(formatNumber(Number.NaN)).toBe('—');
  });

  it('never prints exponent notation, however large or small (String(1e23) is "1e+23")', () => {
    expect(formatNumber(1e23)).toBe('100,000,000,000 trillion');
    expect(formatNumber(1.5e12)).toBe('1.5 trillion');
    expect(formatNumber(999_999_999_999)).toBe('999,999,999,999');
    for (const value of [1e21, 1e23, -3e20, 1e308, Number.MAX_VALUE, 1e-7, 5e-324, 123456789.123456]) {
      expect(formatNumber(value)).not.toMatch(EXPONENT);
      expect(formatMoney(value)).not.toMatch(EXPONENT);
      expect(formatQuality(value, 100)).not.toMatch(EXPONENT);
      expect(formatQuality(value, 1)).not.toMatch(EXPONENT);
    }
  });
});

describe('formatMoney', () => {
  it('rounds to whole units with separators; huge sums in words', () => {
    expect(formatMoney(248_000.4)).toBe('248,000');
    expect(formatMoney(-1234.5)).toBe('-1,235');
    expect(formatMoney(1e23)).toBe('100,000,000,000 trillion');
  });
});

describe('formatQuality', () => {
  it('shows the precision the metric scale calls for', () => {
    expect(qualityDecimals(1)).toBe(3);
    expect(qualityDecimals(10)).toBe(2);
    expect(qualityDecimals(100)).toBe(1);
    expect(qualityDecimals(5)).toBe(2);
    expect(qualityDecimals(1000)).toBe(0);
    expect(formatQuality(0.85, 1)).toBe('0.850');
    expect(formatQuality(85, 100)).toBe('85.0');
    expect(formatQuality(85.04999, 100)).toBe('85.0');
    expect(formatQuality(7.5, 10)).toBe('7.50');
    expect(formatQuality(null, 100)).toBe('—');
  });
});

describe('formatPercent', () => {
  it('writes a share as a percentage, never a misleading 0%', () => {
    expect(formatPercent(0.12)).toBe('12%');
    expect(formatPercent(0.1234)).toBe('12.3%');
    expect(formatPercent(1)).toBe('100%');
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(0.0001)).toBe('under 0.1%');
  });
});

describe('formatEditableNumber', () => {
  it('writes every digit without exponent notation, and parses back to the same value', () => {
    expect(formatEditableNumber(1e23)).toBe('100000000000000000000000');
    expect(formatEditableNumber(1e-7)).toBe('0.0000001');
    expect(formatEditableNumber(-1.5e-9)).toBe('-0.0000000015');
    expect(formatEditableNumber(2.5e21)).toBe('2500000000000000000000');
    expect(formatEditableNumber(0.85)).toBe('0.85');
    expect(formatEditableNumber(248000)).toBe('248000');
    for (const value of [1e23, 1e-7, 1.2345678901234568e-15, 5e-324, Number.MAX_VALUE, -3.3e25, 0.1 + 0.2]) {
      expect(formatEditableNumber(value)).not.toMatch(EXPONENT);
      expect(Number(formatEditableNumber(value))).toBe(value);
    }
  });
});
