import type { PublishProgress, PublishStage } from '../../../../shared/models/publish';

/** The steps a publish shows, in order; `configure` belongs to the health check. */
export const STEPS = ['preflight', 'upload', 'import', 'requirements', 'verify', 'health', 'smoke', 'cleanup', 'rollback'] as const;
export type PublishStep = (typeof STEPS)[number];
export type StepStatus = 'pending' | 'active' | 'done' | 'skipped' | 'failed';

export const STEP_LABELS: Record<PublishStep, string> = {
  preflight: 'Pre-flight checks',
  upload: 'Upload',
  import: 'Import job',
  requirements: 'Requirements install',
  verify: 'Verify what the server installed',
  health: 'Remote health check',
  smoke: 'Smoke actions on the server',
  cleanup: 'Remove other versions',
  rollback: 'Roll back',
};

export interface ProgressState {
  readonly steps: Record<PublishStep, StepStatus>;
  readonly message: string;
  readonly upload?: { readonly sent: number; readonly total: number };
}

export const initialProgress = (): ProgressState => ({ steps: Object.fromEntries(STEPS.map((s) => [s, 'pending'])) as Record<PublishStep, StepStatus>, message: '' });

const stepOf = (stage: PublishStage): PublishStep | null => (stage === 'configure' ? 'health' : stage === 'impact' ? 'preflight' : stage === 'done' ? null : stage);

/** One progress event: the steps before it are done (or were skipped), it is the active one. */
export function applyProgress(state: ProgressState, p: PublishProgress): ProgressState {
  const step = stepOf(p.stage);
  const upload = p.stage === 'upload' && p.total ? { sent: p.sent ?? 0, total: p.total } : state.upload;
  if (!step) return finishProgress({ ...state, message: p.message, upload }, true);
  const at = STEPS.indexOf(step);
  const steps = { ...state.steps };
  STEPS.forEach((s, i) => {
    if (i < at && steps[s] === 'pending') steps[s] = 'skipped';
    else if (i < at && steps[s] === 'active') steps[s] = 'done';
  });
  steps[step] = 'active';
  return { steps, message: p.message, upload };
}

/** The end: the active step is done (or failed); after success the steps never reached were skipped, after a
 * failure they stay pending (not run). */
export function finishProgress(state: ProgressState, ok: boolean): ProgressState {
  const steps = { ...state.steps };
  for (const s of STEPS) if (steps[s] === 'active') steps[s] = ok ? 'done' : 'failed';
  if (ok) for (const s of STEPS) if (steps[s] === 'pending') steps[s] = 'skipped';
  return { ...state, steps };
}

export const uploadPercent = (s: ProgressState) => (s.upload && s.upload.total ? Math.round((s.upload.sent / s.upload.total) * 100) : undefined);
