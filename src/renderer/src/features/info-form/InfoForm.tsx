import { useMemo, useRef } from 'react';
import type { InfoJson } from '../../../../shared/connector/info-json';
import { isMac } from '../../hooks/platform';
import { useConnectorStore } from '../../store/connector/store';
import { findTab } from '../../store/editor/tabs';
import { useEditorStore } from '../../store/editor/store';
import { FieldList } from './FieldList';
import { FormErrorBoundary } from './FormErrorBoundary';
import { FormToolbar } from './FormToolbar';
import { LockBanner } from './LockBanner';
import { IngestionSection, MetadataSection } from './MetadataSection';
import { OperationsSection } from './OperationsSection';
import { Preview } from './Preview';
import { Section } from './Section';
import { useRenderMetric, useSelectionReveal } from './useFormEffects';
import './info-form.css';

const CONFIG_FIELDS = ['configuration', 'fields'];

/** Which section holds a pointer, so a selection opens it. */
function sectionOf(pointer: string | null): string | null {
  if (pointer === null) return null;
  if (pointer.startsWith('/configuration')) return 'configuration';
  if (pointer.startsWith('/operations')) return 'operations';
  if (pointer.startsWith('/ingestion')) return 'ingestion';
  return 'connector';
}

/** Ctrl+Z / Ctrl+Shift+Z (Ctrl+Y) in the form walk the text's own history, the same one Monaco's keys use. */
function onUndoKeys(e: React.KeyboardEvent) {
  const mod = isMac() ? e.metaKey : e.ctrlKey;
  if (!mod || e.altKey || (e.target as HTMLElement).closest('.preview')) return;
  const key = e.key.toLowerCase();
  if (key === 'z' || key === 'y') {
    e.preventDefault();
    if (key === 'y' || e.shiftKey) useConnectorStore.getState().redo();
    else useConnectorStore.getState().undo();
  }
}

function EditView({ info }: { info: InfoJson }) {
  const selected = useConnectorStore((s) => s.selected);
  const seq = useConnectorStore((s) => s.selectSeq);
  const open = (name: string) => (sectionOf(selected) === name ? seq : 0);
  const ops = Array.isArray(info.operations) ? info.operations : [];
  const hiddenKey = ops.filter((o) => o?.visible === false && typeof o.operation === 'string').map((o) => o.operation).join('\n');
  const hidden = useMemo(() => (hiddenKey ? hiddenKey.split('\n') : []), [hiddenKey]);
  const fields = info.configuration && typeof info.configuration === 'object' ? info.configuration.fields : undefined;
  return (
    <>
      <Section title="Connector" testId="section-connector" openSignal={open('connector')}>{() => <MetadataSection info={info} />}</Section>
      <Section title="Configuration" count={Array.isArray(fields) ? fields.length : 0} testId="section-configuration" pointer="/configuration" openSignal={open('configuration')}>
        {() => <FieldList listPath={CONFIG_FIELDS} fields={fields} hiddenOps={hidden} addLabel="Add configuration field" />}
      </Section>
      <Section title="Operations" count={ops.length} testId="section-operations" openSignal={open('operations')}>{() => <OperationsSection operations={info.operations} />}</Section>
      <Section title="Data ingestion" testId="section-ingestion" defaultOpen={info.ingestion_supported === true} openSignal={open('ingestion')}>
        {() => <IngestionSection info={info} />}
      </Section>
    </>
  );
}

/** The info.json form: reads the parsed text, writes through text edits; locked while the text is not JSON. */
export function InfoForm({ relPath }: { relPath: string }) {
  const root = useRef<HTMLDivElement>(null);
  const info = useConnectorStore((s) => (s.relPath === relPath ? s.info : null));
  const error = useConnectorStore((s) => (s.relPath === relPath ? s.syntaxError : null));
  const view = useConnectorStore((s) => s.view);
  const readOnly = useEditorStore((s) => findTab(s, relPath)?.readOnly ?? false);
  useRenderMetric(root, info !== null || error !== null);
  useSelectionReveal(root);

  return (
    <div ref={root} className="info-form" data-testid="info-form" data-locked={error ? 'true' : 'false'} data-view={view} onKeyDown={onUndoKeys}>
      <FormToolbar relPath={relPath} />
      {error && <LockBanner relPath={relPath} error={error} />}
      {readOnly && <p className="banner banner-info" role="status">This file is read-only; the form shows it without editing.</p>}
      <div className="form-scroll">
        {!info && !error && <p className="muted pad">Reading info.json…</p>}
        {!info && error && <p className="muted pad">Fix the JSON syntax to use the form.</p>}
        <FormErrorBoundary resetKey={info}>
          {info && view === 'preview' && <Preview info={info} />}
          {info && view === 'edit' && (
            <fieldset className="form-body" disabled={error !== null || readOnly} aria-label="info.json">
              <EditView info={info} />
            </fieldset>
          )}
        </FormErrorBoundary>
      </div>
    </div>
  );
}
