import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { tmpDir } from './tmp';

/** The sample connector gains `attach_report`, which stores a file and attaches it the way the published
 * web-screenshot connector does (make_file_upload_request, then POST /api/3/attachments with the file's @id). */
export async function addAttachAction(connectorDir: string): Promise<void> {
  const infoPath = path.join(connectorDir, 'info.json');
  const info = JSON.parse(await readFile(infoPath, 'utf8'));
  info.operations.push({
    operation: 'attach_report', title: 'Attach Report', description: 'Stores a file and attaches it.', category: 'utilities', annotation: 'attach_report',
    enabled: true, is_config_required: false, output_schema: {},
    parameters: [{ name: 'text', title: 'Text', type: 'text', required: true, editable: true, visible: true }],
  });
  await writeFile(infoPath, JSON.stringify(info, null, 2));
  const opsPath = path.join(connectorDir, 'operations.py');
  const ops = await readFile(opsPath, 'utf8');
  if (!ops.includes('operations = {')) throw new Error(`${opsPath} has no "operations = {" table to extend.`);
  const fn = `from integrations.crudhub import make_request, make_file_upload_request


def attach_report(config, params):
    file_resp = make_file_upload_request('report.txt', params['text'].encode('utf-8'), 'text/plain')
    return make_request('/api/3/attachments', 'POST', {'name': file_resp.get('filename'), 'file': file_resp.get('@id'), 'description': 'test'})


operations = {
    'attach_report': attach_report,`;
  await writeFile(opsPath, ops.replace('operations = {', fn));
}

/** A copy of a project folder outside the workspace: a second project, opened as a folder from elsewhere. */
export async function copyElsewhere(projectRoot: string): Promise<string> {
  const dir = path.join(await tmpDir('cs-second-'), path.basename(projectRoot));
  await cp(projectRoot, dir, { recursive: true });
  return dir;
}
