/** How to fix a connector that fails for want of a library FortiSOAR pre-installs: the one place that decides it, for
 * every door that reports a failed call (the CLI's `run` and `health`, the IDE's Test Actions and health checks). */
import { PLATFORM_LIBRARIES, type EnvironmentKind } from './environment';

type PlatformLibrary = (typeof PLATFORM_LIBRARIES)[number];

/** The platform library whose absence Python reports in `message` ("No module named 'arrow'", also for a submodule
 * such as 'dateutil.parser'), or undefined. */
export function missingPlatformLibrary(message: string): PlatformLibrary | undefined {
  for (const m of message.matchAll(/No module named '([A-Za-z_][\w.]*)'/g)) {
    const top = (m[1] ?? '').split('.')[0];
    const library = PLATFORM_LIBRARIES.find((l) => l.module === top);
    if (library) return library;
  }
  return undefined;
}

const quoted = (folder: string) => (/^[\w./:\\-]+$/.test(folder) ? folder : `"${folder.replace(/(["\\$`])/g, '\\$1')}"`);

/** The sentence to add to a failure's message, or undefined when none applies: the message names no library
 * FortiSOAR pre-installs, or the connector does not run on the plain interpreter (with a virtualenv of its own the
 * library belongs in its requirements.txt; the platform default has them all). `kindOf` is asked only when the
 * message names such a library. */
export async function platformEnvironmentHint(message: string, folder: string, kindOf: () => Promise<EnvironmentKind>): Promise<string | undefined> {
  const library = missingPlatformLibrary(message);
  if (!library || (await kindOf()) !== 'interpreter') return undefined;
  const name = library.module === library.requirement ? library.module : `${library.module} (${library.requirement})`;
  return (
    `${name} is one of the libraries FortiSOAR installs for every connector, and this ` +
    'connector runs on the plain interpreter, which lacks it. Create the platform default environment: the Environment ' +
    `tab's "Create Platform Default Environment" button, or connector-studio env ${quoted(folder)} create --platform.`
  );
}
