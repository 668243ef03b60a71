/** Moves to the system trash so a delete can be undone from the OS. Returns false when no trash is available. */
export async function moveToTrash(absPath: string): Promise<boolean> {
  try {
    const { default: trash } = await import('trash');
    await trash([absPath], { glob: false });
    return true;
  } catch {
    return false;
  }
}
