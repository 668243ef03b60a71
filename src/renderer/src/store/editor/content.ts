import type { FileContent } from '../../../../shared/models/workspace';
import { imageMimeOf, languageFor } from './languages';
import type { Tab } from './tabs';

/** The tab a file read from disk becomes: a Monaco text tab, an image preview, or a notice for other binaries. */
export function tabFromContent(c: FileContent): Tab {
  const base = { relPath: c.relPath, etag: c.etag, dirty: false, readOnly: c.readOnly, backup: 'none' as const, ...(c.notice ? { notice: c.notice } : {}) };
  if (!c.binary) return { ...base, kind: 'text', language: languageFor(c.relPath) };
  const mime = imageMimeOf(c.relPath);
  if (mime && c.base64 !== undefined) return { ...base, kind: 'image', language: 'image', imageSrc: `data:${mime};base64,${c.base64}` };
  return { ...base, kind: 'binary', language: 'binary', notice: c.notice ?? 'This is a binary file; it cannot be shown in the editor.' };
}
