import { describe, expect, it } from 'vitest';
import type { PublishProgress } from '../../../../shared/models/publish';
import { applyProgress, finishProgress, initialProgress, uploadPercent } from './progress';

const run = (events: PublishProgress[]) => events.reduce(applyProgress, initialProgress());

describe('publish progress', () => {
  it('marks earlier steps done, skips the ones the server did not need, and tracks the upload', () => {
    const s = run([
      { stage: 'preflight', message: 'Checking' },
      { stage: 'upload', message: 'Uploading', sent: 0, total: 200 },
      { stage: 'upload', message: 'Uploading', sent: 150, total: 200 },
      { stage: 'requirements', message: 'Waiting for requirements.txt' },
    ]);
    expect(s.steps).toMatchObject({ preflight: 'done', upload: 'done', import: 'skipped', requirements: 'active', health: 'pending' });
    expect(uploadPercent(s)).toBe(75);
    expect(s.message).toBe('Waiting for requirements.txt');
  });

  it('counts "configure" as part of the health check and ends on "done"', () => {
    const s = run([
      { stage: 'preflight', message: '' },
      { stage: 'health', message: 'Checking health' },
      { stage: 'configure', message: 'Saving the configuration' },
      { stage: 'done', message: 'installed and available' },
    ]);
    expect(s.steps).toEqual({ preflight: 'done', upload: 'skipped', import: 'skipped', requirements: 'skipped', verify: 'skipped', health: 'done', smoke: 'skipped', cleanup: 'skipped', rollback: 'skipped' });
  });

  it('marks the failing step and leaves the rest not run', () => {
    const s = finishProgress(run([{ stage: 'preflight', message: '' }, { stage: 'upload', message: '' }]), false);
    expect(s.steps).toMatchObject({ preflight: 'done', upload: 'failed', import: 'pending', cleanup: 'pending' });
    expect(uploadPercent(initialProgress())).toBeUndefined();
  });
});
