// @vitest-environment happy-dom
/**
 * The editor store's save, conflict and disk-change flows against the real services (files, backups, router)
 * through the renderer's own API client. Monaco does not run in Node, so the buffers are the small in-memory
 * EditorHost of test-kit.ts: the port the store uses in the window, with text equality standing in for Monaco's
 * version ids.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { servicesOnSample, type SampleServices } from '../../../../../tests/helpers/services';
import { servicesTransport } from '../../../../../tests/helpers/services-transport';
import { tmpDir } from '../../../../../tests/helpers/tmp';
import { call, initTransport } from '../../api/client';
import { useAppStore } from '../app/store';
import { useDialogsStore } from '../dialogs/store';
import { attachEditorHost, useEditorStore } from './store';
import { findTab } from './tabs';
import { memoryHost } from './test-kit';

const FILE = 'sample-threat-intel/connector.py';

/** Answers the next dialog the store asks with `choice`; resolves its title. */
function answerNextDialog(choice: string): Promise<string> {
  return new Promise((resolve) => {
    const off = useDialogsStore.subscribe((s) => {
      if (!s.current) return;
      off();
      const { title } = s.current.spec as { title: string };
      useDialogsStore.getState().settle(choice);
      resolve(title);
    });
  });
}

let s: SampleServices;
let editor: ReturnType<typeof memoryHost>;

const disk = async () => call('files.read', { projectId: s.projectId, relPath: FILE });
/** Another window (or tool) saves the file: a write without an etag. */
const writeElsewhere = (text: string) => call('files.write', { projectId: s.projectId, relPath: FILE, text });
const tab = () => findTab(useEditorStore.getState(), FILE)!;
const backedUp = async () => (await call('backup.list', {})).some((b) => b.relPath === FILE);

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

describe('the editor store saving a file', () => {
  it('writes the buffer over the version it was read from; the tab is clean and its crash backup gone', async () => {
    const original = (await disk()).text!;
    expect(tab()).toMatchObject({ dirty: false, etag: (await disk()).etag, backup: 'none' });

    editor.type(FILE, `${original}# mine\n`);
    expect(tab()).toMatchObject({ dirty: true, backup: 'pending' });
    await useEditorStore.getState().flushBackups();
    expect(await backedUp()).toBe(true);

    await expect(useEditorStore.getState().save()).resolves.toBe(true);
    const after = await disk();
    expect(after.text).toBe(`${original}# mine\n`);
    expect(tab()).toMatchObject({ dirty: false, etag: after.etag, backup: 'none' });
    await useEditorStore.getState().flushBackups();
    expect(await backedUp()).toBe(false);
  });

  it('asks when the file changed elsewhere since it was read; Overwrite writes the buffer', async () => {
    editor.type(FILE, 'mine\n');
    await writeElsewhere('theirs\n');
    const asked = answerNextDialog('overwrite');

    await expect(useEditorStore.getState().save()).resolves.toBe(true);
    expect(await asked).toBe('The file changed on disk');
    const after = await disk();
    expect(after.text).toBe('mine\n');
    expect(tab()).toMatchObject({ dirty: false, etag: after.etag });
  });

  it('Take theirs replaces the buffer with the version on disk and leaves the disk alone', async () => {
    editor.type(FILE, 'mine\n');
    await writeElsewhere('theirs\n');
    void answerNextDialog('theirs');

    await expect(useEditorStore.getState().save()).resolves.toBe(false);
    const after = await disk();
    expect(after.text).toBe('theirs\n');
    expect(editor.host.text(FILE)).toBe('theirs\n');
    expect(tab()).toMatchObject({ dirty: false, etag: after.etag, backup: 'none' });
  });

  it('Cancel keeps the unsaved buffer and the other version on disk', async () => {
    editor.type(FILE, 'mine\n');
    const theirs = await writeElsewhere('theirs\n');
    void answerNextDialog('cancel');

    await expect(useEditorStore.getState().save()).resolves.toBe(false);
    expect((await disk()).text).toBe('theirs\n');
    expect(editor.host.text(FILE)).toBe('mine\n');
    expect(tab().dirty).toBe(true);
    expect(tab().etag).not.toBe(theirs.etag);
  });

  it('typing while the write is under way leaves the tab dirty, based on the version just written', async () => {
    const real = servicesTransport(s.services);
    initTransport({
      ...real,
      invoke: (channel, req) => {
        if (channel === 'files.write') editor.type(FILE, 'second\n');
        return real.invoke(channel, req);
      },
    });
    editor.type(FILE, 'first\n');

    await expect(useEditorStore.getState().save()).resolves.toBe(true);
    const after = await disk();
    expect(after.text).toBe('first\n');
    expect(tab()).toMatchObject({ dirty: true, etag: after.etag });

    initTransport(real);
    await expect(useEditorStore.getState().save()).resolves.toBe(true);
    expect((await disk()).text).toBe('second\n');
  });

  it('a change on disk under unsaved edits is held for the user; Keep mine makes the next save overwrite without asking', async () => {
    editor.type(FILE, 'mine\n');
    const theirs = await writeElsewhere('theirs\n');

    await useEditorStore.getState().filesChanged([FILE]);
    expect(tab().diskEtag).toBe(theirs.etag);
    expect(editor.host.text(FILE)).toBe('mine\n');

    useEditorStore.getState().keepMine(FILE);
    expect(tab()).toMatchObject({ etag: theirs.etag, dirty: true });
    expect(tab().diskEtag).toBeUndefined();
    await expect(useEditorStore.getState().save()).resolves.toBe(true);
    expect(useDialogsStore.getState().current).toBeNull();
    expect((await disk()).text).toBe('mine\n');
  });

  it('a change on disk under a clean buffer is taken in at once', async () => {
    const theirs = await writeElsewhere('theirs\n');
    await useEditorStore.getState().filesChanged([FILE]);
    expect(editor.host.text(FILE)).toBe('theirs\n');
    expect(tab()).toMatchObject({ dirty: false, etag: theirs.etag });
  });
});
