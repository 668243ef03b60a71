import { useState } from 'react';
import { createPortal } from 'react-dom';
import type * as Monaco from 'monaco-editor';
import { Icon } from '../../components/Icon';
import { useDebugStore } from '../../store/debug/store';
import { useZoneWidget } from './useZoneWidget';

/** The exception a session paused on, under its line as VS Code shows it: its type and (masked) message. Closed
 * with its button or Escape, until the next stop. */
export function ExceptionWidget({ editor, path }: { editor: Monaco.editor.IStandaloneCodeEditor; path: string | null }) {
  const stop = useDebugStore((s) => (s.session?.state === 'paused' && s.stopped?.reason === 'exception' ? s.stopped : null));
  const stopId = useDebugStore((s) => s.stopId);
  const [closed, setClosed] = useState(-1);
  const here = stop?.frame && stop.frame.path === path && closed !== stopId ? stop.frame : null;
  const node = useZoneWidget(editor, 'cs-exception-widget', path, here?.line, 56);
  if (!node || !stop) return null;
  const close = () => setClosed(stopId);
  return createPortal(
    <div className="cs-exception" role="alert" onKeyDown={(e) => e.key === 'Escape' && close()} data-testid="exception-widget">
      <div className="cs-exception-head">
        <span>Exception has occurred: <strong>{stop.text || 'Exception'}</strong></span>
        <button className="icon-button" aria-label="Close the exception" title="Close (Escape)" onClick={close}><Icon name="close" size={13} /></button>
      </div>
      {stop.description && <div className="cs-exception-message" data-testid="exception-message">{stop.description}</div>}
    </div>,
    node,
  );
}
