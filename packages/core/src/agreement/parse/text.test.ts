import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sameBytes } from './text';

describe('sameBytes', () => {
  it('equals a byte-by-byte comparison for any lengths and offsets', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 0, maxLength: 24 }),
        fc.nat(24),
        fc.nat(30),
        fc.option(fc.tuple(fc.nat(23), fc.integer({ min: 1, max: 255 }))),
        (bytes, padding, offset, change) => {
          // The same bytes twice in one buffer, maybe one changed; the buffer is a view at an odd byte offset.
          const buf = new Uint8Array(offset + 2 * bytes.length + padding + 3).subarray(3);
          buf.set(bytes, offset);
          buf.set(bytes, offset + bytes.length + padding);
          if (change !== null && bytes.length > 0) {
            const at = offset + bytes.length + padding + (change[0] % bytes.length);
            buf[at] = ((buf[at] ?? 0) + change[1]) % 256;
          }
          const a = offset;
          const b = offset + bytes.length + padding;
          let expected = true;
          for (let k = 0; k < bytes.length; k++) if (buf[a + k] !== buf[b + k]) expected = false;
          const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
          expect(sameBytes(view, buf, a, b, bytes.length)).toBe(expected);
          expect(expected).toBe(change === null || bytes.length === 0);
        },
      ),
      { seed: 42, numRuns: 500 },
    );
  });
});
