import { app } from 'electron';
import { openTargetFromArgs, userArgs, type OpenTarget } from './open-request';

/** What a launch passes to the running instance. Sent as additionalData because Chromium may reorder or add
 * to the argv that 'second-instance' receives (Electron docs). */
export interface LaunchData {
  readonly args: string[];
  readonly cwd: string;
}

export const currentLaunch = (): LaunchData => ({ args: userArgs(process.argv, app.isPackaged), cwd: process.cwd() });

const isLaunchData = (x: unknown): x is LaunchData =>
  !!x && typeof x === 'object' && Array.isArray((x as LaunchData).args) && (x as LaunchData).args.every((a) => typeof a === 'string') && typeof (x as LaunchData).cwd === 'string';

/** True when this process should run the app. Under FSOAR_E2E every launch runs on its own (parallel tests). */
export function acquireSingleInstance(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.FSOAR_E2E === '1') return true;
  return app.requestSingleInstanceLock({ ...currentLaunch() });
}

/** A second launch focuses this instance; the folder or .tgz it was given (if any) is handed to `route`. */
export function onSecondInstance(route: (target: OpenTarget | null) => void): void {
  app.on('second-instance', (_event, argv, workingDirectory, additionalData) => {
    const launch = isLaunchData(additionalData) ? additionalData : { args: userArgs(argv, app.isPackaged), cwd: workingDirectory };
    route(openTargetFromArgs(launch.args, launch.cwd));
  });
}
