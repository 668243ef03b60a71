import { useState } from 'react';
import type { TestDataMode } from '../../../../shared/models/connector-tests';
import { messageOf } from '../../api/api-error';
import { toastError, toastSuccess } from '../../store/app/store';
import { useEditorStore } from '../../store/editor/store';
import { useTestsViewStore } from '../../store/tests-view/store';
import './tests-view.css';

/** After a recorded run: writes tests/test_<operation>.py from the recording and opens it. "Exact data" compares
 * the whole result; "Only output_schema keys" lets values of other keys change without failing the test. */
export function SaveAsTest({ projectId, operation, name }: { projectId: string; operation: string; name: string }) {
  const [mode, setMode] = useState<TestDataMode>('exact');
  const [saving, setSaving] = useState(false);
  const save = async () => {
    setSaving(true);
    try {
      const saved = await useTestsViewStore.getState().saveAsTest(projectId, operation, name, mode);
      toastSuccess(`${saved.added ? 'Saved' : 'Updated'} ${saved.functionName} in ${saved.relPath}.`);
      await useEditorStore.getState().openFile(saved.relPath);
    } catch (e) {
      toastError(new Error(`The test was not saved: ${messageOf(e)}`));
    } finally {
      setSaving(false);
    }
  };
  return (
    <span className="tv-save" data-testid="save-as-test">
      <button type="button" className="button secondary small" disabled={saving} onClick={() => void save()} data-testid="save-as-test-button"
        title={`Write a test of recording ${operation}-${name} into tests/test_${operation}.py`}>
        {saving ? 'Saving…' : 'Save as test'}
      </button>
      <select className="tv-save-mode" value={mode} onChange={(e) => setMode(e.target.value as TestDataMode)} aria-label="What the test compares" data-testid="save-as-test-mode">
        <option value="exact">Exact data</option>
        <option value="schemaKeys">Only output_schema keys</option>
      </select>
    </span>
  );
}
