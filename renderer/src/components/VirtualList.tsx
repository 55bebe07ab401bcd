import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

type VirtualListProps<T> = {
  rows: readonly T[];
  rowHeight: number;
  height: number;
  render: (row: T, index: number) => ReactNode;
  testId?: string;
  /**
   * A roving list, as a listbox: with a row's control focused, ↓/J and ↑/K move the focus to the
   * next/previous row (Home/End to the first/last), scrolling it into view; the row's own Enter
   * and Space stay the row's.
   */
  arrowKeys?: boolean;
};

const STEP: Record<string, number> = { ArrowDown: 1, j: 1, ArrowUp: -1, k: -1 };

/** Renders only the rows in view, so lists of 100k rows stay instant. */
export function VirtualList<T>({ rows, rowHeight, height, render, testId, arrowKeys }: VirtualListProps<T>) {
  const [top, setTop] = useState(0);
  const box = useRef<HTMLDivElement>(null);
  // The row to focus once it is rendered (it may be out of view until the scroll re-renders).
  const [focusRow, setFocusRow] = useState<{ index: number } | null>(null);
  useEffect(() => {
    if (!focusRow) return;
    const el = box.current?.querySelector<HTMLElement>(
      `[data-vindex="${String(focusRow.index)}"] button, [data-vindex="${String(focusRow.index)}"] [tabindex]`,
    );
    if (el) {
      el.focus();
      setFocusRow(null);
    }
  }, [focusRow, top]);
  const first = Math.max(0, Math.floor(top / rowHeight) - 5);
  const last = Math.min(rows.length, Math.ceil((top + height) / rowHeight) + 5);
  const visible = [];
  for (let i = first; i < last; i++)
    visible.push(
      <div key={i} className="vrow" style={{ top: i * rowHeight, height: rowHeight }} data-vindex={i}>
        {render(rows[i], i)}
      </div>,
    );
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || rows.length === 0) return;
    const row = e.target instanceof Element ? e.target.closest('[data-vindex]') : null;
    if (!row) return;
    const at = Number(row.getAttribute('data-vindex'));
    const to = e.key === 'Home' ? 0 : e.key === 'End' ? rows.length - 1 : at + (STEP[e.key] ?? NaN);
    if (Number.isNaN(to)) return;
    e.preventDefault();
    e.stopPropagation();
    const index = Math.max(0, Math.min(rows.length - 1, to));
    const el = box.current;
    if (el) {
      const view = el.clientHeight || height;
      if (index * rowHeight < el.scrollTop) el.scrollTop = index * rowHeight;
      else if ((index + 1) * rowHeight > el.scrollTop + view) el.scrollTop = (index + 1) * rowHeight - view;
      setTop(el.scrollTop);
    }
    setFocusRow({ index });
  };
  return (
    <div
      ref={box}
      className="vlist"
      style={{ height }}
      onScroll={(e) => setTop(e.currentTarget.scrollTop)}
      onKeyDown={arrowKeys ? onKeyDown : undefined}
      data-testid={testId}
    >
      <div className="vlist-inner" style={{ height: rows.length * rowHeight }}>
        {visible}
      </div>
    </div>
  );
}
