import { useEffect, useState } from 'react';
import type * as Monaco from 'monaco-editor';
import { modelRegistry } from '../../editor/model-registry';

/** A band under a line of the editor, as VS Code's zone widgets (the breakpoint editor, the exception): a view
 * zone makes room in the text, an overlay widget over it holds the content (overlay widgets take the keyboard and
 * the mouse; view zones belong to the text). Returns the element to render into, or null while there is none. */
export function useZoneWidget(editor: Monaco.editor.IStandaloneCodeEditor, id: string, path: string | null, line: number | undefined, height: number, onModelChange?: () => void): HTMLElement | null {
  const [node, setNode] = useState<HTMLElement | null>(null);
  // A view zone belongs to the model on screen: when the editor switches files (after this component's effects
  // ran, MonacoView sets the model in its own), the band is made again on the right one.
  const [modelTick, setModelTick] = useState(0);
  useEffect(() => {
    const sub = editor.onDidChangeModel(() => setModelTick((t) => t + 1));
    return () => sub.dispose();
  }, [editor]);
  useEffect(() => {
    if (line === undefined || !path || editor.getModel() !== modelRegistry.get(path)) return;
    const dom = document.createElement('div');
    dom.className = `cs-zone-widget ${id}`;
    const zone: Monaco.editor.IViewZone = {
      afterLineNumber: line,
      heightInPx: height,
      domNode: document.createElement('div'),
      onDomNodeTop: (top) => (dom.style.top = `${top}px`),
    };
    let zoneId = '';
    const layout = () => {
      const info = editor.getLayoutInfo();
      dom.style.left = `${info.glyphMarginLeft}px`;
      dom.style.width = `${Math.max(200, info.width - info.glyphMarginLeft - info.verticalScrollbarWidth - info.minimap.minimapWidth)}px`;
    };
    editor.changeViewZones((a) => {
      zoneId = a.addZone(zone);
    });
    const widget: Monaco.editor.IOverlayWidget = { getId: () => `cs.${id}`, getDomNode: () => dom, getPosition: () => null };
    editor.addOverlayWidget(widget);
    layout();
    const subs = [editor.onDidLayoutChange(layout), ...(onModelChange ? [editor.onDidChangeModel(onModelChange)] : [])];
    // The content may be taller than planned (a long message wraps): the band grows to fit it, in place.
    const grow = new ResizeObserver(() => {
      if (!dom.offsetHeight || dom.offsetHeight === zone.heightInPx) return;
      zone.heightInPx = dom.offsetHeight;
      editor.changeViewZones((a) => a.layoutZone(zoneId));
    });
    grow.observe(dom);
    editor.revealLineInCenterIfOutsideViewport(line + 1);
    setNode(dom);
    return () => {
      grow.disconnect();
      subs.forEach((s) => s.dispose());
      editor.removeOverlayWidget(widget);
      editor.changeViewZones((a) => a.removeZone(zoneId));
      setNode(null);
    };
    // onModelChange is read once per band; a new callback for the same band needs no new band.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editor, id, path, line, height, modelTick]);
  return node;
}
