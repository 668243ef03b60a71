import { useMemo, useState } from 'react';
import { cellText, isNested, tableOf, type TableModel } from './table-model';
import { offsetsOf, visibleRange } from './windowing';

const ROW_H = 26;
const HEAD_H = 27;
/** Nested tables show this many rows before they scroll: their height is known before they render. */
const NESTED_ROWS = 8;
const DETAIL_PAD = 8;

/** Height of a table of `rows` rows showing at most `max` of them (header and borders included). */
const tableHeight = (rows: number, max: number) => HEAD_H + Math.max(1, Math.min(rows, max)) * ROW_H + 2;
const detailHeight = (value: unknown) => tableHeight(tableOf(value).rows.length, NESTED_ROWS) + DETAIL_PAD;

/** The open cells of a row, in column order: each adds a nested table below the row. */
function openColumns(model: TableModel, open: ReadonlySet<string>, row: number): number[] {
  return model.columns.map((_, c) => c).filter((c) => open.has(`${row}:${c}`));
}

interface Props {
  readonly data: unknown;
  readonly label: string;
  /** Rows shown before the table scrolls. */
  readonly maxRows?: number;
}

/** A virtualised table of JSON data: only the rows in view are in the DOM, so thousands stay fast.
 * Every row has a fixed height plus the known heights of its expanded cells, which makes windowing exact. */
export function DataTable({ data, label, maxRows = 14 }: Props) {
  const model = useMemo(() => tableOf(data), [data]);
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set());
  const [scrollTop, setScrollTop] = useState(0);
  const heights = useMemo(
    () => model.rows.map((r, i) => ROW_H + openColumns(model, open, i).reduce((sum, c) => sum + detailHeight(r[c]), 0)),
    [model, open],
  );
  const offsets = useMemo(() => offsetsOf(heights), [heights]);
  const total = offsets[offsets.length - 1];
  const viewport = Math.min(total, maxRows * ROW_H);
  const [start, end] = visibleRange(offsets, Math.max(0, scrollTop - HEAD_H), viewport);
  // Widths count characters; the cell's horizontal padding comes on top.
  const template = model.widths.map((w) => `calc(${w}ch + 16px)`).join(' ');
  const toggle = (key: string) => setOpen((o) => {
    const next = new Set(o);
    if (!next.delete(key)) next.add(key);
    return next;
  });
  const rows = [];
  for (let i = start; i < end; i++)
    rows.push(<Row key={i} model={model} index={i} top={offsets[i]} height={heights[i]} template={template} open={open} onToggle={toggle} />);
  return (
    <div className="tc-table" data-testid="data-table">
      {/* The scrolling element is the table itself: focusable so the arrow keys, Page Up/Down, Home and End scroll it. */}
      <div className="tc-table-scroll" role="table" aria-label={label} aria-rowcount={model.rows.length + 1} aria-colcount={model.columns.length + 1}
        tabIndex={0} style={{ height: viewport + HEAD_H + 2 }} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}>
        <div role="rowgroup" className="tc-table-head">
          <div role="row" aria-rowindex={1} className="tc-table-row" style={{ gridTemplateColumns: template, height: HEAD_H }}>
            <span role="columnheader" className="tc-table-label">{model.labelHeader}</span>
            {model.columns.map((c) => <span key={c} role="columnheader" title={c}>{c}</span>)}
          </div>
        </div>
        <div role="rowgroup" className="tc-table-body" style={{ height: Math.max(total, ROW_H) }}>
          {model.rows.length === 0 && <div role="row" className="tc-table-row"><span role="cell" className="muted">No rows</span></div>}
          {rows}
        </div>
      </div>
    </div>
  );
}

interface RowProps {
  readonly model: TableModel;
  readonly index: number;
  readonly top: number;
  readonly height: number;
  readonly template: string;
  readonly open: ReadonlySet<string>;
  readonly onToggle: (key: string) => void;
}

function Row({ model, index, top, height, template, open, onToggle }: RowProps) {
  const values = model.rows[index];
  const name = model.labels[index];
  return (
    <div role="row" aria-rowindex={index + 2} className="tc-table-row" style={{ top, height, gridTemplateColumns: template, gridTemplateRows: `${ROW_H}px` }}
      data-testid="table-row">
      <span role="rowheader" className="tc-table-label" title={name}>{name}</span>
      {values.map((v, c) => <Cell key={c} value={v} column={model.columns[c]} rowName={name} expanded={open.has(`${index}:${c}`)} onToggle={() => onToggle(`${index}:${c}`)} />)}
      {openColumns(model, open, index).map((c) => (
        <div key={`d${c}`} role="cell" className="tc-table-detail" aria-colspan={model.columns.length + 1} style={{ height: detailHeight(values[c]) }}>
          <DataTable data={values[c]} label={`${model.columns[c]} of ${name || 'the value'}`} maxRows={NESTED_ROWS} />
        </div>
      ))}
    </div>
  );
}

interface CellProps {
  readonly value: unknown;
  readonly column: string;
  readonly rowName: string;
  readonly expanded: boolean;
  readonly onToggle: () => void;
}

function Cell({ value, column, rowName, expanded, onToggle }: CellProps) {
  const text = cellText(value);
  if (!isNested(value))
    return <span role="cell" className={value === undefined ? 'tc-cell-missing' : `tc-cell-${value === null ? 'null' : typeof value}`} title={value === undefined ? 'no such key' : text}>{text}</span>;
  return (
    <span role="cell">
      <button type="button" className="tc-expand" aria-expanded={expanded} onClick={onToggle}
        aria-label={`${expanded ? 'Collapse' : 'Expand'} ${column}${rowName ? ` of ${rowName}` : ''}: ${text}`}>
        <span aria-hidden="true">{expanded ? '▾' : '▸'}</span> {text}
      </button>
    </span>
  );
}
