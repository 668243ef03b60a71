import { useEffect, useState, type RefObject } from 'react';

/** Scroll offset and height of a scrolling element, for rendering only the rows in view. */
export function useViewport(ref: RefObject<HTMLElement | null>) {
  const [view, setView] = useState({ top: 0, height: 600 });
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const update = () => setView({ top: el.scrollTop, height: el.clientHeight || 600 });
    const ro = new ResizeObserver(update);
    ro.observe(el);
    el.addEventListener('scroll', update, { passive: true });
    update();
    return () => {
      ro.disconnect();
      el.removeEventListener('scroll', update);
    };
  }, [ref]);
  return view;
}

const OVERSCAN = 8;

/** The index range to render; the selected row is always rendered so aria-activedescendant points at something. */
export function visibleRange(count: number, rowHeight: number, view: { top: number; height: number }) {
  const start = Math.max(0, Math.floor(view.top / rowHeight) - OVERSCAN);
  const end = Math.min(count, Math.ceil((view.top + view.height) / rowHeight) + OVERSCAN);
  return { start, end };
}
