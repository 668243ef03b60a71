import { cp, mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { ifMissing } from '../errors';
import type { GitService } from '../git/git-service';

/** First start: give a newcomer one real project to look at, as a committed git repository. */
/** Copies the bundled samples into the workspace; returns the project roots it made (the app trusts them). */
export async function installSamples(opts: { samplesDir: string; workspaceRoot: string; git: GitService; log: (m: string, x?: unknown) => void }): Promise<string[]> {
  const made: string[] = [];
  await mkdir(opts.workspaceRoot, { recursive: true });
  // A build without bundled samples has nothing to install.
  const samples = await readdir(opts.samplesDir).catch(ifMissing([] as string[]));
  for (const name of samples) {
    const target = path.join(opts.workspaceRoot, name);
    const present = await readdir(target).then(() => true, ifMissing(false));
    if (present) continue;
    await cp(path.join(opts.samplesDir, name), target, { recursive: true });
    made.push(target);
    try {
      await opts.git.init(target);
      // Without an identity the sample waits staged: an author is never made up.
      if (await opts.git.identity(target)) await opts.git.commitAll(target, 'Initial commit: sample connector from Connector Studio');
      else await opts.git.stageAll(target);
    } catch (e) {
      opts.log('Sample project created without git (git unavailable?)', e);
    }
  }
  return made;
}
