/** Tests and the startup benchmark wait for <html data-app-state="loaded">: the first screen has its data. */
export function markLoaded() {
  document.documentElement.dataset.appState = 'loaded';
}
