/** Resolves at the first Ctrl+C or SIGTERM, for commands that serve until stopped (`sandbox`, `mock`): their
 * server is closed cleanly then, instead of the process dying with connections half-open. */
export function untilStopSignal(): Promise<void> {
  return new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
