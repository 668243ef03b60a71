/** Reviewer mode channels: a package opened read-only, reviewed, and its report as HTML. */
import type { ReviewReport } from '../../models/review';
import type { ProjectSummary } from '../../models/workspace';
import type { InProject } from './common';

export interface ReviewChannels {
  /** Reviewer mode: a .tgz unpacked safely and opened read-only (not part of the workspace until imported). */
  /** `warnings`: what the safe extraction left out (stray files, virtualenv and git folders). */
  'review.openPackage': { req: { fileName: string; base64: string }; res: ProjectSummary & { warnings?: string[] } };
  /** `runId`: names the run in the `review.progress` events it sends. */
  'review.run': { req: InProject & { against?: string; checkInstall?: boolean; certification?: boolean; runId?: string }; res: ReviewReport };
  'review.html': { req: InProject & { against?: string }; res: { html: string; fileName: string } };
}
