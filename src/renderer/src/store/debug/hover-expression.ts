/** The expression under the pointer, as VS Code takes it: the word and the names before it joined by dots
 * (`self.client.base_url`), never a call. Null where there is no name. */
export function expressionAt(lineText: string, column: number): { text: string; start: number; end: number } | null {
  const at = column - 1;
  const isName = (c: string | undefined) => c !== undefined && /[\w]/.test(c);
  if (!isName(lineText[at]) && !isName(lineText[at - 1])) return null;
  let end = at;
  while (isName(lineText[end])) end++;
  let start = at;
  while (start > 0 && (isName(lineText[start - 1]) || (lineText[start - 1] === '.' && isName(lineText[start - 2])))) start--;
  const text = lineText.slice(start, end);
  return /^[A-Za-z_][\w.]*$/.test(text) ? { text, start: start + 1, end: end + 1 } : null;
}
