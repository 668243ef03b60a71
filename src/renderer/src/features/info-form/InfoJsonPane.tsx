import { useEffect, useRef } from 'react';
import { editorInstance } from '../../editor/editor-instance';
import { followDrag } from '../../hooks/follow-drag';
import { usePersistentNumber } from '../../hooks/usePersistentNumber';
import { useConnectorStore, type InfoLayout } from '../../store/connector/store';
import { useProjectsStore } from '../../store/projects/store';
import { useAppStore } from '../../store/app/store';
import { InfoForm } from './InfoForm';

const LAYOUTS: readonly { id: InfoLayout; label: string }[] = [
  { id: 'form', label: 'Form' },
  { id: 'split', label: 'Form + JSON' },
  { id: 'json', label: 'JSON' },
];

/** The layout for the active tab when it is the connector's info.json, else null (any other file). */
export function useInfoJsonLayout(relPath: string | null | undefined): InfoLayout | null {
  const layout = useConnectorStore((s) => s.layout);
  const projectId = useAppStore((s) => s.projectId);
  const connectorRel = useProjectsStore((s) => s.projects.find((p) => p.id === projectId)?.connectorRel);
  const infoRel = connectorRel === undefined ? null : connectorRel ? `${connectorRel}/info.json` : 'info.json';
  return relPath && relPath === infoRel ? layout : null;
}

/** Form, form beside the text, or text: above the editor of info.json. */
export function InfoJsonBar({ layout }: { layout: InfoLayout }) {
  return (
    <div className="info-json-bar">
      <div className="segmented" role="radiogroup" aria-label="Show info.json as">
        {LAYOUTS.map((l) => (
          <button key={l.id} role="radio" aria-checked={layout === l.id} className={layout === l.id ? 'active' : ''}
            onClick={() => useConnectorStore.getState().setLayout(l.id)} data-testid={`layout-${l.id}`}>
            {l.label}
          </button>
        ))}
      </div>
    </div>
  );
}

/** The form beside (or over) Monaco; in split the divider sets the form's width. */
export function InfoJsonPane({ relPath, layout }: { relPath: string; layout: InfoLayout }) {
  const pane = useRef<HTMLDivElement>(null);
  const [width, setWidth] = usePersistentNumber('cs.infoJson.formWidth', 500);

  useEffect(() => {
    const host = pane.current?.parentElement;
    host?.style.setProperty('--info-form-width', `${Math.round(width)}px`);
    return () => {
      host?.style.removeProperty('--info-form-width');
    };
  }, [width]);

  // Beside the form the text is narrow: wrap it rather than scroll it sideways out of sight.
  useEffect(() => {
    if (layout !== 'split') return;
    editorInstance.get()?.updateOptions({ wordWrap: 'on' });
    return () => editorInstance.get()?.updateOptions({ wordWrap: 'off' });
  }, [layout]);

  const onPointerDown = (e: React.PointerEvent<HTMLDivElement>) => {
    const start = width;
    const max = (pane.current?.parentElement?.clientWidth ?? 1200) - 240;
    followDrag(e, 'x', (dx) => setWidth(Math.min(max, Math.max(320, start - dx))));
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    const step = e.shiftKey ? 80 : 20;
    if (e.key === 'ArrowLeft') setWidth(width + step);
    else if (e.key === 'ArrowRight') setWidth(Math.max(320, width - step));
    else return;
    e.preventDefault();
  };

  return (
    <div ref={pane} className={`info-json-pane ${layout}`} data-testid="info-json-pane">
      {layout === 'split' && (
        <div className="split-handle" role="separator" aria-orientation="vertical" aria-label="Resize the form" tabIndex={0}
          aria-valuenow={Math.round(width)} aria-valuemin={320} onPointerDown={onPointerDown} onKeyDown={onKeyDown} />
      )}
      <InfoForm relPath={relPath} />
    </div>
  );
}
