import { describe, expect, it } from 'vitest';
import { literalValue, logicalLines, maskPython, matchingBracket, splitTopLevel, topLevelFunctions } from './scan';

describe('maskPython', () => {
  it('blanks comments and string contents, keeping quotes, newlines and lengths', () => {
    const text = "x = 'a # b'  # c\ny = \"\"\"q\n'(\"\"\" + r'\\''\n";
    const masked = maskPython(text);
    expect(masked).toHaveLength(text.length);
    expect(masked).toBe("x = '     '     \ny = \"\"\" \n  \"\"\" + r'  '\n");
  });

  it('ends a one-line string left open at its line end, and a block string left open at the end', () => {
    expect(maskPython("a = 'open\nb = 1")).toBe("a = '    \nb = 1");
    expect(maskPython('a = """open\nb = (1')).toBe('a = """    \n      ');
  });
});

describe('logicalLines', () => {
  it('joins brackets and backslashes, skips blank and comment lines, and measures indentation', () => {
    const text = 'a = {\n  "k": (1,\n  2)}\n\n# note\nif x:\n    b = 1 + \\\n        2\n';
    expect(logicalLines(text).map((l) => [text.slice(l.start, l.end), l.indent])).toEqual([
      ['a = {\n  "k": (1,\n  2)}', 0],
      ['if x:', 0],
      ['    b = 1 + \\\n        2', 4],
    ]);
  });

  it('does not let a bracket left open swallow the definitions after it', () => {
    const text = 'ops = {\n    "a": a,\n\ndef f():\n    pass\n';
    expect(logicalLines(text).map((l) => l.masked.trim().split('\n')[0])).toEqual(['ops = {', 'def f():', 'pass']);
  });
});

describe('helpers over masked source', () => {
  it('matches brackets and splits at top-level commas, lambdas included', () => {
    const s = "f(a, (b, c), lambda x, y: x, {'k': 1, 'l': 2})";
    expect(matchingBracket(s, 1)).toBe(s.length - 1);
    expect(splitTopLevel(s, 2, s.length - 1).map(([a, b]) => s.slice(a, b).trim())).toEqual(['a', '(b, c)', 'lambda x, y: x', "{'k': 1, 'l': 2}"]);
  });

  it('reads string literals (joined, raw, escaped) and nothing else', () => {
    const value = (raw: string) => literalValue(raw, maskPython(raw));
    expect(value(`'a' "b"`)).toBe('ab');
    expect(value(`r'\\n'`)).toBe('\\n');
    expect(value(`'\\n'`)).toBe('\n');
    expect(value('name')).toBeUndefined();
    expect(value(`f'{x}'`)).toBeUndefined();
    expect(value(`'a' + b`)).toBeUndefined();
  });

  it('lists top-level functions, decorated and async ones too, not methods', () => {
    const text = '@wrap\ndef a():\n    def inner(): pass\nasync def b(): pass\nclass C:\n    def m(self): pass\n';
    expect([...topLevelFunctions(logicalLines(text))]).toEqual(['a', 'b']);
  });
});
