/**
 * How a second `connector-studio web` (and the e2e harness) asks the running browser host for a fresh launch
 * link. Pure constants so the harness outside src can share them.
 */

/** POST only, from 127.0.0.1, no Origin (no page may ask), the secret in LAUNCH_SECRET_HEADER. */
export const LAUNCH_URL_PATH = '/launch-url';

export const LAUNCH_SECRET_HEADER = 'x-connector-studio-launch-secret';

/** In the user data folder, mode 0600: { pid, origin, secret }. */
export const HOST_RECORD_FILE = 'browser-host.json';
