/** docs: a connector folder or .tgz -> its documentation in Markdown or HTML. */
import path from 'node:path';
import { readInfoJson } from '../../../shared/connector/engine';
import type { InfoJson } from '../../../shared/connector/info-json';
import { PLAYBOOKS_JSON } from '../../../shared/connector/snapshot';
import { ServiceError } from '../errors';
import { listPlaybooks } from '../../../shared/connector/playbooks';
import { withConnector, type OpenedConnector } from '../review/open-connector';
import { buildConnectorDoc, type ConnectorDoc, type PlaybookDoc } from './doc-model';
import { renderHtml } from './html';
import { renderMarkdown } from './markdown';

export type DocsFormat = 'markdown' | 'html';

export interface DocsService {
  /** The documentation model (for a renderer-side preview). */
  model(absPath: string): Promise<ConnectorDoc>;
  generate(absPath: string, format: DocsFormat): Promise<string>;
}

/** The format an output file name asks for: .html/.htm -> HTML, anything else Markdown. */
export const formatForFile = (file: string): DocsFormat => (/\.html?$/i.test(file) ? 'html' : 'markdown');

/** The large icon (docs show it at 80 px), else the small one, as a data URL. */
async function icon(c: OpenedConnector, info: InfoJson): Promise<{ iconPath?: string; iconDataUrl?: string }> {
  for (const key of ['icon_large_name', 'icon_small_name'] as const) {
    const name = info[key];
    if (typeof name !== 'string' || name.trim() === '') continue;
    const rel = `images/${name}`;
    const image = c.snapshot.images[rel];
    const bytes = image && !('error' in image) ? await c.readBytes(rel) : undefined;
    if (bytes && image && !('error' in image)) return { iconPath: rel, iconDataUrl: `data:image/${image.format};base64,${bytes.toString('base64')}` };
  }
  return {};
}

function playbooks(c: OpenedConnector): PlaybookDoc[] {
  const list = listPlaybooks(c.snapshot.files[PLAYBOOKS_JSON]);
  return list.state === 'ok' ? list.playbooks.map(({ collection, name, description, tags, active }) => ({ collection, name, description, tags, active })) : [];
}

async function model(absPath: string): Promise<ConnectorDoc> {
  return withConnector(path.resolve(absPath), async (c) => {
    const read = readInfoJson(c.snapshot);
    if (c.infoJsonError || !read.ok) throw new ServiceError('VALIDATION', c.infoJsonError ?? (read.ok ? '' : read.finding.message));
    return buildConnectorDoc({ info: read.info, ...(await icon(c, read.info)), releaseNotes: await c.readText('release_notes.md'), playbooks: playbooks(c) });
  });
}

export function createDocsService(): DocsService {
  return {
    model,
    generate: async (absPath, format) => {
      const doc = await model(absPath);
      return format === 'html' ? renderHtml(doc) : renderMarkdown(doc);
    },
  };
}
