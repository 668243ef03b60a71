/** pytest's JUnit XML (junit_family=xunit1, which keeps each test's file and line) read back into outcomes. */
import type { TestOutcome } from '../../../shared/models/connector-tests';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescape = (s: string): string =>
  s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, e: string) =>
    e[0] !== '#' ? (ENTITIES[e] ?? all) : String.fromCodePoint(parseInt(e[1] === 'x' || e[1] === 'X' ? e.slice(2) : e.slice(1), e[1] === 'x' || e[1] === 'X' ? 16 : 10)),
  );

function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [, name, value] of tag.matchAll(/([\w:-]+)="([^"]*)"/g)) if (name !== undefined && value !== undefined) out[name] = unescape(value);
  return out;
}

/** pytest's node id from a testcase: `<file>::<class>::<name>` (the class part from classname past the module). */
function nodeId(a: Record<string, string>): string {
  const file = (a.file ?? '').replace(/\\/g, '/');
  const module = file.replace(/\.py$/, '').replace(/\//g, '.');
  const cls = a.classname && module && a.classname.startsWith(`${module}.`) ? a.classname.slice(module.length + 1) : '';
  return [file || a.classname, ...(cls ? cls.split('.') : []), a.name].join('::');
}

export function parseJunit(xml: string): TestOutcome[] {
  const outcomes: TestOutcome[] = [];
  for (const m of xml.matchAll(/<testcase\b([^>]*?)(\/>|>([\s\S]*?)<\/testcase>)/g)) {
    const a = attrs(m[1] ?? '');
    const inner = m[3] ?? '';
    const problem = /<(failure|error|skipped)\b([^>]*?)(?:\/>|>([\s\S]*?)<\/\1>)/.exec(inner);
    const kind = problem?.[1];
    const pa = problem ? attrs(problem[2] ?? '') : {};
    const details = problem?.[3] ? unescape(problem[3]) : undefined;
    outcomes.push({
      id: nodeId(a),
      status: kind === 'skipped' ? 'skipped' : kind ? 'failed' : 'passed',
      durationMs: Math.round(Number(a.time ?? 0) * 1000),
      ...(kind ? { message: ((pa.message ?? details ?? kind).split('\n')[0] ?? '').slice(0, 500) } : {}),
      ...(details && kind !== 'skipped' ? { details } : {}),
      ...(a.line !== undefined && Number.isFinite(Number(a.line)) ? { line: Number(a.line) + 1 } : {}),
    });
  }
  return outcomes;
}
