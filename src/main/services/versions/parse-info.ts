import type { InfoJson } from '../../../shared/connector/info-json';
import { ServiceError } from '../errors';

/** info.json text to an object, with the place it came from in the message when it is not one. */
export function parseInfoText(text: string, where: string): InfoJson {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new ServiceError('VALIDATION', `${where} is not valid JSON: ${(e as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ServiceError('VALIDATION', `${where} is not a JSON object.`);
  return value as InfoJson;
}
