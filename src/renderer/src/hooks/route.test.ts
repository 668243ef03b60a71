import { describe, expect, it } from 'vitest';
import { hrefOf, parseRoute, type Route } from './route';

describe('parseRoute', () => {
  it.each([
    ['', { page: 'home' }],
    ['#/', { page: 'home' }],
    ['#/settings', { page: 'settings' }],
    ['#/new', { page: 'new' }],
    ['#/project/abc', { page: 'project', projectId: 'abc', settings: false }],
    ['#/project/a%20b/settings', { page: 'project', projectId: 'a b', settings: true }],
    ['#/nonsense', { page: 'home' }],
  ])('%j', (hash, route) => expect(parseRoute(hash)).toEqual(route));
  it('round-trips', () => {
    const r: Route = { page: 'project', projectId: 'x/y', settings: true };
    expect(parseRoute(hrefOf(r))).toEqual(r);
  });
});
