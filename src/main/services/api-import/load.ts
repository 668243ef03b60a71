/** One entry for every kind of description: guesses the kind from the text (or takes the one given), reads it,
 * and names what it cannot read. */
import type { ApiDescription, ApiDescriptionSource } from '../../../shared/models/api-import';
import { ServiceError } from '../errors';
import { looksLikeOpenApi, readOpenApi } from './openapi';
import { looksLikePostman, readPostman } from './postman';
import { looksLikeCurl, readCurl } from './curl';
import { parseStructured } from './source-text';

/** Descriptions larger than this are refused before parsing: a picker that never opens helps no one. */
export const MAX_DESCRIPTION_BYTES = 32 * 1024 * 1024;

export async function loadDescription(source: ApiDescriptionSource): Promise<ApiDescription> {
  const fileName = source.fileName ?? 'the description';
  if (Buffer.byteLength(source.text) > MAX_DESCRIPTION_BYTES)
    throw new ServiceError('TOO_LARGE', `${fileName} is larger than ${MAX_DESCRIPTION_BYTES / 1024 / 1024} MB: split it or remove unused paths.`);
  if (!source.text.trim()) throw new ServiceError('VALIDATION', `${fileName} is empty: give an OpenAPI or Swagger document, a Postman collection or cURL commands.`);
  if (source.kind === 'curl' || (source.kind === undefined && looksLikeCurl(source.text))) return readCurl(source.text, fileName);
  const doc = parseStructured(source.text, fileName);
  if (source.kind === 'postman' || (source.kind === undefined && looksLikePostman(doc))) return readPostman(doc, fileName);
  if (source.kind === 'openapi' || (source.kind === undefined && looksLikeOpenApi(doc))) return readOpenApi(doc, fileName);
  throw new ServiceError(
    'VALIDATION',
    `${fileName} is neither an OpenAPI/Swagger document (no "openapi" or "swagger" and "paths") nor a Postman collection (no "info" and "item"): check that it is the API description.`,
  );
}
