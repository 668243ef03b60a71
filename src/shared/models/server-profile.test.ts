import { describe, expect, it } from 'vitest';
import type { ServerProfileInput } from './publish';
import { displayFingerprint, normalizeFingerprint, profileProblems } from './server-profile';

const ok: ServerProfileInput = { name: 'Lab', url: 'https://soar.lab', auth: 'apiKey', secret: 'key' };
const problems = (patch: Partial<ServerProfileInput>, secretStored = false) => profileProblems({ ...ok, ...patch }, secretStored);
const FP = 'ab'.repeat(32);

describe('profileProblems: the one set of server-profile rules (editor, save, test of an unsaved profile)', () => {
  it('accepts a complete profile of each authentication kind', () => {
    expect(problems({})).toEqual({});
    expect(problems({ auth: 'password', username: 'csadmin' })).toEqual({});
    expect(problems({ auth: 'hmac', hmacPublicKey: 'pub' })).toEqual({});
    expect(problems({ url: 'http://127.0.0.1:8443/api', timeoutSec: 3600, tls: { caFile: '/ca.pem', pinnedSha256: displayFingerprint(FP) } })).toEqual({});
  });

  it.each<[string, Partial<ServerProfileInput>, string, RegExp]>([
    ['a blank name', { name: '  ' }, 'name', /name/],
    ['no URL', { url: 'https://' }, 'url', /not a URL.*https:\/\/soar.example.com/],
    ['an ftp URL', { url: 'ftp://x' }, 'url', /^Use https:\/\/ \(or http:\/\/ for a local sandbox\)\.$/],
    ['credentials in the URL', { url: 'https://u:p@soar.lab' }, 'url', /own fields, not in the URL/],
    ['a password profile without a user name', { auth: 'password', username: ' ' }, 'username', /user name/],
    ['an HMAC profile without its public key', { auth: 'hmac' }, 'hmacPublicKey', /^The public key is needed\.$/],
    ['a short fingerprint', { tls: { pinnedSha256: 'AB:CD' } }, 'pinnedSha256', /64 hexadecimal/],
    // Both old checks dropped every non-hex character first, so junk around 64 digits passed.
    ['a fingerprint with junk in it', { tls: { pinnedSha256: `SHA256=${FP}` } }, 'pinnedSha256', /64 hexadecimal/],
    ['a timeout of 0', { timeoutSec: 0 }, 'timeoutSec', /1 to 3600 seconds/],
    ['a timeout over an hour', { timeoutSec: 3601 }, 'timeoutSec', /1 to 3600 seconds/],
    ['a fractional timeout', { timeoutSec: 1.5 }, 'timeoutSec', /1 to 3600 seconds/],
    ['a timeout that is not a number', { timeoutSec: Number('soon') }, 'timeoutSec', /1 to 3600 seconds/],
  ])('refuses %s', (_, patch, field, message) => {
    const found = problems(patch);
    expect(Object.keys(found)).toEqual([field]);
    expect(Object.values(found)[0]).toMatch(message);
  });

  it('needs the secret unless one of this authentication kind is stored', () => {
    expect(problems({ secret: undefined })).toEqual({ secret: 'The API key is needed.' });
    expect(problems({ auth: 'hmac', hmacPublicKey: 'pub', secret: '' })).toEqual({ secret: 'The HMAC private key is needed.' });
    expect(problems({ secret: undefined }, true)).toEqual({});
  });

  it('compares fingerprints by their hex digits', () => {
    expect(normalizeFingerprint(` ${displayFingerprint(FP)} `)).toBe(FP);
    expect(displayFingerprint(FP.toUpperCase())).toBe(Array(32).fill('AB').join(':'));
  });
});
