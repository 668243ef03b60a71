/** Questions about paths that may legitimately be absent. "Not there" (isMissing) is an answer; any other failure
 * (permission denied, a disk error) is not, and fails the caller instead of reading as "not there". */
import type { Stats } from 'node:fs';
import { access, lstat, stat } from 'node:fs/promises';
import { ifMissing } from '../errors';

/** Whether `p` leads somewhere (links followed: a broken link is not there). */
export const pathExists = (p: string): Promise<boolean> => access(p).then(() => true, ifMissing(false));

/** Whether anything, a broken link included, has the name `p`. */
export const entryExists = (p: string): Promise<boolean> => lstat(p).then(() => true, ifMissing(false));

/** What `p` leads to (links followed), or undefined when it is not there. */
export const statIfPresent = (p: string): Promise<Stats | undefined> => stat(p).then((s) => s, ifMissing(undefined));

/** The entry `p` itself (a link is not followed), or undefined when it is not there. */
export const lstatIfPresent = (p: string): Promise<Stats | undefined> => lstat(p).then((s) => s, ifMissing(undefined));
