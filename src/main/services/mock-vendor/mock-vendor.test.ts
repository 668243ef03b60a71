import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../../tests/helpers/tmp';
import { startMockVendor } from './index';

const FIXTURES = path.join(REPO_ROOT, 'tests', 'fixtures', 'api-descriptions');

const PETS = `openapi: 3.0.3
info: { title: Pets, version: "1" }
servers: [{ url: "https://pets.example.com/api/v2" }]
components:
  securitySchemes:
    key: { type: apiKey, in: header, name: X-Key }
  schemas:
    Pet:
      type: object
      properties:
        id: { type: integer }
        name: { type: string }
        tags: { type: array, items: { type: string } }
paths:
  /pets:
    get:
      operationId: listPets
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: { type: array, items: { $ref: "#/components/schemas/Pet" } }
  /pets/{petId}:
    get:
      operationId: getPet
      parameters: [{ name: petId, in: path, required: true, schema: { type: string } }]
      responses:
        "200":
          description: ok
          content:
            application/json:
              example: { id: 7, name: Rex }
    delete:
      operationId: deletePet
      parameters: [{ name: petId, in: path, required: true, schema: { type: string } }]
      responses: { "204": { description: gone } }
  /pets/mine:
    get:
      operationId: myPets
      responses: { "200": { description: no schema } }
`;

describe('mock vendor', () => {
  it('answers from examples, from schemas, with {} when neither, under the base path and without it', async () => {
    const mock = await startMockVendor({ descriptionText: PETS });
    try {
      expect(mock.url).toBe(`http://127.0.0.1:${mock.port}/api/v2`);
      const get = async (p: string, init?: RequestInit) => {
        const r = await fetch(`${mock.url}${p}`, init);
        return { status: r.status, body: r.status === 204 ? undefined : await r.json() };
      };
      expect(await get('/pets', { headers: { 'X-Key': 'anything' } })).toEqual({ status: 200, body: [{ id: 1, name: 'name', tags: ['tags'] }] });
      expect(await get('/pets/42')).toEqual({ status: 200, body: { id: 7, name: 'Rex' } });
      expect(await get('/pets/mine')).toEqual({ status: 200, body: {} });
      expect((await get('/pets/42', { method: 'DELETE' })).status).toBe(204);
      const missing = await get('/nothing');
      expect(missing.status).toBe(404);
      expect(String((missing.body as { message: string }).message)).toContain('GET /nothing');
      const bare = await fetch(`http://127.0.0.1:${mock.port}/pets/1`);
      expect(await bare.json()).toEqual({ id: 7, name: 'Rex' });
      expect(mock.seen.map((s) => s.operation)).toEqual(['list_pets', 'get_pet', 'my_pets', 'delete_pet', undefined, 'get_pet']);
    } finally {
      await mock.close();
    }
  });

  it('serves a vendor-written description (Tenable, swagger "3.0") read from its file', async () => {
    const mock = await startMockVendor({ descriptionPath: path.join(FIXTURES, 'tenable-platform.openapi.yaml') });
    try {
      const r = await fetch(`${mock.url}/groups`, { headers: { 'X-ApiKeys': 'accessKey=a;secretKey=b' } });
      expect(r.status).toBe(200);
      expect(await r.json()).toEqual({});
    } finally {
      await mock.close();
    }
  });

  it('serves a Postman collection from its saved responses and hands out OAuth2 tokens', async () => {
    const collection = {
      info: { name: 'Tiny', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
      item: [
        {
          name: 'List Things',
          request: { method: 'GET', url: { raw: 'https://{{hostname}}/things/:id', host: ['{{hostname}}'], path: ['things', ':id'] } },
          response: [{ name: 'ok', code: 200, status: 'OK', body: '{"things": [{"id": 1}]}' }],
        },
      ],
    };
    const mock = await startMockVendor({ descriptionText: JSON.stringify(collection) });
    try {
      const things = await fetch(`${mock.url}/things/5`);
      expect(await things.json()).toEqual({ things: [{ id: 1 }] });
      const token = await fetch(`${mock.url}/oauth2/token`, { method: 'POST', body: 'grant_type=client_credentials' });
      expect(((await token.json()) as { access_token: string }).access_token).toBeTruthy();
    } finally {
      await mock.close();
    }
  });

  it('serves the 103 requests of a real collection (Kenna) with {} where it saved no response', async () => {
    const mock = await startMockVendor({ descriptionText: await readFile(path.join(FIXTURES, 'kenna.postman_collection.json'), 'utf8') });
    try {
      const assets = await fetch(`${mock.url}/assets/12/tags`);
      expect(assets.status).toBe(200);
      expect(await assets.json()).toEqual({});
    } finally {
      await mock.close();
    }
  });
});
