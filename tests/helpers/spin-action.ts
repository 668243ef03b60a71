import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** The connector gains `spin`, an action that never returns (a loop counting its turns): what a user pauses to see
 * where a hung action is. Added after the connector's other functions, so their line numbers stay. */
export async function addSpinAction(connectorDir: string): Promise<void> {
  const infoPath = path.join(connectorDir, 'info.json');
  const info = JSON.parse(await readFile(infoPath, 'utf8'));
  info.operations.push({
    operation: 'spin', title: 'Spin Forever', description: 'Never returns.', category: 'utilities', annotation: 'spin',
    enabled: true, is_config_required: false, output_schema: {}, parameters: [],
  });
  await writeFile(infoPath, JSON.stringify(info, null, 2));
  const opsPath = path.join(connectorDir, 'operations.py');
  const ops = await readFile(opsPath, 'utf8');
  if (!ops.includes('operations = {')) throw new Error(`${opsPath} has no "operations = {" table to extend.`);
  await writeFile(opsPath, ops.replace('operations = {', "def spin(config, params):\n    turns = 0\n    while True:\n        turns += 1\n\n\noperations = {\n    'spin': spin,"));
}
