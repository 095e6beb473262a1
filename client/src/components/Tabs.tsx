import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import styled from 'styled-components';
import { colors, spacing } from './core';

// WAI-ARIA tabs: arrow keys, Home and End move between tabs; only the selected tab is in the tab order.

const TabList = styled.div`
  display: flex;
  gap: ${spacing.md}px;
  border-bottom: 1px solid ${colors.gray90};
`;

const Tab = styled.button<{ $selected: boolean }>`
  all: unset;
  cursor: pointer;
  padding: ${spacing.sm}px 0;
  font-size: 14px;
  font-weight: 600;
  color: ${({ $selected }) => ($selected ? colors.gray15 : colors.gray45)};
  border-bottom: 3px solid ${({ $selected }) => ($selected ? colors.orange50 : 'transparent')};
  margin-bottom: -1px;
  &:focus-visible {
    outline: 2px solid ${colors.blue50};
    outline-offset: 2px;
  }
`;

export interface TabItem<K extends string> {
  key: K;
  label: string;
}

interface TabsProps<K extends string> {
  label: string;
  tabs: readonly TabItem<K>[];
  selected: K;
  onSelect: (key: K) => void;
  /** The selected tab's panel. */
  children: ReactNode;
}

function nextIndex(key: string, current: number, count: number): number | null {
  if (key === 'ArrowRight') return (current + 1) % count;
  if (key === 'ArrowLeft') return (current - 1 + count) % count;
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return null;
}

export function Tabs<K extends string>({ label, tabs, selected, onSelect, children }: TabsProps<K>) {
  const baseId = useId();
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const current = tabs.findIndex((tab) => tab.key === selected);
    const next = nextIndex(event.key, current, tabs.length);
    const tab = next === null ? undefined : tabs[next];
    if (next === null || tab === undefined) return;
    event.preventDefault();
    onSelect(tab.key);
    refs.current[next]?.focus();
  };
  return (
    <>
      <TabList role="tablist" aria-label={label} onKeyDown={onKeyDown}>
        {tabs.map((tab, index) => (
          <Tab
            key={tab.key}
            ref={(element) => {
              refs.current[index] = element;
            }}
            type="button"
            role="tab"
            id={`${baseId}-tab-${tab.key}`}
            aria-selected={tab.key === selected}
            aria-controls={`${baseId}-panel`}
            tabIndex={tab.key === selected ? 0 : -1}
            $selected={tab.key === selected}
            onClick={() => onSelect(tab.key)}
          >
            {tab.label}
          </Tab>
        ))}
      </TabList>
      <div
        role="tabpanel"
        id={`${baseId}-panel`}
        aria-labelledby={`${baseId}-tab-${selected}`}
        style={{ display: 'flex', flexDirection: 'column', flex: '1 1 auto', minHeight: 0 }}
      >
        {children}
      </div>
    </>
  );
}
