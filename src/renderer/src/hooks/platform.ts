/** Shortcuts use Cmd on macOS, Ctrl elsewhere. */
export const isMac = (): boolean => {
  const bridge = typeof window !== 'undefined' ? window.fsoar?.platform : undefined;
  if (bridge) return bridge === 'darwin';
  return typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
};
