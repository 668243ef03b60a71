import { useDebugStore } from '../../store/debug/store';
import { DebugSection } from './DebugSection';
import { treeProps } from './tree-keys';
import { VariableNode } from './VariableTree';

/** The selected frame's scopes (Locals first, Globals fetched only when opened) and their values, lazily. */
export function VariablesSection() {
  const scopes = useDebugStore((s) => s.scopes);
  const paused = useDebugStore((s) => s.session?.state === 'paused');
  return (
    <DebugSection id="variables" title="Variables">
      {!paused && <p className="debug-empty muted">{useDebugStore.getState().session ? 'Variables show while the session is paused.' : 'Not debugging.'}</p>}
      {paused && (
        <div role="tree" aria-label="Variables" className="dv-tree" {...treeProps} data-testid="variables-tree">
          {scopes.map((sc) => (
            <VariableNode key={sc.name} v={{ name: sc.name, value: '', variablesReference: sc.variablesReference, namedVariables: sc.namedVariables, indexedVariables: sc.indexedVariables }}
              path={sc.name} depth={0} live testId="scope" />
          ))}
        </div>
      )}
    </DebugSection>
  );
}
