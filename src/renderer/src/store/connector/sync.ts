import type * as Monaco from 'monaco-editor';
import { onEvent } from '../../api/client';
import { reportInBackground } from '../app/store';
import { editorHost } from '../editor/host';
import { useEditorStore } from '../editor/store';
import { liveFindings, createThrottle } from '../problems/live';
import { startEditorFindings } from '../problems/editor-findings';
import { startMarkers } from '../problems/markers';
import { useProblemsStore } from '../problems/store';
import { readSources } from './code-sync';
import { registerFixActions } from './fix-actions';
import { metrics } from './metrics';
import { bindModel, boundModel, unbindModel } from './model-binding';
import { connectorPaths, whenProjectKnown, type ConnectorPaths } from './project';
import { useConnectorStore } from './store';

const LIVE_INTERVAL_MS = 50;
const REVALIDATE_MS = 250;

/**
 * Keeps one project's connector in view: binds the info.json model to the form store, runs the rule engine
 * live on its text, asks the services for the whole folder on open and after changes on disk, and keeps
 * the markers of every open model in step. Returns the teardown.
 */
export function startConnectorSync(): () => void {
  const offs: (() => void)[] = [];
  let stopped = false;
  let lastInputAt = 0;

  /** The connector's Python as last read (after each report of the services), for the live dispatch rules. */
  let python: Record<string, string> | undefined;

  const runLive = () => {
    const model = boundModel();
    const paths = connectorPaths();
    if (!model || !paths || model.isDisposed()) return;
    // Markers follow synchronously (problems store subscription), so this is input-to-markers time.
    useProblemsStore.getState().setLive(liveFindings(model.getValue(), paths.folderName, python), python !== undefined);
    metrics.diagnosticsDone(performance.now() - lastInputAt);
  };
  const live = createThrottle(runLive, LIVE_INTERVAL_MS);

  const offReports = useProblemsStore.subscribe((s, prev) => {
    const paths = connectorPaths();
    if (s.service === prev.service || !paths) return;
    void readSources(paths)
      .then(({ files }) => {
        python = Object.keys(files).length > 0 ? files : undefined;
        if (!stopped && boundModel()) live();
      })
      .catch(reportInBackground("Reading the connector's Python sources for live checks"));
  });
  offs.push(offReports);

  const bindIfInfoJson = (model: Monaco.editor.ITextModel, paths: ConnectorPaths) => {
    if (model.uri.path !== `/project/${paths.infoRel}`) return;
    bindModel(
      model,
      paths.infoRel,
      (text, at) => {
        lastInputAt = at;
        useConnectorStore.getState().textChanged(paths.infoRel, text);
        live();
      },
      () => {
        useConnectorStore.getState().unbound();
        useProblemsStore.getState().setLive(null);
      },
    );
  };

  offs.push(
    whenProjectKnown((paths) => {
      void useProblemsStore.getState().validate();
      void editorHost().loadMonaco().then((m) => {
        if (stopped) return;
        registerFixActions(m);
        const connectorRel = () => connectorPaths()?.connectorRel ?? null;
        offs.push(startMarkers(m, connectorRel), startEditorFindings(m, connectorRel));
        const created = m.editor.onDidCreateModel((model) => bindIfInfoJson(model, paths));
        offs.push(() => created.dispose());
        m.editor.getModels().forEach((model) => bindIfInfoJson(model, paths));
      });
    }),
    watchDisk(),
  );

  return () => {
    stopped = true;
    offs.forEach((off) => off());
    unbindModel();
    useConnectorStore.getState().unbound();
    useProblemsStore.getState().reset();
  };
}

/** Saves and changes made outside the IDE change what the services see: ask them again, once per burst. */
function watchDisk(): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const soon = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void useProblemsStore.getState().validate(), REVALIDATE_MS);
  };
  const offFiles = onEvent('files.changed', ({ projectId }) => projectId === connectorPaths()?.projectId && soon());
  const offSaves = useEditorStore.subscribe((s, prev) => {
    const saved = s.tabs.some((t) => {
      const before = prev.tabs.find((p) => p.relPath === t.relPath);
      return before !== undefined && before.etag !== t.etag;
    });
    if (saved) soon();
  });
  return () => {
    clearTimeout(timer);
    offFiles();
    offSaves();
  };
}
