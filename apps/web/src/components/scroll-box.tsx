import { type ReactNode, useEffect, useRef, useState } from 'react';

export interface ScrollBoxProps {
  /** Names the box for screen readers and keyboard users once it scrolls ("Samples", "Coefficients"). */
  label: string;
  /** `table-scroll` (app.css) by default; a chart brings its own box style. */
  className?: string;
  children: ReactNode;
}

/**
 * A table or chart wider than its column scrolls sideways in this box, so the page never does (app.css
 * `.table-scroll`). While it actually scrolls it is a focusable, named region, so a keyboard user can
 * scroll it too (WCAG 2.1.1; axe `scrollable-region-focusable`); otherwise it adds no tab stop.
 */
export function ScrollBox({ label, className = 'table-scroll', children }: ScrollBoxProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);
  useEffect(() => {
    const box = ref.current;
    if (!box) return;
    const measure = () => setScrolls(box.scrollWidth > box.clientWidth + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    const table = box.firstElementChild;
    if (table) observer.observe(table);
    return () => observer.disconnect();
  }, []);
  return (
    <div
      ref={ref}
      className={className}
      {...(scrolls ? { tabIndex: 0, role: 'region', 'aria-label': label } : {})}
    >
      {children}
    </div>
  );
}
