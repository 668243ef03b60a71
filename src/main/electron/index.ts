// The Electron main entry (bundled to out/main/electron/index.cjs). Everything real lives in the services;
// this file only starts the thin shell and makes a failed start visible instead of silent.
import { app, dialog } from 'electron';
import { runDesktopApp } from './lifecycle';

runDesktopApp().catch((e: unknown) => {
  const message = e instanceof Error ? (e.stack ?? e.message) : String(e);
  dialog.showErrorBox('Connector Studio could not start', message);
  app.exit(1);
});
