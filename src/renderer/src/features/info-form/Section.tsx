import { useEffect, useId, useState, type ReactNode } from 'react';
import { Icon } from '../../components/Icon';

/** A collapsible part of the form; it opens by itself when the selection points inside it. */
export function Section({ title, count, defaultOpen = true, openSignal = 0, testId, pointer, children }: {
  title: string; count?: number; defaultOpen?: boolean; testId: string; pointer?: string; children: () => ReactNode;
  /** A new non-zero value opens the section (a selection inside it). */
  openSignal?: number;
}) {
  const [open, setOpen] = useState(defaultOpen);
  const bodyId = useId();
  useEffect(() => {
    if (openSignal) setOpen(true);
  }, [openSignal]);
  const shown = open;
  return (
    <section className="ff-section" data-testid={testId} data-pointer={pointer}>
      <h2 className="ff-section-head">
        <button aria-expanded={shown} aria-controls={bodyId} onClick={() => setOpen(!shown)}>
          <Icon name={shown ? 'chevronDown' : 'chevronRight'} size={14} />
          {title}
          {count !== undefined && <span className="count-badge">{count}</span>}
        </button>
      </h2>
      {shown && <div id={bodyId} className="ff-section-body">{children()}</div>}
    </section>
  );
}
