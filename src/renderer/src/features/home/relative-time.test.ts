import { describe, expect, it } from 'vitest';
import { relativeTime } from './relative-time';

const now = Date.UTC(2026, 0, 10, 12);
describe('relativeTime', () => {
  it.each([
    [now - 10e3, 'just now'],
    [now - 5 * 60e3, '5 minutes ago'],
    [now - 3 * 3600e3, '3 hours ago'],
    [now - 24 * 3600e3, 'yesterday'],
    [now - 14 * 24 * 3600e3, '2 weeks ago'],
    [now - 400 * 24 * 3600e3, 'last year'],
  ])('%d', (ms, text) => expect(relativeTime(ms, now)).toBe(text));
});
