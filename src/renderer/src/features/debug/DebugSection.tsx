import { useState } from 'react';
import { Icon } from '../../components/Icon';

const storage = typeof localStorage === 'undefined' ? null : localStorage;
const keyOf = (id: string) => `cs.debug.section.${id}`;

/** A folding part of the Run and Debug view (Variables, Watch, Call Stack, Breakpoints); its open state is a UI
 * preference kept across reloads. */
export function DebugSection({ id, title, actions, badge, children }: { id: string; title: string; actions?: React.ReactNode; badge?: React.ReactNode; children: React.ReactNode }) {
  const [open, setOpen] = useState(storage?.getItem(keyOf(id)) !== 'closed');
  const toggle = () => {
    storage?.setItem(keyOf(id), open ? 'closed' : 'open');
    setOpen(!open);
  };
  const bodyId = `debug-section-${id}`;
  return (
    <section className={`debug-section${open ? ' open' : ''}`} aria-label={title} data-testid={`debug-section-${id}`}>
      <div className="section-header debug-section-header">
        <button className="debug-section-toggle" aria-expanded={open} aria-controls={bodyId} onClick={toggle}>
          <Icon name={open ? 'chevronDown' : 'chevronRight'} size={14} />
          <span className="section-title">{title}</span>
          {badge}
        </button>
        {open && actions && <div className="section-actions">{actions}</div>}
      </div>
      {open && <div className="debug-section-body" id={bodyId}>{children}</div>}
    </section>
  );
}
