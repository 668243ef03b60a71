import { useEffect, useLayoutEffect, useRef } from 'react';
import { escapeToken, parsePointer } from '../../../../shared/connector/json-pointer';
import { metrics } from '../../store/connector/metrics';
import { useConnectorStore } from '../../store/connector/store';

/** The element showing `pointer`, or the closest ancestor the form shows (a key it has no control for). */
function closest(root: HTMLElement, pointer: string): HTMLElement | null {
  const tokens = parsePointer(pointer);
  for (let n = tokens.length; n >= 0; n--) {
    const p = tokens.slice(0, n).map((t) => `/${escapeToken(t)}`).join('');
    const el = root.querySelector<HTMLElement>(`[data-pointer="${CSS.escape(p)}"]`);
    if (el) return el;
  }
  return null;
}

/** A selection (from Problems, or a new item) scrolls its control into view, flashes it and focuses it. */
export function useSelectionReveal(root: React.RefObject<HTMLElement | null>) {
  const seq = useConnectorStore((s) => s.selectSeq);
  useEffect(() => {
    const pointer = useConnectorStore.getState().selected;
    if (!seq || pointer === null) return;
    // Rows opened by the selection render first.
    const frame = requestAnimationFrame(() => {
      const el = root.current && closest(root.current, pointer);
      if (!el) return;
      el.scrollIntoView({ block: 'center' });
      el.classList.remove('flash');
      void el.offsetWidth;
      el.classList.add('flash');
      const control = el.matches('input, select, textarea') ? el : el.querySelector<HTMLElement>('.item-toggle, input, select, textarea');
      control?.focus({ preventScroll: true });
    });
    return () => cancelAnimationFrame(frame);
  }, [seq, root]);
}

/** data-form-render-ms: from the form's first render to the first frame painted with the document in it. */
export function useRenderMetric(root: React.RefObject<HTMLElement | null>, ready: boolean) {
  const started = useRef(performance.now());
  const done = useRef(false);
  useLayoutEffect(() => {
    if (!ready || done.current) return;
    done.current = true;
    const el = root.current;
    requestAnimationFrame(() => setTimeout(() => el && (el.dataset.formRenderMs = (performance.now() - started.current).toFixed(1)), 0));
  }, [ready, root]);
  useEffect(() => {
    metrics.setRoot(root.current);
    return () => metrics.setRoot(null);
  }, [root]);
}
