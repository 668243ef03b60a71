import { parse, type ParseError } from 'jsonc-parser';

/** Offset -> 1-based line and column, for findings in text files. */
export interface LineIndex {
  position(offset: number): { line: number; column: number };
}

export function lineIndex(text: string): LineIndex {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return {
    position(offset) {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        const start = starts[mid];
        if (start !== undefined && start <= offset) lo = mid;
        else hi = mid - 1;
      }
      return { line: lo + 1, column: offset - (starts[lo] ?? 0) + 1 };
    },
  };
}

/** Where JSON.parse stopped, from its message ("... at position 12", or "line 2 column 3" in newer engines). Node 20
 * names no place for most errors ("Unexpected token 'x', ... is not valid JSON", "Unexpected end of JSON input"):
 * then a tolerant parser finds the first error. */
export function jsonErrorPosition(text: string, message: string): { line: number; column: number } | undefined {
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) return { line: Number(lc[1]), column: Number(lc[2]) };
  const pos = /position (\d+)/.exec(message);
  if (pos) return lineIndex(text).position(Number(pos[1]));
  const errors: ParseError[] = [];
  parse(text, errors, { disallowComments: true, allowTrailingComma: false });
  const first = errors[0];
  return first ? lineIndex(text).position(first.offset) : undefined;
}
