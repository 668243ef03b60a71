import { useEffect, useId } from 'react';
import { Icon } from '../../components/Icon';
import { markLoaded } from '../../hooks/app-state';
import { toastError, toastSuccess, useAppStore } from '../../store/app/store';
import { useSettingsStore, type SettingsPatch } from '../../store/settings/store';
import { exportDiagnostics, openLogsFolder } from '../palette/app-commands';
import { SettingGroup, TextSetting } from './SettingRow';
import { ToolStatus } from './ToolStatus';
import { GitIdentitySection } from './GitIdentitySection';

/** Settings as a page: every change saves at once through settings.update. */
export function SettingsPage({ onClose }: { onClose(): void }) {
  const { settings, tools, detecting, update, detectTools } = useSettingsStore();
  const info = useAppStore((s) => s.info);
  const themeId = useId();
  const formatId = useId();

  useEffect(() => {
    if (!tools) void detectTools().catch(toastError);
    if (settings) markLoaded();
  }, [settings, tools, detectTools]);

  if (!settings) return <p className="muted pad">Loading settings…</p>;
  const save = async (patch: SettingsPatch, what: string) => {
    await update(patch);
    toastSuccess(`${what} saved.`);
  };
  const tool = (id: 'python' | 'git') => tools?.find((t) => t.id === id);

  return (
    <div className="settings-page" data-testid="settings-page">
      <header className="settings-header">
        <h1>Settings</h1>
        <button className="button secondary" onClick={onClose} data-testid="settings-close"><Icon name="close" /> Close</button>
      </header>
      <SettingGroup title="Workspace">
        <TextSetting label="Workspace folder" testId="setting-workspace" value={settings.workspaceRoot}
          description="The folder that holds your connector projects. Home lists the projects inside it."
          onCommit={(v) => save({ workspaceRoot: v }, 'Workspace folder')} />
      </SettingGroup>
      <SettingGroup title="Tools">
        <TextSetting label="Python interpreter" testId="setting-python" value={settings.pythonPath} placeholder="Detect automatically (python3, py -3)"
          description={<>Runs connectors in the simulated runtime. Detected: <ToolStatus tool={tool('python')} /></>}
          onCommit={async (v) => {
            await save({ pythonPath: v }, 'Python interpreter');
            await detectTools();
          }} />
        <TextSetting label="Git" testId="setting-git" value={settings.gitPath} placeholder="Detect automatically (git on PATH)"
          description={<>Used for the project's history. Detected: <ToolStatus tool={tool('git')} /></>}
          onCommit={async (v) => {
            await save({ gitPath: v }, 'Git path');
            await detectTools();
          }} />
        <button className="button secondary" disabled={detecting} onClick={() => void detectTools().catch(toastError)} data-testid="detect-tools">
          <Icon name="refresh" /> {detecting ? 'Detecting…' : 'Detect Again'}
        </button>
      </SettingGroup>
      <GitIdentitySection />
      <SettingGroup title="Editor">
        <div className="setting">
          <label htmlFor={themeId} className="setting-label">Theme</label>
          <p className="setting-description">Light or dark, for the whole window and the editor.</p>
          <select id={themeId} className="select" value={settings.theme} data-testid="setting-theme"
            onChange={(e) => void save({ theme: e.target.value as 'dark' | 'light' }, 'Theme').catch(toastError)}>
            <option value="dark">Dark</option>
            <option value="light">Light</option>
          </select>
        </div>
        <TextSetting label="Font size" testId="setting-font-size" type="number" min={8} max={40} value={settings.editorFontSize}
          description="Editor font size in pixels." onCommit={(v) => save({ editorFontSize: Number(v) }, 'Font size')} />
        <div className="setting">
          <label className="setting-checkbox" htmlFor={formatId}>
            <input id={formatId} type="checkbox" checked={settings.formatOnSave} data-testid="setting-format-on-save"
              onChange={(e) => void save({ formatOnSave: e.target.checked }, 'Format on save').catch(toastError)} />
            <span className="setting-label">Format on save</span>
          </label>
          <p className="setting-description">Formats Python files with ruff each time they are saved, as the Format button does (Ctrl+Z undoes it).</p>
        </div>
        <TextSetting label="Large file limit (KB)" testId="setting-large-file" type="number" min={16} max={102400} value={settings.largeFileLimitKb}
          description="Files larger than this open read-only, showing their beginning, so the editor stays fast."
          onCommit={(v) => save({ largeFileLimitKb: Number(v) }, 'Large file limit')} />
      </SettingGroup>
      <SettingGroup title="Runtime">
        <TextSetting label="Operation timeout (seconds)" testId="setting-timeout" type="number" min={1} max={3600} value={settings.runtimeTimeoutSec}
          description="How long a health check or an action may run before it is stopped." onCommit={(v) => save({ runtimeTimeoutSec: Number(v) }, 'Timeout')} />
        <TextSetting label="Worker memory limit (MB)" testId="setting-worker-memory" type="number" min={0} max={1048576} value={settings.workerMemoryLimitMb}
          description="How much memory (address space: each thread reserves about 8 MB of it) a connector's Python worker may use before its allocations fail; 0 means no limit. Changing it restarts the running workers."
          onCommit={(v) => save({ workerMemoryLimitMb: Number(v) }, 'Worker memory limit')} />
      </SettingGroup>
      <SettingGroup title="Troubleshooting">
        <p className="setting-description">Logs rotate in the user data folder{info ? ` (${info.logsDir})` : ''}. Diagnostics bundle logs, versions and settings with secrets removed.</p>
        <div className="button-row">
          <button className="button secondary" onClick={() => void openLogsFolder()} data-testid="open-logs">Open Logs Folder</button>
          <button className="button secondary" onClick={() => void exportDiagnostics()} data-testid="export-diagnostics">Export Diagnostics</button>
        </div>
        {info && <p className="muted small">Connector Studio {info.version} · {info.mode} mode · {info.platform}</p>}
        {info?.secretKey && (
          <p className="muted small" data-testid="secret-key-location">
            Saved passwords: key in {info.secretKey.where === 'keychain' ? 'the system keychain' : 'a file'}. {info.secretKey.explanation}
          </p>
        )}
      </SettingGroup>
    </div>
  );
}
