// @vitest-environment happy-dom
/**
 * Issue 18 item 4: the "changed on disk while you have unsaved changes" banner offers Take theirs, which discards
 * the user's edits, so it may only appear when the disk really differs from both the buffer's base and the buffer.
 * Each case below raised it before: a check whose read predated the user's own save, unsaved edits equal to what is
 * on disk, and a backup written as a save landed (found again on reopen). Real services through the renderer's API
 * client; the buffers are an in-memory EditorHost (test-kit.ts).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { servicesOnSample, type SampleServices } from '../../../../../tests/helpers/services';
import { servicesTransport } from '../../../../../tests/helpers/services-transport';
import { tmpDir } from '../../../../../tests/helpers/tmp';
import { call, initTransport } from '../../api/client';
import { useAppStore } from '../app/store';
import { attachEditorHost, useEditorStore } from './store';
import { findTab, hasDiskChange } from './tabs';
import { memoryHost } from './test-kit';

const FILE = 'sample-threat-intel/connector.py';

let s: SampleServices;
let editor: ReturnType<typeof memoryHost>;
const disk = async () => call('files.read', { projectId: s.projectId, relPath: FILE });
const tab = () => findTab(useEditorStore.getState(), FILE)!;
const backups = async () => (await call('backup.list', {})).filter((b) => b.relPath === FILE);

beforeEach(async () => {
  s = await servicesOnSample(await tmpDir());
  initTransport(servicesTransport(s.services));
  editor = memoryHost();
  attachEditorHost(editor.host);
  useAppStore.setState({ projectId: s.projectId });
  await useEditorStore.getState().openFile(FILE);
});

afterEach(async () => {
  await useEditorStore.getState().flushBackups();
  useEditorStore.getState().reset();
  useAppStore.setState({ projectId: null, toasts: [] });
  await s.services.dispose();
});

describe('the disk-change banner', () => {
  it('is not raised by a check whose read predates the user\'s own save', async () => {
    const real = servicesTransport(s.services);
    let staleRead = true;
    initTransport({
      ...real,
      invoke: async (channel, req) => {
        if (channel === 'files.read' && staleRead) {
          staleRead = false;
          // The check reads the file; before its answer arrives the user saves, and types on while it writes.
          const before = await real.invoke(channel, req);
          await useEditorStore.getState().save();
          return before;
        }
        if (channel === 'files.write') editor.type(FILE, 'mine, and more\n');
        return real.invoke(channel, req);
      },
    });
    editor.type(FILE, 'mine\n');
    await useEditorStore.getState().filesChanged([FILE]);
    initTransport(real);
    const now = await disk();
    expect(now.text).toBe('mine\n');
    expect(tab()).toMatchObject({ etag: now.etag, dirty: true });
    expect(hasDiskChange(tab())).toBe(false);
  });

  it('is not raised when the unsaved edits are what is on disk now: the tab is clean', async () => {
    editor.type(FILE, 'the same text\n');
    const written = await call('files.write', { projectId: s.projectId, relPath: FILE, text: 'the same text\n' });
    await useEditorStore.getState().filesChanged([FILE]);
    expect(hasDiskChange(tab())).toBe(false);
    expect(tab()).toMatchObject({ etag: written.etag, dirty: false, backup: 'none' });
  });

  it('is still raised when the disk really differs from the base and the buffer', async () => {
    editor.type(FILE, 'mine\n');
    const theirs = await call('files.write', { projectId: s.projectId, relPath: FILE, text: 'theirs\n' });
    await useEditorStore.getState().filesChanged([FILE]);
    expect(tab().diskEtag).toBe(theirs.etag);
  });

  it('is not raised on reopen by a backup that holds what is on disk, whatever base it names; that backup goes', async () => {
    const text = (await disk()).text!;
    await call('backup.save', { projectId: s.projectId, relPath: FILE, text, baseEtag: '0000000000000000dead' });
    useEditorStore.getState().reset();
    await useEditorStore.getState().restore();
    expect(tab()).toMatchObject({ dirty: false, backup: 'none' });
    expect(hasDiskChange(tab())).toBe(false);
    await useEditorStore.getState().flushBackups();
    expect(await backups()).toEqual([]);
  });

  it('leaves no backup behind when a save lands while the backup is being written', async () => {
    const real = servicesTransport(s.services);
    initTransport({
      ...real,
      invoke: async (channel, req) => {
        // The backup write is slow: the user saves before it lands.
        if (channel === 'backup.save') await useEditorStore.getState().save();
        return real.invoke(channel, req);
      },
    });
    editor.type(FILE, 'saved while backing up\n');
    await useEditorStore.getState().flushBackups();
    await useEditorStore.getState().flushBackups();
    initTransport(real);
    expect((await disk()).text).toBe('saved while backing up\n');
    expect(tab()).toMatchObject({ dirty: false });
    expect(await backups()).toEqual([]);
  });
});

// Getting Started opens info.json behind itself while the project loads: a file the user opens meanwhile,
// info.json included, must stay in front.
describe('opening a file in the background', () => {
  it('adds the tab behind the active one, and a later open by the user brings it to the front', async () => {
    const info = 'sample-threat-intel/info.json';
    await useEditorStore.getState().openFile(info, undefined, { background: true });
    expect(useEditorStore.getState().active).toBe(FILE);
    expect(useEditorStore.getState().tabs.map((t) => t.relPath)).toEqual([FILE, info]);
    await useEditorStore.getState().openFile(info);
    expect(useEditorStore.getState().active).toBe(info);
    // Already open: a background open changes nothing, the user's front tab included.
    await useEditorStore.getState().openFile(FILE, undefined, { background: true });
    expect(useEditorStore.getState().active).toBe(info);
  });

  it('loads a file once when it is opened twice at the same time, so the shown buffer is never replaced', async () => {
    const info = 'sample-threat-intel/info.json';
    let reads = 0;
    const real = servicesTransport(s.services);
    initTransport({ ...real, invoke: async (channel, req) => ((channel === 'files.read' && reads++), real.invoke(channel, req)) });
    await Promise.all([useEditorStore.getState().openFile(info, undefined, { background: true }), useEditorStore.getState().openFile(info)]);
    expect(reads).toBe(1);
    expect(useEditorStore.getState().active).toBe(info);
    expect(useEditorStore.getState().tabs.filter((t) => t.relPath === info)).toHaveLength(1);
  });
});
