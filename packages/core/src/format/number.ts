/**
 * Numbers as people read them, the one place every tab, chart and report formats a number. `String(n)`
 * and `n.toFixed(d)` print exponent notation from 1e21 up (`1e+23 currency per label`), which no reader
 * should meet: below `COMPACT_FROM` a number is written out with thousands separators; from it on, in
 * words ("1.5 trillion", "100,000,000,000 trillion"), which is as exact as anyone plans with.
 */

/** From here on a number is written compactly ("1.5 trillion"): 13 digits and more are unreadable. */
export const COMPACT_FROM = 1e12;

const plainFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(minDecimals: number, maxDecimals: number, compact: boolean): Intl.NumberFormat {
  const key = `${minDecimals}:${maxDecimals}:${compact}`;
  let format = plainFormats.get(key);
  if (format === undefined) {
    format = new Intl.NumberFormat(
      'en-US',
      compact
        ? { notation: 'compact', compactDisplay: 'long', maximumFractionDigits: 1 }
        : { minimumFractionDigits: minDecimals, maximumFractionDigits: maxDecimals },
    );
    plainFormats.set(key, format);
  }
  return format;
}

function format(value: number, minDecimals: number, maxDecimals: number): string {
  if (Number.isNaN(value)) return '—';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  // `+ 0` turns −0 into 0: "-0" reads as a sign error.
  const n = value + 0;
  const compact = Math.abs(n) >= COMPACT_FROM;
  const text = numberFormat(minDecimals, maxDecimals, compact).format(n);
  // Rounding can leave a negative zero ("-0.000" for −0.0001): show it as zero.
  return /^-[0.,]*$/.test(text) ? text.slice(1) : text;
}

/**
 * A number with thousands separators and at most 3 decimals, trailing zeros dropped:
 * `formatNumber(0.95)` → `0.95`, `formatNumber(248000)` → `248,000`, `formatNumber(1e23)` →
 * `100,000,000,000 trillion`. Never exponent notation; NaN is an em dash.
 */
export function formatNumber(value: number): string {
  // One parameter only: callers pass it to `map`, whose index must not become a precision.
  return format(value, 0, 3);
}

/** Money in whole units with thousands separators (`248,000`); very large sums in words. */
export function formatMoney(amount: number): string {
  return format(amount, 0, 0);
}

const percentFormat = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 });

/**
 * A share in [0, 1] as a percentage with at most one decimal (`0.12` → `12%`, `0.1234` → `12.3%`); a
 * share above zero that would round to 0% reads `under 0.1%`, so a warning never says "0% of …".
 */
export function formatPercent(share: number): string {
  if (share > 0 && share < 0.0005) return 'under 0.1%';
  return percentFormat.format(share + 0);
}

/**
 * Decimals that fit a metric whose range is [0, maxQuality]: about three significant digits of the
 * range, so 3 on [0, 1] (0.850), 2 on [0, 10], 1 on [0, 100] (85.0), none on [0, 1000] and above.
 */
export function qualityDecimals(maxQuality: number): number {
  if (!(maxQuality > 0) || !Number.isFinite(maxQuality)) return 3;
  return Math.min(6, Math.max(0, 3 - Math.ceil(Math.log10(maxQuality) - 1e-9)));
}

/**
 * A quality on the metric's scale with the decimals that scale calls for (`qualityDecimals`), the same
 * in the Tradeoff tab, its chart and the report: `formatQuality(0.85, 1)` → `0.850`,
 * `formatQuality(85, 100)` → `85.0`. Null, undefined or NaN is an em dash.
 */
export function formatQuality(value: number | null | undefined, maxQuality: number): string {
  if (value === null || value === undefined) return '—';
  const decimals = qualityDecimals(maxQuality);
  return format(value, decimals, decimals);
}

/**
 * A number as it goes back into an input for editing: every digit, no separators, never exponent
 * notation (`String(1e23)` is `1e+23`, `String(1e-7)` is `1e-7`). The text parses back with `Number` to
 * the very same value, since it carries the shortest digits that identify it.
 */
export function formatEditableNumber(value: number): string {
  const text = String(value);
  const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!match) return text;
  const [, sign = '', whole = '', fraction = '', exponent = '0'] = match;
  const digits = whole + fraction;
  // Where the decimal point falls in `digits` once the exponent is applied.
  const point = 1 + Number(exponent);
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}
