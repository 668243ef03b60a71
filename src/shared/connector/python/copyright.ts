/** Fortinet's CI wants a copyright block at the top of every .py file: a module docstring or leading comments
 * that mention copyright. Only the header counts, so a "copyright" string deeper in the code does not. The header
 * is read token by token instead of parsing the module: nothing after it matters. */
import { stringEnd } from './scan';

interface HeaderItem {
  readonly text: string;
  readonly docstring: boolean;
}

const SPACE = /[ \t\r\n\f;]/;
const STRING_START = /^[rRuUbB]{0,2}("""|'''|"|')/;
/** What may follow a string for it to be a statement of its own: a comment, a newline, `;` or the end. */
const STATEMENT_END = /^[ \t]*(?:#[^\n]*)?(?:\r?\n|;|$)/;

/** The comments and string statements at the top of the module, up to the first other code. */
function headerItems(text: string): HeaderItem[] {
  const items: HeaderItem[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text.charAt(i);
    if (SPACE.test(c)) {
      i++;
      continue;
    }
    if (c === '#') {
      const end = text.indexOf('\n', i);
      const to = end === -1 ? text.length : end;
      items.push({ text: text.slice(i, to), docstring: false });
      i = to;
      continue;
    }
    const open = STRING_START.exec(text.slice(i, i + 5));
    if (!open?.[1]) break;
    const after = stringEnd(text, i + open[0].length - open[1].length).end;
    // `"a" + b` or `"x".format()` is an expression, not a docstring.
    if (!STATEMENT_END.test(text.slice(after, after + 200))) break;
    items.push({ text: text.slice(i, after), docstring: true });
    i = after;
  }
  return items;
}

export function hasCopyrightHeader(_path: string, text: string): boolean {
  let sawDocstring = false;
  for (const item of headerItems(text)) {
    if (item.docstring && sawDocstring) return false;
    if (/copyright/i.test(item.text)) return true;
    sawDocstring ||= item.docstring;
  }
  return false;
}
