/** What the sandbox remembers, in one JSON file under --data written atomically after every change, so
 * installed connectors, configurations and import jobs survive a restart. The file (0600, in a 0700 folder)
 * holds configuration passwords only sealed (secrets-at-rest.ts); a state written before that loads as it is
 * and is sealed by the first write, which loading itself makes. */
import { chmod, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { writeJsonAtomic } from '../services/workspace/atomic-write';
import { readJsonFile } from '../services/workspace/json-file';
import { settled } from '../../shared/settled';
import { passwordFieldNames } from '../../shared/connector/secret-fields';
import { findSecrets, loadOrCreateKey, seal, setAt, unseal, type SecretPath } from './secrets-at-rest';

export interface InstalledConnector {
  id: number;
  uuid: string;
  name: string;
  version: string;
  label: string;
  description: string;
  publisher: string;
  category: string;
  status: 'Completed';
  installed: true;
  active: boolean;
  requirements_installed: 'In-Progress' | 'Completed' | 'Failed';
  install_result: { message: string; output: string };
  operations: Array<Record<string, unknown>>;
  config_schema: { fields: Array<Record<string, unknown>> };
  /** sha256 of the uploaded archive. */
  archive_sha256: string;
  /** The venv interpreter when requirements.txt needed one; else the sandbox's Python. */
  python?: string;
  created: string;
  modified: string;
}

export interface StoredConfiguration {
  id: number;
  config_id: string;
  connector: number;
  connector_name: string;
  connector_version: string;
  name: string;
  default: boolean;
  config: Record<string, unknown>;
  teams: unknown[];
}

export interface StoredImportJob {
  uuid: string;
  status: 'Queued' | 'Running' | 'Import Complete' | 'failed';
  connector: number;
  message: string;
  created: string;
  modified: string;
}

/** A playbook collection as loaded through POST /api/3/workflow_collections: kept as sent (workflows with
 * their steps inline), with the uuids the server gives what came without one. */
export interface StoredWorkflowCollection {
  uuid: string;
  name: string;
  [key: string]: unknown;
  workflows: Array<Record<string, unknown>>;
}

interface StateFile {
  nextId: number;
  connectors: InstalledConnector[];
  configurations: StoredConfiguration[];
  importJobs: StoredImportJob[];
  /** Absent from state files written before playbooks were served. */
  workflowCollections?: StoredWorkflowCollection[];
}

/** A configuration as the file holds it: password values blanked (null) and kept, sealed, in `sealedSecrets`. */
type ConfigurationOnDisk = StoredConfiguration & { sealedSecrets?: string };

const EMPTY: StateFile = { nextId: 1, connectors: [], configurations: [], importJobs: [] };

export class SandboxState {
  private writing: Promise<void> = Promise.resolve();

  private constructor(
    private readonly file: string,
    private readonly key: Buffer,
    private readonly data: StateFile,
  ) {}

  static async load(dataDir: string): Promise<SandboxState> {
    await mkdir(dataDir, { recursive: true, mode: 0o700 });
    if (process.platform !== 'win32') await chmod(dataDir, 0o700);
    const file = path.join(dataDir, 'state.json');
    const keyFile = path.join(dataDir, 'state.key');
    const key = await loadOrCreateKey(keyFile);
    const data = await readJsonFile<StateFile>(file, structuredClone(EMPTY));
    for (const c of data.configurations as ConfigurationOnDisk[]) openSecrets(c, key, keyFile);
    const state = new SandboxState(file, key, data);
    // Work cut short by a restart will never finish: say so rather than leave it "in progress" forever.
    for (const j of data.importJobs) if (j.status === 'Queued' || j.status === 'Running') Object.assign(j, { status: 'failed', message: 'The sandbox restarted during the import.' });
    for (const c of data.connectors)
      if (c.requirements_installed === 'In-Progress') Object.assign(c, { requirements_installed: 'Failed', install_result: { message: 'The sandbox restarted while installing requirements.', output: '' } });
    await state.save();
    return state;
  }

  get connectors(): readonly InstalledConnector[] {
    return this.data.connectors;
  }
  get configurations(): readonly StoredConfiguration[] {
    return this.data.configurations;
  }

  takeId(): number {
    return this.data.nextId++;
  }

  /** Writes are queued so the file always holds one complete, recent state. */
  save(): Promise<void> {
    const snapshot = JSON.parse(JSON.stringify(this.data)) as StateFile;
    for (const c of snapshot.configurations) this.sealSecrets(c);
    // After the previous write, however it ended: its failure went to its own caller.
    this.writing = settled(this.writing).then(() => writeJsonAtomic(this.file, snapshot, 0o600));
    return this.writing;
  }

  /** Blanks the password values of a configuration (a snapshot's copy) and keeps them sealed beside it. */
  private sealSecrets(c: ConfigurationOnDisk): void {
    const secrets = findSecrets(c.config, passwordFieldNames(this.byId(c.connector)?.config_schema));
    if (secrets.length === 0) return;
    for (const [at] of secrets) setAt(c.config, at, null);
    c.sealedSecrets = seal(this.key, secrets, c.config_id);
  }

  find(name: string, version: string): InstalledConnector | undefined {
    return this.data.connectors.find((c) => c.name === name && c.version === version);
  }
  byId(id: number): InstalledConnector | undefined {
    return this.data.connectors.find((c) => c.id === id);
  }
  versionsOf(name: string): InstalledConnector[] {
    return this.data.connectors.filter((c) => c.name === name);
  }

  putConnector(c: InstalledConnector): void {
    const i = this.data.connectors.findIndex((x) => x.id === c.id);
    if (i === -1) this.data.connectors.push(c);
    else this.data.connectors[i] = c;
  }
  removeConnector(id: number): void {
    this.data.connectors = this.data.connectors.filter((c) => c.id !== id);
    this.data.configurations = this.data.configurations.filter((c) => c.connector !== id);
  }

  configsOf(connectorId: number): StoredConfiguration[] {
    return this.data.configurations.filter((c) => c.connector === connectorId);
  }
  putConfiguration(c: StoredConfiguration): void {
    if (c.default) for (const other of this.configsOf(c.connector)) if (other.id !== c.id) other.default = false;
    const i = this.data.configurations.findIndex((x) => x.id === c.id);
    if (i === -1) this.data.configurations.push(c);
    else this.data.configurations[i] = c;
  }
  removeConfiguration(configId: string): StoredConfiguration | undefined {
    const found = this.data.configurations.find((c) => c.config_id === configId);
    this.data.configurations = this.data.configurations.filter((c) => c !== found);
    return found;
  }

  get workflowCollections(): readonly StoredWorkflowCollection[] {
    return this.data.workflowCollections ?? [];
  }
  putWorkflowCollection(c: StoredWorkflowCollection): void {
    this.data.workflowCollections = [...this.workflowCollections.filter((x) => x.uuid !== c.uuid), c];
  }
  removeWorkflowCollection(uuid: string): boolean {
    const before = this.workflowCollections.length;
    this.data.workflowCollections = this.workflowCollections.filter((x) => x.uuid !== uuid);
    return this.data.workflowCollections.length !== before;
  }

  /** Upgrades carry configurations to the version being installed by field name (reference/connector-format.md,
   * "Upgrades between versions"): every configuration of another version of `target.name` moves to `target`,
   * keeping only the values of fields `target` still declares (all of them when it declares none), so a
   * rollback that installs the previous version again brings them back the same way. A name `target` already
   * has stays where it is. Returns how many moved. */
  moveConfigurationsTo(target: InstalledConnector): number {
    const fieldNames = new Set(target.config_schema.fields.map((f) => f.name).filter((n): n is string => typeof n === 'string'));
    const own = this.configsOf(target.id);
    const taken = new Set(own.map((c) => c.name));
    let hasDefault = own.some((c) => c.default);
    const others = new Set(this.versionsOf(target.name).filter((c) => c.id !== target.id).map((c) => c.id));
    let moved = 0;
    for (const c of this.data.configurations) {
      if (!others.has(c.connector) || taken.has(c.name)) continue;
      const config = fieldNames.size === 0 ? c.config : Object.fromEntries(Object.entries(c.config).filter(([k]) => fieldNames.has(k)));
      // One default per connector: the target's own default wins, else the first that moves keeps its flag.
      const isDefault = c.default && !hasDefault;
      hasDefault ||= isDefault;
      Object.assign(c, { connector: target.id, connector_version: target.version, config, default: isDefault });
      taken.add(c.name);
      moved++;
    }
    return moved;
  }

  job(uuid: string): StoredImportJob | undefined {
    return this.data.importJobs.find((j) => j.uuid === uuid);
  }
  putJob(j: StoredImportJob): void {
    this.data.importJobs = [...this.data.importJobs.filter((x) => x.uuid !== j.uuid), j].slice(-200);
  }
}

/** Puts a configuration's sealed password values back in place (in memory only). */
function openSecrets(c: ConfigurationOnDisk, key: Buffer, keyFile: string): void {
  if (c.sealedSecrets === undefined) return;
  let secrets: Array<[SecretPath, unknown]>;
  try {
    secrets = unseal(key, c.sealedSecrets, c.config_id) as Array<[SecretPath, unknown]>;
  } catch (e) {
    throw new Error(
      `The passwords of configuration "${c.name}" in state.json cannot be opened with ${keyFile} (${(e as Error).message}): the key is not the one they were sealed with. Put the original state.key back, or delete state.json to start the sandbox afresh.`,
      { cause: e },
    );
  }
  for (const [at, value] of secrets) setAt(c.config, at, value);
  delete c.sealedSecrets;
}
