import { describe, expect, it } from 'vitest';
import { activeBranches, visibleFields, type FieldLike } from './visibility';

const fields: FieldLike[] = [
  { name: 'mode', type: 'select', value: 'Basic', onchange: {
    Basic: [{ name: 'user', type: 'text' }],
    Advanced: [{ name: 'token', type: 'password' }, { name: 'tls', type: 'checkbox', value: false, onchange: { true: [{ name: 'ca', type: 'text' }], false: [] } }],
  } },
  { name: 'hidden', type: 'text', visible: false },
  { name: 'tags', type: 'multiselect', onchange: { a: [{ name: 'x' }], b: [{ name: 'y' }] } },
];
const names = (values: Record<string, unknown>) => visibleFields(fields, values).map((v) => v.field.name);

describe('onchange visibility', () => {
  it('shows the branch of the default value and hides invisible fields', () => {
    expect(names({})).toEqual(['mode', 'user', 'tags']);
  });
  it('follows nested branches, checkbox true/false', () => {
    expect(names({ mode: 'Advanced' })).toEqual(['mode', 'token', 'tls', 'tags']);
    expect(names({ mode: 'Advanced', tls: true })).toEqual(['mode', 'token', 'tls', 'ca', 'tags']);
  });
  it('shows the union of branches for a multiselect', () => {
    expect(names({ tags: ['a', 'b'] })).toEqual(['mode', 'user', 'tags', 'x', 'y']);
  });
  it('gives paths into the onchange tree', () => {
    const ca = visibleFields(fields, { mode: 'Advanced', tls: 'true' }).find((v) => v.field.name === 'ca');
    expect(ca?.path).toEqual([0, 'onchange', 'Advanced', 1, 'onchange', 'true', 0]);
    expect(ca?.depth).toBe(2);
    expect(activeBranches({ type: 'checkbox', onchange: {} }, undefined)).toEqual(['false']);
  });
});
