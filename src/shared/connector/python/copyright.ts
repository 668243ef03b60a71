/** Fortinet's CI wants a copyright block at the top of every .py file: a module docstring or leading comments
 * that mention copyright. Only the header counts, so a "copyright" string deeper in the code does not. */
import { parseModule } from './ast';

export function hasCopyrightHeader(path: string, text: string): boolean {
  const m = parseModule(path, text);
  let sawDocstring = false;
  for (let node = m.top.firstChild; node; node = node.nextSibling) {
    const isDocstring = node.name === 'ExpressionStatement' && node.firstChild?.name === 'String';
    if (node.name !== 'Comment' && (!isDocstring || sawDocstring)) return false;
    if (/copyright/i.test(m.text.slice(node.from, node.to))) return true;
    sawDocstring ||= isDocstring;
  }
  return false;
}
