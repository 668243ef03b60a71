/** Reads a description's text as JSON or YAML; a syntax error names its line, as the parser reported it. */
import YAML from 'yaml';
import { jsonErrorPosition } from '../../../shared/connector/text-position';
import { ServiceError } from '../errors';

/** "file: line N", or just the file when the parser named no line. */
const where = (fileName: string, line: number | undefined) => (line === undefined ? fileName : `${fileName}: line ${line}`);

/** JSON first (fast for megabyte descriptions), YAML for the rest. */
export function parseStructured(text: string, fileName: string): unknown {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return JSON.parse(text) as unknown;
    } catch (e) {
      const message = (e as Error).message;
      const line = jsonErrorPosition(text, message)?.line;
      throw new ServiceError('VALIDATION', `${where(fileName, line)}: ${message}. Fix the JSON and try again.`, { line });
    }
  }
  try {
    return YAML.parse(text, { maxAliasCount: 1000, uniqueKeys: false }) as unknown;
  } catch (e) {
    const err = e as Error & { linePos?: Array<{ line: number; col: number }> };
    const line = err.linePos?.[0]?.line;
    const first = err.message.split('\n')[0];
    throw new ServiceError('VALIDATION', `${where(fileName, line)}: ${first}. Fix the YAML and try again.`, { line });
  }
}
