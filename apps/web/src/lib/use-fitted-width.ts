import { useCallback, useRef, useState } from 'react';

/**
 * A chart's width: `max`, or its box's width when that is narrower (a phone), followed as the box changes.
 * Charts drawn at a fixed width rather than in recharts' ResponsiveContainer keep their size on paper (a
 * report printed from a desktop prints its 640 px charts, not 1,200 px ones scaled down); this keeps that
 * while letting a phone draw them at its own width, axes and legend laid out for it, instead of cutting
 * them off at its edge. Pass the returned ref to the box.
 */
export function useFittedWidth(max: number): [(box: HTMLElement | null) => void, number] {
  const [width, setWidth] = useState(max);
  const observer = useRef<ResizeObserver | null>(null);
  const ref = useCallback(
    (box: HTMLElement | null) => {
      observer.current?.disconnect();
      observer.current = null;
      if (box === null || typeof ResizeObserver === 'undefined') return;
      const measure = () => {
        const available = Math.floor(box.clientWidth);
        // A box not laid out yet (0 wide) keeps the full width rather than a chart of nothing.
        setWidth(available > 0 ? Math.min(max, available) : max);
      };
      measure();
      observer.current = new ResizeObserver(measure);
      observer.current.observe(box);
    },
    [max],
  );
  return [ref, width];
}
