/** The one rule checked before any other: info.json must exist and parse. The engine reports it itself. */
import type { RuleMeta } from '../rule';

export const infoJsonParse: RuleMeta = {
  id: 'info-json-parse',
  severity: 'error',
  family: 'document',
  title: 'info.json exists and is a JSON object',
  description: 'The server import refuses a package whose info.json is missing or is not UTF-8 JSON.',
};
