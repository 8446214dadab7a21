import * as RadixTabs from '@radix-ui/react-tabs';
import { type ReactNode, useEffect, useRef } from 'react';

export interface TabItem<T extends string> {
  value: T;
  label: string;
}

export interface TabsProps<T extends string> {
  label: string;
  value: T;
  items: ReadonlyArray<TabItem<T>>;
  onValueChange: (value: T) => void;
  /** The selected tab's panel; only it is rendered, so unselected tabs load no code. */
  children: ReactNode;
}

/** Controlled tabs: the parent owns the selection (for the project shell, the URL does). */
export function Tabs<T extends string>({ label, value, items, onValueChange, children }: TabsProps<T>) {
  const listRef = useRef<HTMLDivElement>(null);
  // On a phone the tab strip scrolls sideways (app.css): bring the selected tab into view, without
  // scrolling the page itself (scrollIntoView would).
  useEffect(() => {
    const list = listRef.current;
    const selected = list?.querySelector<HTMLElement>(`[data-value="${CSS.escape(value)}"]`);
    if (!list || !selected) return;
    const tab = selected.getBoundingClientRect();
    const strip = list.getBoundingClientRect();
    if (tab.left < strip.left || tab.right > strip.right) {
      list.scrollLeft += tab.left - strip.left - (strip.width - tab.width) / 2;
    }
  }, [value]);
  return (
    <RadixTabs.Root
      className="tabs"
      value={value}
      onValueChange={(next) => {
        const item = items.find((candidate) => candidate.value === next);
        if (item) onValueChange(item.value);
      }}
    >
      <RadixTabs.List ref={listRef} className="tabs__list" aria-label={label}>
        {items.map((item) => (
          <RadixTabs.Trigger
            key={item.value}
            value={item.value}
            data-value={item.value}
            className="tabs__trigger"
          >
            {item.label}
          </RadixTabs.Trigger>
        ))}
      </RadixTabs.List>
      <RadixTabs.Content value={value} className="tabs__panel">
        {children}
      </RadixTabs.Content>
    </RadixTabs.Root>
  );
}
