import { applyEdits, modify, parse, printParseErrorCode, type FormattingOptions, type JSONPath, type ParseError } from 'jsonc-parser';

export type { JSONPath };

export interface JsonSyntaxError {
  readonly message: string;
  readonly offset: number;
  readonly line: number;
  readonly column: number;
}

/** Parses JSON text, reporting every syntax error with its line and column, so the form can lock and point at it. */
export function parseJsonText(text: string): { value: unknown; errors: JsonSyntaxError[] } {
  const raw: ParseError[] = [];
  const value = parse(text, raw, { allowTrailingComma: false, disallowComments: true });
  return { value, errors: raw.map((e) => ({ message: printParseErrorCode(e.error), offset: e.offset, ...lineColumn(text, e.offset) })) };
}

export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Reads the file's own indentation so inserted nodes look like their neighbours. */
export function detectFormatting(text: string): FormattingOptions {
  const indented = text.split('\n').find((l) => /^[ \t]+\S/.test(l)) ?? '  ';
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  if (indented.startsWith('\t')) return { insertSpaces: false, tabSize: 1, eol };
  const width = indented.length - indented.trimStart().length;
  return { insertSpaces: true, tabSize: Math.max(1, Math.min(width, 8)), eol };
}

export function setAt(text: string, path: JSONPath, value: unknown): string {
  return applyEdits(text, modify(text, path, value, { formattingOptions: detectFormatting(text) }));
}

export function removeAt(text: string, path: JSONPath): string {
  return applyEdits(text, modify(text, path, undefined, { formattingOptions: detectFormatting(text) }));
}

/** Inserts into an array at index (index = length appends). */
export function insertAt(text: string, arrayPath: JSONPath, index: number, value: unknown): string {
  return applyEdits(text, modify(text, [...arrayPath, index], value, { formattingOptions: detectFormatting(text), isArrayInsertion: true }));
}
