/**
 * What the window plugs together before its first render (main.tsx): the stores get the editor through their
 * EditorHost port, and each feature's commands go into the palette's registry. The stores and the palette
 * import no feature; this file is the one place that knows them all.
 */
import { monacoEditorHost } from './editor/editor-host';
import { EDITOR_COMMANDS } from './features/editor/editor-commands';
import { EDITOR_KEY_COMMANDS } from './features/editor/editor-key-commands';
import { watchPageTabs } from './features/editor/page-tabs';
import { EXPLORER_COMMANDS } from './features/file-tree/explorer-commands';
import { GIT_COMMANDS } from './features/git/git-commands';
import { registerBuiltinPanelTabs } from './features/bottom-panel/builtin-tabs';
import { DEBUG_COMMANDS } from './features/debug/debug-commands';
import { registerDebugConsole } from './features/debug/debug-panel';
import { PANEL_COMMANDS } from './features/bottom-panel/panel-commands';
import { APP_COMMANDS } from './features/palette/app-commands';
import { PLATFORM_COMMANDS } from './features/platform-data/platform-commands';
import { PALETTE_COMMANDS } from './features/palette/commands';
import { CONNECTOR_COMMANDS } from './features/problems/connector-commands';
import { PUBLISH_COMMANDS } from './features/publish/publish-commands';
import { REVIEW_COMMANDS } from './features/review/review-commands';
import { SEARCH_COMMANDS } from './features/search/search-commands';
import { TEST_COMMANDS } from './features/testing/test-commands';
import { AUTHORING_COMMANDS } from './features/wizard/authoring-commands';
import { API_IMPORT_COMMANDS } from './features/wizard/api-import/api-import-commands';
import { WELCOME_COMMANDS } from './features/welcome/welcome-commands';
import { attachEditorHost } from './store/editor/store';
import { registerCommands } from './store/palette/commands';

/** The palette lists commands in this order when nothing is typed, and ranks equal matches by it. */
export const COMMAND_ORDER = [
  PALETTE_COMMANDS, EDITOR_COMMANDS, EXPLORER_COMMANDS, SEARCH_COMMANDS, APP_COMMANDS, PANEL_COMMANDS, AUTHORING_COMMANDS, API_IMPORT_COMMANDS, TEST_COMMANDS, DEBUG_COMMANDS,
  PLATFORM_COMMANDS, GIT_COMMANDS, PUBLISH_COMMANDS, REVIEW_COMMANDS, CONNECTOR_COMMANDS, EDITOR_KEY_COMMANDS, WELCOME_COMMANDS,
] as const;

let wired = false;

export function wireWindow(): void {
  if (wired) return;
  wired = true;
  attachEditorHost(monacoEditorHost);
  registerCommands(COMMAND_ORDER.flat());
  registerBuiltinPanelTabs();
  registerDebugConsole();
  watchPageTabs();
}
