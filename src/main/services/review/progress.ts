/** The review's checks run side by side; each section is pending until a check that feeds it starts, running
 * until every check that feeds it has finished, then done with its counts. Whoever listens (the UI's panel, the
 * CLI on a terminal) gets every section's state each time one changes. */
import { summarize, type Finding } from '../../../shared/connector/findings';
import type { ReviewProgress, ReviewSectionProgress } from '../../../shared/models/review';
import { SECTION_TITLES, sectionOf } from './sections';
import type { ReviewFinding, SectionId } from './types';

/** One check of the review and the sections its findings can land in (sectionOf decides which). */
export interface ReviewCheck {
  readonly name: string;
  readonly feeds: readonly SectionId[];
  /** Synchronous checks (CPU only) run one after another, each after a turn of the event loop, so progress and
   * child processes are not held up by them. */
  readonly sync?: boolean;
  run(): Promise<readonly ReviewFinding[]> | readonly ReviewFinding[];
}

interface Tracked {
  state: ReviewSectionProgress['state'];
  waiting: number;
  startedAt?: number;
  progress: ReviewSectionProgress;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Runs the checks (asynchronous ones at once, synchronous ones after `gate` resolves, one per turn) and resolves
 * with every finding once all have finished; the first failure rejects, after the others have settled.
 */
export async function runChecks(sections: readonly SectionId[], checks: readonly ReviewCheck[], onProgress?: (p: ReviewProgress) => void, gate: Promise<unknown> = Promise.resolve()): Promise<ReviewFinding[]> {
  const tracked = new Map<SectionId, Tracked>(sections.map((id) => [id, { state: 'pending', waiting: 0, progress: { id, title: SECTION_TITLES[id], state: 'pending' } }]));
  for (const c of checks) for (const id of c.feeds) {
    const t = tracked.get(id);
    if (t) t.waiting++;
  }
  const found: ReviewFinding[] = [];
  const emit = () => onProgress?.({ sections: sections.map((id) => (tracked.get(id) as Tracked).progress) });

  const started = (c: ReviewCheck) => {
    let changed = false;
    for (const id of c.feeds) {
      const t = tracked.get(id);
      if (t?.state !== 'pending') continue;
      Object.assign(t, { state: 'running', startedAt: performance.now() });
      t.progress = { ...t.progress, state: 'running' };
      changed = true;
    }
    if (changed) emit();
  };
  const finished = (c: ReviewCheck, findings: readonly ReviewFinding[]) => {
    found.push(...findings);
    let changed = false;
    for (const id of c.feeds) {
      const t = tracked.get(id);
      if (!t || --t.waiting > 0) continue;
      t.state = 'done';
      const { errors, warnings, infos } = summarize(found.filter((f) => sectionOf(f) === id) as Finding[]);
      t.progress = { ...t.progress, state: 'done', counts: { errors, warnings, infos }, durationMs: Math.round(performance.now() - (t.startedAt ?? performance.now())) };
      changed = true;
    }
    if (changed) emit();
  };
  const runOne = async (c: ReviewCheck) => {
    started(c);
    finished(c, await c.run());
  };

  emit();
  // A section no check feeds has nothing to wait for.
  for (const [id, t] of tracked) if (t.waiting === 0) finished({ name: 'none', feeds: [id], run: () => [] }, []);
  const running = checks.filter((c) => !c.sync).map(runOne);
  const inTurn = (async () => {
    await gate;
    for (const c of checks.filter((x) => x.sync)) {
      await nextTurn();
      await runOne(c);
    }
  })();
  const results = await Promise.allSettled([...running, inTurn]);
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
  return found;
}
