import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { create } from 'tar';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { baseSnapshot, snapshotFile, type MutableSnapshot } from '../../../../tests/fixtures/rules/base';
import { rawTgz } from '../../../../tests/helpers/raw-tar';
import { jpegBytes, pngBytes, writeConnector } from '../../../../tests/helpers/write-connector';
import { imageInfo } from '../../../shared/connector/image-header';
import { checkAnswers, type WizardAnswers } from '../../../shared/connector/wizard';
import { createValidateService } from './validate-service';

/* eslint-disable @typescript-eslint/no-explicit-any */
let work: string;
const service = createValidateService();

beforeEach(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'validate-service-test-'));
});
afterEach(() => rm(work, { recursive: true, force: true }));

function edited(fn: (info: any) => void, more?: (s: MutableSnapshot) => void): MutableSnapshot {
  const s = baseSnapshot();
  const info = JSON.parse(snapshotFile(s, 'info.json'));
  fn(info);
  s.files['info.json'] = JSON.stringify(info, null, 2);
  more?.(s);
  return s;
}

describe('validateFolder', () => {
  it('reports a clean connector with its name and version', async () => {
    const dir = await writeConnector(work, baseSnapshot());
    expect(await service.validateFolder(dir)).toEqual({ connector: 'acme-intel', version: '1.0.0', findings: [], summary: { errors: 0, warnings: 0, infos: 0 } });
  });

  it('reads real icon sizes from PNG and JPEG files', async () => {
    const dir = await writeConnector(work, edited((i) => (i.icon_large_name = 'large.jpg')));
    await writeFile(path.join(dir, 'images/large.jpg'), jpegBytes(100, 60));
    await writeFile(path.join(dir, 'images/small.png'), pngBytes(32, 32));
    const report = await service.validateFolder(dir);
    expect(report.findings).toMatchObject([{ rule: 'icon-size', pointer: '/icon_large_name', message: expect.stringContaining('100x60') }]);
  });

  it('reads a logo the way the wizard does: a JPEG with fill bytes and a PNG without IHDR get one verdict', async () => {
    // 0xFF fill bytes before SOF0 are legal; the wizard once refused this logo while validation read it.
    const jpegWithFill = Buffer.from([0xff, 0xd8, 0xff, 0xff, 0xff, 0xc0, 0, 11, 8, 0, 80, 0, 80, 3, 0, 0, 0, 0]);
    // IDAT where IHDR belongs; the wizard once read a size from it while validation refused it.
    const pngWithoutIhdr = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x44, 0x41, 0x54, 0, 0, 0, 32, 0, 0, 0, 32]);
    const dir = await writeConnector(work, edited((i) => (i.icon_large_name = 'large.jpg')));
    await writeFile(path.join(dir, 'images/large.jpg'), jpegWithFill);
    await writeFile(path.join(dir, 'images/small.png'), pngWithoutIhdr);
    const report = await service.validateFolder(dir);
    expect(report.findings).toMatchObject([{ rule: 'icon-format', pointer: '/icon_small_name', message: expect.stringContaining('without an IHDR') }]);
    const logoOnlyAnswers = { name: 'acme', label: 'Acme', version: '1.0.0', description: 'd', publisher: 'p', category: 'Threat Intelligence', configuration: [], actions: [] };
    const wizard = (bytes: Buffer) => checkAnswers({ ...logoOnlyAnswers, icons: { small: bytes.toString('base64') } } as unknown as WizardAnswers).filter((i) => i.field === 'icons/small');
    expect(wizard(jpegWithFill)).toMatchObject([{ severity: 'info', message: expect.stringContaining('80x80') }]);
    expect(wizard(pngWithoutIhdr)).toMatchObject([{ severity: 'error' }]);
  });

  it('finds the connector folder inside a project root', async () => {
    const root = path.join(work, 'connector-acme-intel');
    await writeConnector(root, baseSnapshot());
    await writeFile(path.join(root, 'README.md'), '# Acme');
    expect((await service.validateFolder(root)).connector).toBe('acme-intel');
  });

  it('refuses a folder that is not a connector or holds several', async () => {
    await expect(service.validateFolder(work)).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('not a connector') });
    await writeConnector(work, baseSnapshot());
    await writeConnector(work, { ...baseSnapshot(), folderName: 'other' });
    await expect(service.validateFolder(work)).rejects.toThrow(/several connectors \(acme-intel, other\)/);
    await expect(service.validateFolder(path.join(work, 'nope'))).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('reports info.json that is not UTF-8', async () => {
    const dir = await writeConnector(work, baseSnapshot());
    await writeFile(path.join(dir, 'info.json'), Buffer.from([0x7b, 0xff, 0xfe, 0x7d]));
    const report = await service.validateFolder(dir);
    expect(report.findings).toMatchObject([{ rule: 'info-json-parse', severity: 'error', message: expect.stringContaining('UTF-8') }]);
  });

  it('adds schema findings only where no rule already reports', async () => {
    const dir = await writeConnector(work, edited((i) => ((i.tags = 'threat'), (i.version = 1), (i.operations[0].parameters[0].required = 'yes'))));
    const { findings } = await service.validateFolder(dir);
    expect(findings.map((f) => [f.source, f.rule, f.pointer])).toEqual([
      ['rules', 'field-flags-boolean', '/operations/0/parameters/0/required'],
      ['schema', 'schema-type', '/tags'],
      ['rules', 'version-format', '/version'],
    ]);
    expect(findings[1]).toMatchObject({ severity: 'warning', message: expect.stringContaining('/tags must be array') });
  });

  it('does not read Python with metadataOnly, and skips caches and tests', async () => {
    const dir = await writeConnector(work, baseSnapshot());
    await mkdir(path.join(dir, '__pycache__'));
    await mkdir(path.join(dir, 'tests'));
    await writeFile(path.join(dir, '__pycache__/x.py'), 'import os\n');
    await writeFile(path.join(dir, 'tests/test_x.py'), 'import os\n');
    expect((await service.validateFolder(dir)).findings).toEqual([]);
    await rm(path.join(dir, 'connector.py'));
    expect((await service.validateFolder(dir)).summary.errors).toBe(1);
    expect((await service.validateFolder(dir, { metadataOnly: true })).findings).toEqual([]);
  });
});

describe('validateTgz and validatePath', () => {
  it('validates an archive like the folder it came from and cleans up', async () => {
    await writeConnector(work, edited((i) => (i.version = '0.1.0')));
    const tgz = path.join(work, 'acme-intel.tgz');
    await create({ gzip: true, file: tgz, cwd: work, portable: true }, ['acme-intel']);
    const fromTgz = await service.validateTgz(tgz);
    expect(fromTgz).toEqual(await service.validateFolder(path.join(work, 'acme-intel')));
    expect(fromTgz.findings.map((f) => f.rule)).toEqual(['version-certification']);
    expect(await service.validatePath(tgz)).toEqual(fromTgz);
  });

  it('checks an archive as the server sees it: a stray tests/info.json is a second info.json', async () => {
    const dir = await writeConnector(work, baseSnapshot());
    await mkdir(path.join(dir, 'tests'));
    await writeFile(path.join(dir, 'tests/info.json'), '{}');
    expect((await service.validateFolder(dir)).findings).toEqual([]);
    const tgz = path.join(work, 'acme-intel.tgz');
    await create({ gzip: true, file: tgz, cwd: work }, ['acme-intel']);
    expect((await service.validateTgz(tgz)).findings).toMatchObject([{ rule: 'single-info-json', severity: 'error', path: 'tests/info.json' }]);
  });

  it('refuses hostile or broken archives', async () => {
    const evil = path.join(work, 'evil.tgz');
    await writeFile(evil, rawTgz([{ name: 'acme/' }, { name: 'acme/../../evil', data: 'x' }]));
    await expect(service.validatePath(evil)).rejects.toMatchObject({ code: 'PACKAGING' });
    await writeFile(evil, 'garbage');
    await expect(service.validatePath(evil)).rejects.toThrow(/not a gzip/);
    await expect(service.validatePath(path.join(work, 'missing.tgz'))).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('imageInfo', () => {
  it('reads PNG and JPEG sizes from headers and explains other files', () => {
    expect(imageInfo(pngBytes(32, 16))).toEqual({ format: 'png', width: 32, height: 16 });
    expect(imageInfo(jpegBytes(80, 40))).toEqual({ format: 'jpeg', width: 80, height: 40 });
    expect(imageInfo(Buffer.from('<svg/>'))).toEqual({ error: 'not a PNG or JPEG file' });
    expect(imageInfo(jpegBytes(8, 8).subarray(0, 30))).toMatchObject({ error: expect.stringContaining('JPEG') });
  });
});
