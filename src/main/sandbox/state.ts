/** What the sandbox remembers, in one JSON file under --data written atomically after every change, so
 * installed connectors, configurations and import jobs survive a restart. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeJsonAtomic } from '../services/workspace/atomic-write';

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

interface StateFile {
  nextId: number;
  connectors: InstalledConnector[];
  configurations: StoredConfiguration[];
  importJobs: StoredImportJob[];
}

const EMPTY: StateFile = { nextId: 1, connectors: [], configurations: [], importJobs: [] };

export class SandboxState {
  private writing: Promise<void> = Promise.resolve();

  private constructor(
    private readonly file: string,
    private readonly data: StateFile,
  ) {}

  static async load(dataDir: string): Promise<SandboxState> {
    const file = path.join(dataDir, 'state.json');
    const data = await readFile(file, 'utf8').then((t) => JSON.parse(t) as StateFile, () => structuredClone(EMPTY));
    const state = new SandboxState(file, data);
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
    this.writing = this.writing.catch(() => undefined).then(() => writeJsonAtomic(this.file, snapshot));
    return this.writing;
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

  job(uuid: string): StoredImportJob | undefined {
    return this.data.importJobs.find((j) => j.uuid === uuid);
  }
  putJob(j: StoredImportJob): void {
    this.data.importJobs = [...this.data.importJobs.filter((x) => x.uuid !== j.uuid), j].slice(-200);
  }
}
