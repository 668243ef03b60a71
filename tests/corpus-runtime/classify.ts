/** Reads one call's outcome as a FortiSOAR server's would be read: what the server would answer (Success,
 * Available, or the connector's own error), a requirement this machine cannot install, or a SIMULATOR FAULT (the
 * simulated framework behaving unlike the server). Anything else is UNEXPLAINED and counted with the faults. */
import type { Expected } from './cases';

export type Verdict = 'ok' | 'fault' | 'requirement' | 'unexplained';

export interface CallOutcome {
  readonly verdict: Verdict;
  /** One line for the table. */
  readonly summary: string;
  /** For a fault or an unexplained outcome: the message and the traceback's last lines. */
  readonly detail?: string;
}

export interface CallFacts {
  readonly kind: 'health' | 'action';
  readonly status: string;
  readonly message: string;
  readonly data?: unknown;
  /** Every log line of the call (the runner logs a failure's traceback at ERROR). */
  readonly logText: string;
  readonly stderr: string;
  /** Requirements that could not be installed (names without versions). */
  readonly missing: readonly string[];
  /** Requests the connector made that no route of its fake vendor answered. */
  readonly unrouted: readonly string[];
}

/** Modules the simulated framework provides: a connector failing to import one is the simulator's fault. */
const FRAMEWORK = /No module named '((?:connectors|django|integrations|cshmac|uwsgi|sealab|cyops)[\w.]*)'/;

/** Failures that are the simulator's by their shape alone, wherever they come from. */
const FAULT_SIGNATURES: readonly { readonly re: RegExp; readonly what: string }[] = [
  { re: FRAMEWORK, what: 'a framework module the server provides is missing from the shims' },
  { re: /KeyError: 'config_id'/, what: "the configuration lacks 'config_id' (the server adds it to every configuration)" },
  { re: /unexpected keyword argument 'env'/, what: "execute's env keyword reached a function that does not take it" },
  { re: /resources\/python\/(shims|runner)[^\n]*\n[^\n]*\n?(?:[\s\S]*?)(TypeError|AttributeError|KeyError|NameError|ValueError)/, what: 'an exception raised inside a shim' },
];

const firstLine = (s: string) => s.split('\n').find((l) => l.trim())?.trim() ?? '';
const clip = (s: string, n = 160) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const tail = (s: string, n: number) => s.trimEnd().split('\n').slice(-n).join('\n');

/** The traceback the runner logged for a failed call, its last lines, after every exception line the call's logs
 * hold (a connector that wraps errors in its own words hides the first cause otherwise). */
function traceback(f: CallFacts): string {
  const at = f.logText.lastIndexOf('Traceback (most recent call last)');
  const raised = [...new Set(f.logText.split('\n').filter((l) => /^[\w.]*(Error|Exception|Exit)\b[^\n]*:/.test(l.trim())).map((l) => l.trim()))];
  const last = at < 0 ? tail(f.stderr, 8) : tail(f.logText.slice(at), 14);
  return raised.length ? `raised: ${raised.join(' | ')}\n${last}` : last;
}

/** A module the connector could not import that belongs to a requirement pip could not install here. */
function missingRequirement(f: CallFacts): string | undefined {
  const text = `${f.message}\n${f.logText}`;
  const module = /No module named '([\w.]+)'/.exec(text)?.[1];
  const norm = (s: string) => s.toLowerCase().replace(/[-_.]/g, '');
  for (const req of f.missing) {
    const name = norm(req);
    if (module && (norm(module.split('.')[0]!) === name || name.includes(norm(module.split('.')[0]!)))) return req;
    // A connector that checks for its library itself says so in its own words ("Unable to find dnstwist library").
    if (new RegExp(`\\b${req.replace(/[-_.]/g, '[-_.]?')}\\b`, 'i').test(f.message)) return req;
  }
  if (module && f.missing.length) return f.missing.join(', '); // import names differ from package names (ioc_finder)
  if (/lib\w+\.so(\.\d+)*: cannot open shared object file/.test(text)) return /(lib\w+\.so(?:\.\d+)*)/.exec(text)?.[1];
  return undefined;
}

export function classify(f: CallFacts, expected: Expected): CallOutcome {
  const passed = f.status === 'Available' || f.status === 'Success';
  const detail = `${clip(f.message, 400)}\n${traceback(f)}`.trim();
  if (passed && (expected.status === 'Available' || expected.status === 'Success')) {
    const problem = expected.check?.(f.data);
    if (!problem) return { verdict: 'ok', summary: f.status };
    return { verdict: 'fault', summary: `${f.status} but the data is wrong: expected ${problem}`, detail: `data: ${clip(JSON.stringify(f.data) ?? 'undefined', 600)}` };
  }
  if (!passed && (expected.status === 'Disconnected' || expected.status === 'Failed') && expected.connectorError.test(f.message))
    return { verdict: 'ok', summary: `connector's own error (${expected.why}): ${clip(firstLine(f.message), 100)}` };
  if (passed) return { verdict: 'unexplained', summary: `${f.status}, expected the connector's error (${'why' in expected ? expected.why : ''})` };
  const req = missingRequirement(f);
  if (req) return { verdict: 'requirement', summary: `not run: requirement not installable here (${req})`, detail };
  const evidence = `${f.message}\n${f.logText}`;
  for (const s of FAULT_SIGNATURES) if (s.re.test(evidence)) return { verdict: 'fault', summary: `SIMULATOR FAULT: ${s.what}: ${clip(firstLine(f.message), 120)}`, detail };
  if (f.unrouted.length) return { verdict: 'unexplained', summary: `the fake vendor has no route for ${f.unrouted.join(', ')}: ${clip(firstLine(f.message), 100)}`, detail };
  return { verdict: 'unexplained', summary: `UNEXPLAINED ${f.status}: ${clip(firstLine(f.message), 140)}`, detail };
}
