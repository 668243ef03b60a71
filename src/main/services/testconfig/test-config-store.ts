import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { TestConfig, TestConfigInput } from '../../../shared/models/test-config';
import { ServiceError } from '../errors';
import type { SecretStore } from '../secrets/secret-store';
import { writeJsonAtomic } from '../workspace/atomic-write';
import { readJsonFile } from '../workspace/json-file';
import { withPathLock } from '../workspace/path-lock';

type Stored = Omit<TestConfig, 'secretsSet'> & { secretsSet: string[] };
/** Configurations saved before `configId` existed have none on disk: they get one on first use. */
type OnDisk = Omit<Stored, 'configId'> & { configId?: unknown };

const hasConfigId = (c: OnDisk): c is Stored => typeof c.configId === 'string' && c.configId !== '';

/**
 * Test configurations live in the user data folder, never in the project: the project is shared through git
 * and .tgz files. Password values go to the secret store; the stored JSON and the UI only see their names.
 */
export interface TestConfigStore {
  /** The project's configurations, secrets as names only (`secretsSet`). */
  list(projectId: string): Promise<TestConfig[]>;
  /** NOT_FOUND for an unknown id. */
  find(projectId: string, id: string): Promise<TestConfig>;
  /** The full values a connector receives, secrets included: only for the runtime, never for the UI. */
  resolve(projectId: string, id: string): Promise<Record<string, unknown>>;
  /** Creates or (with `input.id`) updates one; the `secretFields` go to the secret store (an empty value keeps the
   * stored secret). `previous`: the configuration before an update. CONFLICT on a taken name. */
  save(projectId: string, input: TestConfigInput, secretFields: Set<string>): Promise<{ saved: TestConfig; previous?: TestConfig }>;
  /** Removes the configuration and its secrets; returns what was removed. */
  remove(projectId: string, id: string): Promise<TestConfig>;
}

export function createTestConfigStore(userDataDir: string, secrets: SecretStore): TestConfigStore {
  const fileOf = (projectId: string) => path.join(userDataDir, 'test-configs', `${projectId}.json`);
  const secretId = (projectId: string, configId: string, field: string) => `testcfg:${projectId}:${configId}:${field}`;
  const readAll = (projectId: string): Promise<OnDisk[]> => readJsonFile<OnDisk[]>(fileOf(projectId), []);

  /** The stored configurations, each with its config_id: one the file lacks is made now and saved, so it stays the
   * same for every later call, as a FortiSOAR configuration's does. */
  async function current(projectId: string): Promise<Stored[]> {
    const all = await readAll(projectId);
    if (all.every(hasConfigId)) return all;
    return serial(projectId, async () => {
      const fresh = await readAll(projectId);
      if (fresh.every(hasConfigId)) return fresh;
      const migrated = fresh.map((c): Stored => (hasConfigId(c) ? c : { ...c, configId: randomUUID() }));
      await writeJsonAtomic(fileOf(projectId), migrated);
      return migrated;
    });
  }

  const notFound = (id: string) => new ServiceError('NOT_FOUND', `No test configuration "${id}". Add one in Test Configuration.`);

  async function list(projectId: string): Promise<TestConfig[]> {
    return current(projectId);
  }

  async function find(projectId: string, id: string): Promise<TestConfig> {
    const found = (await current(projectId)).find((c) => c.id === id);
    if (!found) throw notFound(id);
    return found;
  }

  async function resolve(projectId: string, id: string): Promise<Record<string, unknown>> {
    const cfg = await find(projectId, id);
    const values: Record<string, unknown> = { ...cfg.values };
    for (const field of cfg.secretsSet) values[field] = (await secrets.get(secretId(projectId, id, field))) ?? '';
    return values;
  }

  // Saves and removals rewrite the whole file: one at a time per file, or concurrent saves keep only the last.
  const serial = <T>(projectId: string, fn: () => Promise<T>) => withPathLock(fileOf(projectId), fn);

  const save = (projectId: string, input: TestConfigInput, secretFields: Set<string>) => serial(projectId, () => saveNow(projectId, input, secretFields));

  async function saveNow(projectId: string, input: TestConfigInput, secretFields: Set<string>): Promise<{ saved: TestConfig; previous?: TestConfig }> {
    const all = await readAll(projectId);
    const previous = input.id ? all.find((c) => c.id === input.id) : undefined;
    if (input.id && !previous) throw new ServiceError('NOT_FOUND', `No test configuration "${input.id}" to update.`);
    if (all.some((c) => c.name === input.name && c.id !== input.id)) throw new ServiceError('CONFLICT', `A test configuration named "${input.name}" exists already.`);
    const id = previous?.id ?? randomUUID();
    const configId = previous && hasConfigId(previous) ? previous.configId : randomUUID();
    const values: Record<string, unknown> = {};
    const secretsSet = new Set(previous?.secretsSet ?? []);
    for (const [k, v] of Object.entries(input.values)) {
      if (!secretFields.has(k)) values[k] = v;
      else if (typeof v === 'string' && v !== '') {
        await secrets.set(secretId(projectId, id, k), v);
        secretsSet.add(k);
      }
    }
    const saved: Stored = { id, configId, name: input.name, isDefault: input.isDefault ?? all.length === 0, active: input.active ?? true, values, secretsSet: [...secretsSet].sort() };
    const next = [...all.filter((c) => c.id !== id).map((c) => (saved.isDefault ? { ...c, isDefault: false } : c)), saved];
    await writeJsonAtomic(fileOf(projectId), next);
    return { saved, previous: previous && { ...previous, configId } };
  }

  const remove = (projectId: string, id: string): Promise<TestConfig> =>
    serial(projectId, async () => {
      const all = await readAll(projectId);
      const found = all.find((c) => c.id === id);
      if (!found) throw notFound(id);
      const gone: TestConfig = { ...found, configId: hasConfigId(found) ? found.configId : '' };
      for (const field of gone.secretsSet) await secrets.delete(secretId(projectId, id, field));
      await writeJsonAtomic(fileOf(projectId), all.filter((c) => c.id !== id));
      return gone;
    });

  return { list, find, resolve, save, remove };
}
