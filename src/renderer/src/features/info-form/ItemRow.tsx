import type { ReactNode } from 'react';
import { Icon } from '../../components/Icon';
import type { JSONPath } from '../../store/connector/document';
import { useConnectorStore } from '../../store/connector/store';
import { useReorder } from './useReorder';

interface ItemRowProps {
  readonly kind: 'operation' | 'field';
  readonly listPath: JSONPath;
  readonly index: number;
  readonly count: number;
  readonly pointer: string;
  readonly title: string;
  readonly name: string;
  readonly badges?: ReactNode;
  readonly expanded: boolean;
  onDuplicate(): void;
  onDelete(): void;
  /** The details, rendered only while expanded (a large connector has hundreds of fields). */
  readonly children: () => ReactNode;
}

/** One operation or field: a header to open, drag, move (Alt+Up/Down), duplicate or delete it; details below. */
export function ItemRow({ kind, listPath, index, count, pointer, title, name, badges, expanded, onDuplicate, onDelete, children }: ItemRowProps) {
  const { headProps, rowProps, dropHint, moveUp, moveDown } = useReorder(listPath, index);
  const toggle = () => useConnectorStore.getState().toggle(pointer);
  const label = title || name || `Untitled ${kind}`;
  const what = `${kind} ${label}`;
  return (
    <li className={`item-row ${kind}${expanded ? ' open' : ''}${dropHint ? ` drop-${dropHint}` : ''}`} data-item={pointer} data-pointer={pointer}
      data-testid={`${kind === 'operation' ? 'op' : 'field'}-row`} data-name={name} {...rowProps}>
      <div className="item-head" {...headProps}>
        <span className="item-grip" aria-hidden="true" title="Drag to reorder">⋮⋮</span>
        <button className="item-toggle" aria-expanded={expanded} onClick={toggle} data-testid="item-toggle"
          title={`${label}${name && name !== label ? ` (${name})` : ''}: ${expanded ? 'collapse' : 'expand'}; Alt+Up/Down moves it`}>
          <Icon name={expanded ? 'chevronDown' : 'chevronRight'} size={14} />
          <span className="item-title" title={label}>{label}</span>
          {name && name !== label && <span className="item-name mono" title={name}>{name}</span>}
        </button>
        <span className="item-badges">{badges}</span>
        <span className="item-actions">
          <button className="icon-button" onClick={moveUp} disabled={index === 0} aria-label={`Move ${what} up`} data-testid="item-up"><Icon name="arrowUp" size={14} /></button>
          <button className="icon-button flip" onClick={moveDown} disabled={index === count - 1} aria-label={`Move ${what} down`} data-testid="item-down"><Icon name="arrowUp" size={14} /></button>
          <button className="icon-button" onClick={onDuplicate} aria-label={`Duplicate ${what}`} title="Duplicate" data-testid="item-duplicate"><Icon name="filePlus" size={14} /></button>
          <button className="icon-button danger-hover" onClick={onDelete} aria-label={`Delete ${what}`} title="Delete" data-testid="item-delete"><Icon name="trash" size={14} /></button>
        </span>
      </div>
      {expanded && <div className="item-body">{children()}</div>}
    </li>
  );
}
