// apiimport.picker_ms: a large API description (1,200 operations with parameters and response schemas, about
// 3 MB of JSON) chosen in the wizard's "Start from an API description", until the operation picker has rendered,
// as the picker measures it (data-picker-ms: from asking for the preview to the first render). Target under 2 s.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, emit, median, openFreshApp, startHost, tmp } from './lib.mjs';

const RUNS = 3;
const PATHS = 600;

/** A synthetic OpenAPI 3 document shaped like a large vendor API: tags, path and query parameters, $refs. */
function largeDescription() {
  const schemas = {};
  const paths = {};
  for (let i = 0; i < PATHS; i++) {
    const name = `Resource${i}`;
    schemas[name] = {
      type: 'object',
      description: `A resource of kind ${i}.`,
      properties: Object.fromEntries(Array.from({ length: 25 }, (_, k) => [`field_${k}`, { type: k % 3 ? 'string' : 'integer', description: `Field ${k} of the resource.` }])),
    };
    const tag = `Area ${i % 40}`;
    const params = [
      { name: 'limit', in: 'query', schema: { type: 'integer', default: 50 }, description: 'The maximum number of records to return.' },
      { name: 'state', in: 'query', schema: { type: 'string', enum: ['open', 'closed', 'all'] }, description: 'Only records in this state are returned.' },
    ];
    paths[`/v1/area${i % 40}/resources${i}`] = {
      get: { tags: [tag], operationId: `list_resources_${i}`, summary: `List resources ${i}`, description: `Lists the resources of kind ${i}.`, parameters: params,
        responses: { 200: { description: 'ok', content: { 'application/json': { schema: { type: 'array', items: { $ref: `#/components/schemas/${name}` } } } } } } },
      post: { tags: [tag], operationId: `create_resource_${i}`, summary: `Create resource ${i}`,
        requestBody: { content: { 'application/json': { schema: { $ref: `#/components/schemas/${name}` } } } },
        responses: { 201: { description: 'created', content: { 'application/json': { schema: { $ref: `#/components/schemas/${name}` } } } } } },
    };
  }
  return { openapi: '3.0.3', info: { title: 'Large Vendor API', version: '1.0' }, servers: [{ url: 'https://api.example.com' }],
    components: { schemas, securitySchemes: { key: { type: 'apiKey', in: 'header', name: 'X-Api-Key' } } }, paths };
}

export async function benchApiImport() {
  const file = path.join(tmp('cs-bench-api-'), 'large-vendor.openapi.json');
  const text = JSON.stringify(largeDescription(), null, 1);
  writeFileSync(file, text);
  const host = await startHost();
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const samples = [];
    for (let i = 0; i < RUNS; i++) {
      const { context, page } = await openFreshApp(browser, host);
      await page.getByTestId('new-connector').click();
      await page.getByTestId('wz-from-description').click();
      await page.getByTestId('api-file').setInputFiles(file);
      const picker = page.locator('[data-testid="api-picker"][data-picker-ms]');
      await picker.waitFor({ timeout: 60_000 });
      samples.push(Number(await picker.getAttribute('data-picker-ms')));
      await context.close();
    }
    emit('apiimport.picker_ms', median(samples), 'ms', {
      note: `${PATHS * 2} operations, ${(Buffer.byteLength(text) / 1024 / 1024).toFixed(1)} MB of OpenAPI JSON, median of ${RUNS} fresh tabs; target under 2000 ms`,
      samples,
    });
  } finally {
    await browser.close();
    host.stop();
  }
}
