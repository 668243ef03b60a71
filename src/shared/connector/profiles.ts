/** The two questions validate answers. `server`: will FortiSOAR import the package and can it run; its errors
 * are only what the server's import refuses or what certainly fails at run time, and they alone block package
 * and publish. `certification`: will Fortinet's certification CI pass it; its findings reproduce that CI check
 * by check (source "certification"). */
export type ValidationProfile = 'server' | 'certification';
export const VALIDATION_PROFILES: readonly ValidationProfile[] = ['server', 'certification'];
export const isValidationProfile = (v: unknown): v is ValidationProfile => typeof v === 'string' && (VALIDATION_PROFILES as readonly string[]).includes(v);
