import type * as Monaco from 'monaco-editor';

export type MonacoApi = typeof Monaco;

let loading: Promise<MonacoApi> | null = null;

/** One lazy load of Monaco for the whole window. */
export function loadMonaco(): Promise<MonacoApi> {
  loading ??= import('./monaco-setup').then((m) => m.default as unknown as MonacoApi);
  return loading;
}
