import { afterEach, describe, expect, it } from 'vitest';
import { allCommands, availableCommands, findCommand, isAvailable, registerCommands, type Command } from './commands';

const cmd = (id: string, extra: Partial<Command> = {}): Command => ({ id, category: 'Test', title: id, run: () => id, ...extra });
const undo: (() => void)[] = [];
const register = (commands: readonly Command[]) => undo.push(registerCommands(commands));

afterEach(() => undo.splice(0).reverse().forEach((off) => off()));

describe('the command registry', () => {
  it('lists commands in the order their features registered them', () => {
    register([cmd('a.one'), cmd('a.two')]);
    register([cmd('b.one')]);
    expect(allCommands().map((c) => c.id)).toEqual(['a.one', 'a.two', 'b.one']);
    expect(findCommand('a.two')?.run()).toBe('a.two');
    expect(findCommand('nope')).toBeUndefined();
  });

  it('refuses an id twice, whether in one list or across features, and keeps the list as it was', () => {
    register([cmd('a.one')]);
    expect(() => registerCommands([cmd('a.one')])).toThrow(/"a\.one" is registered twice/);
    expect(() => registerCommands([cmd('c.one'), cmd('c.one')])).toThrow(/"c\.one" is registered twice/);
    expect(allCommands().map((c) => c.id)).toEqual(['a.one']);
  });

  it('takes a feature\'s commands away again, leaving the others in order', () => {
    register([cmd('a.one')]);
    const off = registerCommands([cmd('b.one'), cmd('b.two')]);
    register([cmd('c.one')]);
    off();
    expect(allCommands().map((c) => c.id)).toEqual(['a.one', 'c.one']);
    off();
    expect(allCommands()).toHaveLength(2);
  });

  it('offers project commands only inside a project, and conditional ones only while their condition holds', () => {
    let diskChanged = false;
    register([cmd('app.any'), cmd('project.only', { inProjectOnly: true }), cmd('file.keep', { inProjectOnly: true, available: () => diskChanged })]);
    expect(availableCommands(false).map((c) => c.id)).toEqual(['app.any']);
    expect(availableCommands(true).map((c) => c.id)).toEqual(['app.any', 'project.only']);
    diskChanged = true;
    expect(availableCommands(true).map((c) => c.id)).toEqual(['app.any', 'project.only', 'file.keep']);
    expect(isAvailable(findCommand('file.keep')!, false)).toBe(false);
  });
});
