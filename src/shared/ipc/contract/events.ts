/** What the services push to the UI: menu commands, events, and the event that ends each job channel's runs. */
import type { DebugBreakpointsChanged, DebugContinued, DebugOutput, DebugStopped, DebugTerminated } from '../../models/debug';
import type { InstallOutcome, InstallProgressEvent } from '../../models/environment';
import type { PublishProgressEvent, PublishRunResult } from '../../models/publish';
import type { ReviewProgress } from '../../models/review';
import type { ProgressEvent } from '../../models/settings';
import type { JobDone } from './common';
import type { LspDiagnostic } from './lsp-channels';

/** Commands the desktop menu sends to the focused window. */
export type MenuCommand =
  | 'file.save'
  | 'file.saveAll'
  | 'view.toggleTheme'
  | 'view.fullScreenEditor'
  | 'view.commandPalette'
  | 'help.openLogsFolder'
  | 'help.exportDiagnostics';

/** Pushes from the services to the UI, over the same per-window channel. */
export interface Events {
  'menu.command': { command: MenuCommand };
  /** A folder or .tgz to open: from Open Folder..., a second launch, or the OS (file association). */
  'app.openRequested': { path: string; kind: 'folder' | 'package'; projectId?: string; error?: string };
  'files.changed': { projectId: string; relPaths: string[] };
  'progress.updated': ProgressEvent;
  'projects.changed': { reason: string };
  'git.credentialRequested': { requestId: string; url: string; prompt: string; kind: string };
  'runtime.output': { runId: string; kind: 'log' | 'stdout' | 'stderr'; text: string };
  'runtime.installProgress': InstallProgressEvent;
  'runtime.installDone': JobDone<InstallOutcome>;
  'publish.progress': PublishProgressEvent;
  'publish.done': JobDone<PublishRunResult>;
  /** Export packing: `done` of `total` archive entries (the folder itself counts), for the caller's runId. */
  'package.progress': { runId: string; projectId: string; done: number; total: number };
  /** The debugger (shared/models/debug.ts): a session stopped (`frame`: the line to show), ran on, printed, ended. */
  'debug.stopped': DebugStopped;
  'debug.continued': DebugContinued;
  'debug.output': DebugOutput;
  'debug.terminated': DebugTerminated;
  'debug.breakpointsChanged': DebugBreakpointsChanged;
  'lsp.diagnostics': { projectId: string; relPath: string; diagnostics: LspDiagnostic[] };
  /** A running review's sections (pending, running, done with counts), each time one changes. */
  'review.progress': { projectId: string; runId: string } & ReviewProgress;
}

/** Each job channel and the event that ends its runs. */
export interface JobDoneEvents {
  'publish.run': 'publish.done';
  'runtime.installDependencies': 'runtime.installDone';
  'runtime.createPlatformEnvironment': 'runtime.installDone';
}
