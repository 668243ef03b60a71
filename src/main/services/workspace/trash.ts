/** Moves to the system trash so a delete can be undone from the OS. Returns false when no trash is available; why
 * goes to `log` (the callers say what they did instead). */
export async function moveToTrash(absPath: string, log: (msg: string, extra?: unknown) => void = console.warn): Promise<boolean> {
  try {
    const { default: trash } = await import('trash');
    await trash([absPath], { glob: false });
    return true;
  } catch (e) {
    log(`Moving ${absPath} to the system trash failed`, e);
    return false;
  }
}
