// review.cli_ms: `connector-studio review` of a connector fresh from a template (threat-intelligence), as a
// user runs it. review.ui_ms: the review the UI asks for (review.run through the browser host, the way the
// Review panel sends it), with the project's language server already started.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { ROOT, emit, median, startHost, tmp } from './lib.mjs';

const TEMPLATE = 'threat-intelligence';
const NAME = 'bench-intel';

function newProject(dir, env = process.env) {
  execFileSync(process.execPath, [path.join(ROOT, 'out/cli/index.js'), 'new', NAME, '--template', TEMPLATE, '--dir', dir], { stdio: 'ignore', env });
  return path.join(dir, `connector-${NAME}`);
}

function timedReview(target, env) {
  const t = performance.now();
  try {
    execFileSync(process.execPath, [path.join(ROOT, 'out/cli/index.js'), 'review', target, '--json'], { stdio: 'ignore', env });
  } catch (e) {
    if (e.status !== 1) throw e; // 1: findings that fail the review; still a whole review
  }
  return performance.now() - t;
}

/** A browser's session on the bench host, as the launch link gives it; then channel requests with it. */
async function session(url) {
  const res = await fetch(url, { redirect: 'manual' });
  const cookie = res.headers.get('set-cookie')?.split(';')[0];
  if (!cookie) throw new Error(`The launch link gave no session (HTTP ${res.status}).`);
  const origin = new URL(url).origin;
  return async (channel, body) => {
    const r = await fetch(`${origin}/rpc/${channel}`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const answer = await r.json();
    if (!answer.ok) throw new Error(`${channel}: ${answer.error?.message ?? r.status}`);
    return answer.value;
  };
}

export async function benchReview() {
  const work = tmp('cs-bench-review-');
  const env = { ...process.env, FSOAR_USER_DATA_DIR: path.join(work, 'user') };
  try {
    const project = newProject(work, env);
    const runs = 3;
    const cli = [];
    for (let i = 0; i < runs; i++) cli.push(timedReview(project, env));
    emit('review.cli_ms', median(cli), 'ms', { note: `connector-studio review of a new ${TEMPLATE} connector (median of ${runs}, pyright and ruff included); target under 3000` });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }

  const host = await startHost(async (workspace) => void newProject(workspace));
  try {
    const rpc = await session(host.url);
    const [project] = await rpc('projects.list', {});
    if (!project) throw new Error('The bench workspace shows no project.');
    await rpc('lsp.start', { projectId: project.id });
    // "Already running" means the server has checked the project, as after a while in the editor: the first
    // review waits for that check (and is reported as such), the timed ones follow it.
    const t0 = performance.now();
    await rpc('review.run', { projectId: project.id });
    const first = performance.now() - t0;
    const ui = [];
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      await rpc('review.run', { projectId: project.id });
      ui.push(performance.now() - t);
    }
    emit('review.ui_ms', median(ui), 'ms', {
      note: `review.run through the browser host once the started language server has checked the project (median of 3, no cache: every run reads, validates, lints and scans the files again and asks pyright for each file's diagnostics); target under 2000`,
      firstAfterStartMs: first,
    });
  } finally {
    host.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchReview();
