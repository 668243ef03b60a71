import type { MonacoApi } from './monaco-api';

let loading: Promise<MonacoApi> | null = null;

/** One lazy load of Monaco for the whole window. */
export function loadMonaco(): Promise<MonacoApi> {
  loading ??= import('./monaco-setup').then((m) => m.default as unknown as MonacoApi);
  return loading;
}
