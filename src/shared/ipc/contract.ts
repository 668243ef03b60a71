import type { ApiImportChannels } from './contract/api-import-channels';
import type { JobDone } from './contract/common';
import type { ConnectorChannels } from './contract/connector-channels';
import type { DebugChannels } from './contract/debug-channels';
import type { Events, JobDoneEvents } from './contract/events';
import type { GitChannels } from './contract/git-channels';
import type { LspChannels } from './contract/lsp-channels';
import type { PlatformChannels } from './contract/platform-channels';
import type { PublishChannels } from './contract/publish-channels';
import type { ReviewChannels } from './contract/review-channels';
import type { RuntimeChannels } from './contract/runtime-channels';
import type { TestsChannels } from './contract/tests-channels';
import type { WorkspaceChannels } from './contract/workspace-channels';

export type { Empty, JobDone, JobStarted } from './contract/common';
export type { LspCompletionItem, LspDiagnostic, LspLocation, LspRange, LspSeverity, LspSignatureHelp } from './contract/lsp-channels';
export type { Events, JobDoneEvents, MenuCommand } from './contract/events';

/** The one typed channel map: every request the UI can make. Channel = `domain.method`. Its channels are declared
 * by domain in ./contract/ (one interface per group); this is the entry point everything imports. */
export interface Contract
  extends WorkspaceChannels,
    GitChannels,
    ConnectorChannels,
    ApiImportChannels,
    ReviewChannels,
    RuntimeChannels,
    TestsChannels,
    PlatformChannels,
    DebugChannels,
    PublishChannels,
    LspChannels {}

export type Channel = keyof Contract;
export type Req<C extends Channel> = Contract[C]['req'];
export type Res<C extends Channel> = Contract[C]['res'];
export type EventName = keyof Events;

export type JobChannel = keyof JobDoneEvents;
/** What a job of the channel ends with, when it succeeds. */
export type JobValue<C extends JobChannel> = Events[JobDoneEvents[C]] extends JobDone<infer T> ? T : never;
