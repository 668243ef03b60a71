import { useEffect } from 'react';
import { onEvent } from '../api/client';
import type { MenuCommand } from '../../../shared/ipc/contract';
import { findCommand } from '../store/palette/commands';

/** The desktop menu's items run the same commands as the palette, so both stay in step. */
const MENU_TO_COMMAND: Record<MenuCommand, string> = {
  'file.save': 'file.save',
  'file.saveAll': 'file.saveAll',
  'view.toggleTheme': 'view.theme',
  'view.fullScreenEditor': 'view.fullScreen',
  'view.commandPalette': 'palette.commands',
  'help.openLogsFolder': 'app.openLogs',
  'help.exportDiagnostics': 'app.exportDiagnostics',
};

export function useMenuCommands() {
  useEffect(
    () =>
      onEvent('menu.command', ({ command }) => {
        const id = MENU_TO_COMMAND[command];
        void findCommand(id)?.run();
      }),
    [],
  );
}
