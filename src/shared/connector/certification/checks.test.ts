import { describe, expect, it } from 'vitest';
import { certificationCatalogue, certificationFindings, type CertificationInput } from './checks';
import { ciCopyrightBlock } from './ci-lists';
import { correctedText, createProseChecker } from './prose';

const YEAR = 2026;
const WORDS = new Set('the a an of to and or is in on for by it its this that with from as returns retrieves reputation address lookup look up name domain value values enter which whose action connector acme intel threat indicators indicator api key server url connects data each checks known malicious addresses used tells you'.split(' '));
/** A tiny dictionary: what matters here is which words it does not know. */
const prose = createProseChecker({ correct: (w) => WORDS.has(w.toLowerCase()) }, ['retrohunt']);

type Json = Record<string, unknown>;

function baseInfo(): Json {
  return {
    name: 'acme-intel',
    label: 'Acme Intel',
    version: '1.0.0',
    description: 'Connects to Acme Intel and retrieves the reputation of indicators.',
    publisher: 'Acme',
    cs_approved: false,
    category: 'Threat Intelligence',
    icon_small_name: 'small.png',
    icon_large_name: 'large.png',
    help_online: 'https://github.com/fortinet-fortisoar/connector-acme-intel',
    configuration: {
      fields: [{ name: 'server_url', title: 'Server URL', type: 'text', description: 'The server URL the connector connects to.', required: true, visible: true, editable: true }],
    },
    operations: [
      {
        operation: 'get_reputation',
        title: 'Get Reputation',
        description: 'Retrieves the reputation of an indicator, which tells whose data is malicious.',
        category: 'investigation',
        output_schema: { value: '' },
        parameters: [
          {
            name: 'mode',
            title: 'Mode',
            type: 'select',
            options: ['address', 'domain'],
            description: 'Which indicator to look up: an address or a domain name.',
            onchange: { address: [{ name: 'value', title: 'Value', type: 'text', description: 'The address to look up in the data.' }] },
          },
        ],
      },
      { operation: 'execute_api_request', title: 'Execute an API Request', description: 'Checks the API with the values you enter, returns the data.', category: 'miscellaneous', parameters: [] },
    ],
  };
}

function input(edit?: (info: Json) => void, extra: Partial<CertificationInput> = {}): CertificationInput {
  const info = baseInfo();
  edit?.(info);
  return {
    infoText: JSON.stringify(info),
    folderName: 'acme-intel',
    pythonFiles: { 'connector.py': `${ciCopyrightBlock(YEAR)}\nimport os\n`, '../tests/test_acme.py': `${ciCopyrightBlock(YEAR)}\n` },
    year: YEAR,
    prose,
    ...extra,
  };
}

const ops = (i: Json) => i.operations as Json[];
const op0 = (i: Json) => ops(i)[0] as Json;
const param0 = (i: Json) => (op0(i).parameters as Json[])[0] as Json;
const field0 = (i: Json) => ((i.configuration as Json).fields as Json[])[0] as Json;

/** One failing input per rule: the CI's call, then ours. */
const FAILS: Record<string, CertificationInput> = {
  'cert-info-json': { ...input(), infoText: '{ "name": ' },
  'cert-copyright-block': input(undefined, { pythonFiles: { 'utils.py': ciCopyrightBlock(YEAR - 1) } }),
  'cert-connector-name': input((i) => (i.name = 'acme')),
  'cert-connector-label': input((i) => delete i.label),
  'cert-connector-version': input((i) => (i.version = '0.9.0')),
  'cert-connector-publisher': input((i) => (i.publisher = '')),
  'cert-certified-publisher': input((i) => (i.cs_approved = true)),
  'cert-connector-category': input((i) => (i.category = ['Threat Intelligence', 'Threat intel'])),
  'cert-connector-logo': input((i) => (i.icon_large_name = '')),
  'cert-connector-description': input((i) => delete i.description),
  'cert-description-short': input((i) => (op0(i).description = 'Gets it.')),
  'cert-docs-link': input((i) => (i.help_online = 'https://acme.example/docs')),
  'cert-docs-link-missing': input((i) => delete i.help_online),
  'cert-operation-name': input((i) => delete op0(i).operation),
  'cert-operation-title': input((i) => (op0(i).title = '')),
  'cert-operation-category': input((i) => (op0(i).category = 'query')),
  'cert-operation-description': input((i) => delete op0(i).description),
  'cert-description-language': input((i) => (param0(i).description = 'Which indicater to look up: an address or a a domain name.')),
  'cert-output-schema-required': input((i) => ((i.cs_approved = true), (i.publisher = 'Fortinet'), (op0(i).output_schema = {}))),
  'cert-output-schema-missing': input((i) => (op0(i).output_schema = [])),
  'cert-parameter-name': input((i) => delete field0(i).name),
  'cert-parameter-title': input((i) => delete param0(i).title),
  'cert-parameter-type': input((i) => (param0(i).type = 'numeric')),
  'cert-parameter-description': input((i) => delete field0(i).description),
  'cert-nested-parameters': input((i) => (param0(i).onchange = { address: [], ip: [] })),
};

describe('certification checks', () => {
  it('the base connector passes every check', () => {
    expect(certificationFindings(input())).toEqual([]);
  });

  it('every rule of the catalogue has a failing case here', () => {
    expect(Object.keys(FAILS).sort()).toEqual(certificationCatalogue.map((r) => r.id).sort());
  });

  for (const meta of certificationCatalogue)
    it(`${meta.id} (${meta.ciCheck}) fires with its severity, source and CI method`, () => {
      const found = certificationFindings(FAILS[meta.id]!).filter((f) => f.rule === meta.id);
      expect(found.length).toBeGreaterThan(0);
      for (const f of found) {
        expect(f).toMatchObject({ source: 'certification', severity: meta.severity });
        expect(meta.ciCheck.split(', ')).toContain(f.ciCheck);
        expect(f.message.length).toBeGreaterThan(20);
      }
    });

  it('counts like the CI: one failure per Python file, wherever it is in the repository', () => {
    const files = { 'connector.py': 'import os\n', 'operations.py': ciCopyrightBlock(YEAR).replace('MIT License', 'Apache License'), '../setup.py': '' };
    const found = certificationFindings(input(undefined, { pythonFiles: files })).filter((f) => f.rule === 'cert-copyright-block');
    expect(found.map((f) => f.path)).toEqual(['../setup.py', 'connector.py', 'operations.py']);
    expect(found.map((f) => f.message)).toEqual([
      expect.stringMatching(/no copyright block/),
      expect.stringMatching(/no copyright block/),
      expect.stringMatching(/does not say MIT License/),
    ]);
  });

  it('accepts the block anywhere in the file and with CRLF line ends, as Python text mode reads it', () => {
    const crlf = `#!/usr/bin/env python\r\n${ciCopyrightBlock(YEAR).replace(/\n/g, '\r\n')}\r\n`;
    expect(certificationFindings(input(undefined, { pythonFiles: { 'connector.py': crlf } }))).toEqual([]);
  });

  it('names the holder and the year when they are what is wrong', () => {
    const own = ciCopyrightBlock(YEAR).replace('Fortinet Inc', 'Acme Corp');
    const old = ciCopyrightBlock(2023);
    const [a, b] = certificationFindings(input(undefined, { pythonFiles: { 'a.py': own, 'b.py': old } }));
    expect(a?.message).toMatch(/holder is 'Acme Corp'/);
    expect(b?.message).toMatch(/copyright year is 2023/);
    expect(a?.fix).toContain(ciCopyrightBlock(YEAR));
  });

  it('exempts operations titled as API-call actions from the output-schema check, and reads conditional and api schemas first', () => {
    const run = (edit: (i: Json) => void) => certificationFindings(input(edit)).filter((f) => f.ciCheck === 'verify_operation_output_schema');
    expect(run(() => undefined)).toEqual([]); // ops[1] is "Execute an API Request" without a schema
    expect(run((i) => (op0(i).conditional_output_schema = []))).toEqual([expect.objectContaining({ pointer: '/operations/0/conditional_output_schema' })]);
    expect(run((i) => ((op0(i).api_output_schema = 'get_schema'), (op0(i).output_schema = {})))).toEqual([]);
    expect(run((i) => (ops(i)[1]!.title = 'execute an api request'))).toHaveLength(1); // the CI's match is case-sensitive
  });

  it('checks fields inside onchange branches and configuration fields like parameters', () => {
    const found = certificationFindings(input((i) => {
      delete ((param0(i).onchange as Json).address as Json[])[0]!.description;
      field0(i).type = 'label';
    }));
    expect(found.map((f) => `${f.rule} ${f.pointer}`)).toEqual([
      'cert-parameter-type /configuration/fields/0/type',
      'cert-parameter-description /operations/0/parameters/0/onchange/address/0/description',
    ]);
  });

  it('a null help_online stops the CI: an error', () => {
    expect(certificationFindings(input((i) => (i.help_online = null)))).toEqual([expect.objectContaining({ rule: 'cert-docs-link', severity: 'error' })]);
  });

  it('the language finding gives the corrected description', () => {
    const [f] = certificationFindings(FAILS['cert-description-language']!);
    expect(f?.message).toMatch(/'indicater' is not in the dictionary|'indicater' may be misspelled/);
    expect(f?.message).toMatch(/'a a' repeats a word/);
    expect(f?.fix).toBe('Change it to: Which indicator to look up: an address or a domain name.');
  });
});

describe('the prose check', () => {
  const dictionary = new Set('the a an user id of to is and or enter value values for example ip address look up this that server list objects ok'.split(' '));
  const check = createProseChecker({ correct: (w) => dictionary.has(w.toLowerCase()) }, ['retrohunt', 'detection']);
  const kinds = (text: string) => check.check(text).map((i) => `${i.kind}:${text.slice(i.from, i.to)}`);

  it('leaves code-like words, acronyms, numbers, domains and backticked text alone', () => {
    expect(kinds('Enter the IP address, for example 10.0.0.1 or example.com, the `user_id value`, ipAddress, SHA256, e.g. JSON.')).toEqual([]);
  });

  it('spells against the dictionary and the vocabulary, plurals included', () => {
    expect(kinds('Look up retrohunts and detections and the serverz.')).toEqual(['spelling:serverz']);
  });

  it('finds a repeated word, a wrong article, a lower-case sentence start and stray spaces', () => {
    expect(kinds('enter the the value. an value is  a address , ok')).toEqual([
      'sentence-start:e',
      'repeated-word:the the',
      'sentence-start:a',
      'article:an',
      'whitespace:  ',
      'article:a',
      'punctuation-space: ,',
    ]);
  });

  it('corrects what it can, one edit away', () => {
    const text = 'Enter teh value';
    expect(correctedText(text, check.check(text))).toBe('Enter the value');
  });
});
