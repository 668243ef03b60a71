import { useEffect } from 'react';
import type * as Monaco from 'monaco-editor';
import type { MonacoApi } from '../../editor/monaco-api';
import { modelRegistry } from '../../editor/model-registry';
import { expressionAt } from '../../store/debug/hover-expression';
import { useDebugStore } from '../../store/debug/store';

/** While paused, the value of a name under the pointer in the selected frame's file (masked as everywhere), beside
 * the language server's hover. Names only: hovering never runs code the user did not write as a watch. */
export function useDebugHover(m: MonacoApi) {
  useEffect(() => {
    const provider = m.languages.registerHoverProvider('python', {
      provideHover: async (model: Monaco.editor.ITextModel, position: Monaco.Position) => {
        const s = useDebugStore.getState();
        const frame = s.frames.find((f) => f.id === s.selectedFrameId);
        if (s.session?.state !== 'paused' || !s.projectId || !s.session.sessionId || !frame?.path || modelRegistry.get(frame.path) !== model) return null;
        const found = expressionAt(model.getLineContent(position.lineNumber), position.column);
        if (!found) return null;
        try {
          const r = await useDebugStore.getState().evaluateForHover(found.text);
          if (!r || r.error) return null;
          return {
            range: new m.Range(position.lineNumber, found.start, position.lineNumber, found.end),
            contents: [{ value: `\`${found.text}\`${r.type ? ` · ${r.type}` : ''}${r.masked ? ' · masked' : ''}` }, { value: `\`\`\`python\n${r.result}\n\`\`\`` }],
          };
        } catch (e) {
          // A hover that cannot be evaluated shows nothing; the console says why when the user asks there.
          console.warn(`Evaluating ${found.text} for a hover failed:`, e);
          return null;
        }
      },
    });
    return () => provider.dispose();
  }, [m]);
}
