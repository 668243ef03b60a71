import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** The sample connector gains `echo_text`, which needs no configuration and returns its one parameter. */
export async function addEchoAction(connectorDir: string): Promise<void> {
  const infoPath = path.join(connectorDir, 'info.json');
  const info = JSON.parse(await readFile(infoPath, 'utf8'));
  info.operations.push({
    operation: 'echo_text', title: 'Echo Text', description: 'Returns its text.', category: 'utilities', annotation: 'echo_text',
    enabled: true, is_config_required: false, output_schema: { text: '' },
    parameters: [{ name: 'text', title: 'Text', type: 'text', required: true, editable: true, visible: true }],
  });
  await writeFile(infoPath, JSON.stringify(info, null, 2));
  const opsPath = path.join(connectorDir, 'operations.py');
  const ops = await readFile(opsPath, 'utf8');
  if (!ops.includes('operations = {')) throw new Error(`${opsPath} has no "operations = {" table to extend.`);
  await writeFile(opsPath, ops.replace('operations = {', "def echo_text(config, params):\n    return {'text': params['text']}\n\n\noperations = {\n    'echo_text': echo_text,"));
}
