/** A TAXII 2.0 server (taxii2-threat-intel-feed/operations.py): discovery at /taxii2/ names the API root by its full
 * URL, the root answers with its TAXII media type, collections under it (the connector appends "/collections/" to a
 * root that ends in "/", so the path has a double slash, as it has against a real server). Shapes: TAXII 2.0
 * specification, sections 4.1, 4.2 and 5.1. */
import type { Route } from '../fake-vendor';

const TAXII = 'application/vnd.oasis.taxii+json; version=2.0';
const basic = `Basic ${Buffer.from('guest:guest').toString('base64')}`;
const denied = { status: 401, json: { title: 'Unauthorized' } };

export const routes: Route[] = [
  {
    method: 'GET',
    path: '/taxii2/',
    reply: (req) =>
      req.headers.authorization === basic
        ? { json: { title: 'Test TAXII Server', default: `https://${req.host}/api1/`, api_roots: [`https://${req.host}/api1/`] }, headers: { 'content-type': TAXII } }
        : denied,
  },
  { method: 'GET', path: '/api1/', reply: (req) => (req.headers.authorization === basic ? { json: { title: 'API root 1', versions: ['taxii-2.0'], max_content_length: 9765625 }, headers: { 'content-type': TAXII } } : denied) },
  {
    method: 'GET',
    path: /^\/api1\/+collections\/$/,
    reply: (req) =>
      req.headers.authorization === basic
        ? {
            json: { collections: [{ id: '91a7b528-80eb-42ed-a74d-c6fbd5a26116', title: 'High Value Indicator Collection', can_read: true, can_write: false, media_types: ['application/vnd.oasis.stix+json; version=2.0'] }] },
            headers: { 'content-type': TAXII },
          }
        : denied,
  },
];
