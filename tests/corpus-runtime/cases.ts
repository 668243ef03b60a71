/** What the corpus harness runs for each connector of tests/fixtures/runnable: a test configuration pointing at its
 * fake vendor (vendors/<name>.ts), the action and its parameters, and what a FortiSOAR server would answer. An
 * expected failure is the connector's own error, for a reason a real server gives too, and says why. */
import type { Route } from './fake-vendor';
import { routes as cisaAdvisory } from './vendors/cisa-advisory';
import { routes as fortiddos } from './vendors/fortinet-fortiddos';
import { routes as gitGuardian } from './vendors/git-guardian';
import { routes as microsoftGraph } from './vendors/microsoft-graph';
import { routes as cortexXdr } from './vendors/paloalto-cortex-xdr';
import { routes as qradar } from './vendors/qradar';
import { routes as sap } from './vendors/sap-cloud-identity-directory-service';
import { routes as sekoia } from './vendors/sekoia-io-xdr';
import { routes as sonicwall } from './vendors/sonicwall-firewall';
import { routes as taxii2 } from './vendors/taxii2-threat-intel-feed';
import { routes as virustotal } from './vendors/virustotal-premium';
import { routes as zscaler } from './vendors/zscaler-internet-access';
import type { Substitutes } from './venvs';

export interface Vendor {
  /** http://127.0.0.1:<port> */
  readonly http: string;
  /** https://127.0.0.1:<port> (self-signed; verify_ssl false in the configurations) */
  readonly https: string;
}

/** What a case's prepare step may use. */
export interface Workspace {
  /** A temp folder of this run under /tmp (connectors such as cicd-utils insist on /tmp paths). */
  readonly tmp: string;
  /** The interpreter the connector runs with (its venv's). */
  readonly python: string[];
  /** Puts a file in the simulated platform's file store; answers its IRI. */
  seedFile(filename: string, content: Buffer): Promise<string>;
  /** Runs a Python script with the connector's interpreter (to make a workbook, a zip...). */
  runPython(script: string, args?: string[]): Promise<void>;
}

export type Expected =
  | { readonly status: 'Available' | 'Success'; readonly check?: (data: unknown) => string | undefined }
  | { readonly status: 'Disconnected' | 'Failed'; readonly connectorError: RegExp; readonly why: string };

export interface ActionCase {
  readonly operation: string;
  /** What time did to the configuration record before this call (a token that expired), and the label saying so. */
  readonly later?: { readonly label: string; readonly config: Record<string, unknown> };
  readonly params: (prepared: Record<string, string>) => Record<string, unknown>;
  readonly expect: Expected;
}

export interface CorpusCase {
  readonly name: string;
  readonly routes?: readonly Route[];
  /** The vendor host is fixed in the connector's code: HTTPS goes through the fake vendor as a proxy. */
  readonly viaProxy?: boolean;
  readonly config: (v: Vendor, prepared: Record<string, string>) => Record<string, unknown>;
  readonly health: Expected;
  readonly actions: readonly ActionCase[];
  /** Files and programs the configuration or the action needs; its answers fill `prepared`. */
  readonly prepare?: (w: Workspace) => Promise<Record<string, string>>;
  readonly substitutes?: Substitutes;
}

const isObject = (d: unknown): d is Record<string, unknown> => typeof d === 'object' && d !== null && !Array.isArray(d);
const needs = (cond: boolean, what: string) => (cond ? undefined : what);

/** A 1x1 PNG: what the fake Chrome "screenshots". */
const PNG_1x1 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

export const CASES: readonly CorpusCase[] = [
  {
    name: 'anomali-limo-threat-intel-feed',
    config: (v) => ({ server_url: v.https, username: 'guest', password: 'guest', verify_ssl: false }),
    health: { status: 'Available' },
    actions: [{ operation: 'get_api_root_information', params: () => ({}), expect: { status: 'Success' } }],
  },
  {
    name: 'cicd-utils',
    // A zip as FortiSOAR's export makes it; unzip_export_template takes a path under /tmp.
    prepare: async (w) => {
      const zip = `${w.tmp}/export.zip`;
      await w.runPython(
        'import sys, zipfile\nwith zipfile.ZipFile(sys.argv[1], "w") as z:\n    z.writestr("export/records/export_templates/template.json", "{}")\n    z.writestr("export/info.json", "{\\"version\\": \\"7.5.0\\"}")\n',
        [zip],
      );
      return { zip };
    },
    config: () => ({}),
    health: { status: 'Available' },
    actions: [
      {
        operation: 'unzip_export_template',
        params: (p) => ({ filepath: p.zip }),
        expect: { status: 'Success', check: (d) => needs(isObject(d) && Array.isArray(d.filenames) && d.filenames.length === 2, 'two unzipped file names') },
      },
    ],
  },
  {
    name: 'cisa-advisory',
    routes: cisaAdvisory,
    substitutes: { bs4: { use: 'beautifulsoup4', why: 'bs4 on PyPI is a stand-in that installs beautifulsoup4; this index holds only the latter' } },
    config: (v) => ({ prodYumRepoURL: v.http }),
    health: { status: 'Available' },
    actions: [
      {
        operation: 'get_advisory_by_year',
        params: () => ({ advisory_type: 'ICS Advisory', year: 2024 }),
        expect: { status: 'Success', check: (d) => needs(Array.isArray(d) && (d[0] as { id?: string }).id === 'ICSA-24-030-02', 'the advisories, newest first') },
      },
    ],
  },
  {
    name: 'dnstwist',
    config: () => ({}),
    health: { status: 'Available' },
    actions: [{ operation: 'search', params: () => ({ domain: 'example.com' }), expect: { status: 'Success' } }],
  },
  {
    name: 'excel-tools',
    prepare: async (w) => {
      const file = `${w.tmp}/book.xlsx`;
      await w.runPython('import sys, openpyxl\nb = openpyxl.Workbook()\nb.active.title = "Users"\nb.active.append(["name", "role"])\nb.active.append(["jdoe", "analyst"])\nb.create_sheet("Hosts")\nb.save(sys.argv[1])\n', [file]);
      const { readFile } = await import('node:fs/promises');
      return { iri: await w.seedFile('book.xlsx', await readFile(file)) };
    },
    config: () => ({}),
    health: { status: 'Available' },
    actions: [
      {
        operation: 'list_sheets',
        params: (p) => ({ file_iri: p.iri }),
        expect: { status: 'Success', check: (d) => needs(JSON.stringify(d) === '["Users","Hosts"]', 'the sheet names ["Users","Hosts"]') },
      },
      {
        // upload_file_to_cyops(..., create_attachment=True): the server answers the Attachment record (output_schema:
        // @context, @id, @type, id, uuid, name, file {@id, ...}).
        operation: 'update_cell',
        params: (p) => ({ file_iri: p.iri, sheet_name: 'Users', cell_id: 'B2', cell_value: 'lead' }),
        expect: {
          status: 'Success',
          check: (d) => {
            const r = isObject(d) && isObject(d.response) ? d.response : {};
            const file = isObject(r.file) ? r.file : {};
            const ok = isObject(d) && String(d.fileIRI).startsWith('/api/3/files/') && r['@type'] === 'Attachment' && String(r['@id']).startsWith('/api/3/attachments/')
              && typeof r['@context'] === 'string' && r.id !== undefined && typeof r.uuid === 'string' && file['@id'] === d.fileIRI;
            return needs(ok, 'fileIRI and the Attachment record with @context, @id, @type, id, uuid and file.@id');
          },
        },
      },
    ],
  },
  {
    name: 'file-content-extraction',
    prepare: async (w) => ({ iri: await w.seedFile('report.txt', Buffer.from('Beacon to 203.0.113.7 and evil.example.com\n')) }),
    config: () => ({}),
    health: { status: 'Available' },
    actions: [{ operation: 'extract_indicators', params: (p) => ({ file_iri: p.iri }), expect: { status: 'Success' } }],
  },
  {
    name: 'fortinet-fortiddos',
    routes: fortiddos,
    // "http://..." would become "https://http://..." (utils.py prefixes https:// unless the URL starts with both
    // "http" and "https"): the address is given as the server does, https.
    config: (v) => ({ server_address: v.https, username: 'admin', password: 'test-password', verify_ssl: false }),
    health: { status: 'Available' },
    actions: [
      {
        operation: 'get_system_settings',
        params: () => ({ primary_resource_name: 'System', resource_name: 'Settings' }),
        expect: { status: 'Success', check: (d) => needs(isObject(d) && d.hostname === 'FI-1500G', 'the sysglobal settings') },
      },
    ],
  },
  {
    name: 'fortinet-fortimanager-json-rpc',
    config: (v) => ({ address: v.https.replace('https://', ''), username: 'admin', password: 'test-password', verify_ssl: false, debug_connection: false, verbose_json: false }),
    health: { status: 'Available' },
    actions: [{ operation: 'json_rpc_get', params: () => ({ url: '/sys/status' }), expect: { status: 'Success' } }],
  },
  {
    name: 'git-guardian',
    routes: gitGuardian,
    viaProxy: true,
    config: () => ({ api_key: 'test-api-key', verify_ssl: false }),
    health: { status: 'Available' },
    actions: [
      {
        operation: 'retrieve_a_secret_incident',
        params: () => ({ incident_id: 3759 }),
        expect: { status: 'Success', check: (d) => needs(isObject(d) && d.id === 3759 && d.severity === 'high', 'incident 3759') },
      },
    ],
  },
  {
    name: 'json-convert',
    config: () => ({}),
    health: { status: 'Available' },
    actions: [{ operation: 'get_parser_list', params: () => ({}), expect: { status: 'Success' } }],
  },
  {
    name: 'kafka',
    // No broker here: the connector's own "no brokers available" is what a server with this configuration answers.
    config: () => ({ host: '127.0.0.1', port: '9' }),
    health: { status: 'Disconnected', connectorError: /NoBrokersAvailable|broker/i, why: 'no Kafka broker listens on 127.0.0.1:9' },
    actions: [{ operation: 'topic_list', params: () => ({}), expect: { status: 'Failed', connectorError: /NoBrokersAvailable|broker/i, why: 'no Kafka broker listens on 127.0.0.1:9' } }],
  },
  {
    name: 'microsoft-graph',
    routes: microsoftGraph,
    viaProxy: true,
    config: (v) => ({
      auth_type: 'Without a User - Application Permission', resource: v.https, tenant: 'test-tenant', client_id: 'test-client', client_secret: 'test-secret', verify_ssl: false,
    }),
    health: { status: 'Available' },
    actions: [
      {
        operation: 'get_groups',
        params: () => ({}),
        expect: { status: 'Success', check: (d) => needs(isObject(d) && Array.isArray(d.value), 'the groups (value: [...])') },
      },
    ],
  },
  {
    name: 'odbc',
    // The database is SQLite through the Debian ODBC driver (apt: unixodbc libsqliteodbc; pyodbc needs libodbc.so.2
    // from the system, as on a FortiSOAR server where the administrator installs the driver). Without them the
    // table says which library is missing.
    prepare: async (w) => {
      const db = `${w.tmp}/soc.db`;
      await w.runPython('import sqlite3, sys\nc = sqlite3.connect(sys.argv[1])\nc.execute("create table hosts (name text, ip text)")\nc.execute("insert into hosts values (\'web-1\', \'10.0.0.5\')")\nc.commit()\n', [db]);
      return { db };
    },
    config: (_v, p) => ({ connection_type: 'Connect using a DSN-less connection', username: '', token: '', connection_str: `Driver=SQLite3;Database=${p.db}` }),
    health: { status: 'Available' },
    actions: [
      {
        operation: 'execute_query',
        params: () => ({ query: 'SELECT name, ip FROM hosts' }),
        expect: { status: 'Success', check: (d) => needs(JSON.stringify(d) === '[{"name":"web-1","ip":"10.0.0.5"}]', 'the one row of hosts') },
      },
    ],
  },
  {
    name: 'paloalto-cortex-xdr',
    routes: cortexXdr,
    config: (v) => ({ server_url: v.http, authentication_type: 'Standard Key', api_key_id: '7', api_key: 'test-api-key', verify_ssl: false }),
    health: { status: 'Available' },
    actions: [
      {
        operation: 'get_all_endpoints',
        params: () => ({}),
        expect: { status: 'Success', check: (d) => needs(isObject(d) && Array.isArray(d.reply), 'reply: [endpoints]') },
      },
    ],
  },
  {
    name: 'qradar',
    routes: qradar,
    config: (v) => ({ address: v.http, token: 'test-token', api_version: '16.0', verify_ssl: false }),
    health: { status: 'Available' },
    actions: [
      {
        operation: 'get_closing_reasons',
        params: () => ({}),
        expect: { status: 'Success', check: (d) => needs(Array.isArray(d) && d.length === 2, 'two closing reasons') },
      },
    ],
  },
  {
    name: 'sap-cloud-identity-directory-service',
    routes: sap,
    viaProxy: true,
    config: () => ({ tenantID: 'test-tenant', clientID: 'test-client', clientSecret: 'test-secret', verify_ssl: false }),
    health: { status: 'Available' },
    actions: [
      {
        operation: 'get_user_list',
        params: () => ({ count: 10 }),
        expect: { status: 'Success', check: (d) => needs(isObject(d) && Array.isArray(d.Resources) && d.Resources.length === 1, 'one SCIM user') },
      },
    ],
  },
  {
    name: 'sekoia-io-xdr',
    routes: sekoia,
    viaProxy: true,
    config: () => ({ api_key: 'test-api-key', verify_certificate: false, proxy: false }),
    health: { status: 'Available' },
    actions: [
      {
        operation: 'get_alert',
        params: () => ({ alert_uuid: '5d2c3a4e-1b2c-4d5e-8f9a-0b1c2d3e4f5a' }),
        expect: { status: 'Success', check: (d) => needs(isObject(d) && d.short_id === 'ALUnTuhuwQEU', 'the alert') },
      },
    ],
  },
  {
    name: 'sonicwall-firewall',
    routes: sonicwall,
    config: (v) => ({ server_url: v.http, username: 'admin', password: 'test-password', verify_ssl: false }),
    health: { status: 'Available' },
    actions: [
      {
        operation: 'get_address_object_configuration',
        params: () => ({ object_type: 'IPV4', filter_object_by: 'Name', name: 'web-server' }),
        expect: { status: 'Success', check: (d) => needs(isObject(d) && Array.isArray(d.address_objects), 'address_objects') },
      },
    ],
  },
  {
    name: 'taxii2-threat-intel-feed',
    routes: taxii2,
    config: (v) => ({ server_url: v.https, username: 'guest', password: 'guest', verify_ssl: false }),
    health: { status: 'Available' },
    actions: [
      {
        operation: 'get_collections',
        params: () => ({}),
        expect: { status: 'Success', check: (d) => needs(isObject(d) && Array.isArray(d.collections) && d.collections.length === 1, 'one collection') },
      },
    ],
  },
  {
    name: 'virustotal-premium',
    routes: virustotal,
    config: (v) => ({ server_url: v.http, api_key: 'test-api-key', verify_ssl: false }),
    health: { status: 'Available' },
    actions: [
      {
        operation: 'get_ip_reputation',
        params: () => ({ ip: '8.8.8.8' }),
        expect: { status: 'Success', check: (d) => needs(isObject(d) && d.id === '8.8.8.8', 'the IP report') },
      },
    ],
  },
  {
    name: 'web-screenshot',
    // Chrome is the connector's "vendor": a stand-in that writes a PNG where --screenshot='<path>' says.
    prepare: async (w) => {
      const { writeFile, chmod } = await import('node:fs/promises');
      const chrome = `${w.tmp}/fake-chrome`;
      await writeFile(
        chrome,
        `#!/bin/sh\nfor a in "$@"; do case "$a" in --screenshot=*) out="\${a#--screenshot=}";; esac; done\necho '${PNG_1x1}' | base64 -d > "$out"\n`,
      );
      await chmod(chrome, 0o755);
      return { chrome };
    },
    config: (_v, p) => ({ path: p.chrome, width: 1280, height: 800, t_width: 64, t_height: 40 }),
    substitutes: { 'Pillow ~=  8.3.2': { use: 'pillow', why: 'Pillow 8.3 has no wheel for Python 3.11; the nearest on this index' } },
    health: { status: 'Available' },
    actions: [
      {
        operation: 'take_screenshot',
        params: () => ({ url: 'http://127.0.0.1:9/' }),
        expect: {
          status: 'Success',
          check: (d) => needs(isObject(d) && typeof d['@id'] === 'string' && String(d['@id']).startsWith('/api/3/attachments/'), 'the created attachment record (@id /api/3/attachments/...)'),
        },
      },
    ],
  },
  {
    name: 'zscaler-internet-access',
    routes: zscaler,
    config: (v) => ({ server_url: v.http, client_id: 'test-client', client_secret: 'test-secret', token_url: `${v.http}/oauth2/v1/token`, verify_ssl: false }),
    health: { status: 'Available' },
    actions: [
      {
        operation: 'get_firewall_filtering_rules',
        params: () => ({}),
        expect: { status: 'Success', check: (d) => needs(Array.isArray(d) && d.length === 1, 'one firewall rule') },
      },
      {
        // An hour later the saved token has expired: validate_token fetches a new one and saves it with
        // update_connnector_config(..., connector_config['config_id']), the key the server adds to every configuration.
        operation: 'get_firewall_filtering_rules',
        later: { label: 'token expired', config: { expires_in: 1 } },
        params: () => ({}),
        expect: { status: 'Success', check: (d) => needs(Array.isArray(d) && d.length === 1, 'one firewall rule') },
      },
    ],
  },
];
