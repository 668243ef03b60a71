import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/** axe's serious and critical findings on the page, or only inside the given selectors; `[]` means none.
 * Each names its rule, what it asks for and up to five offending elements, so a failure reads on its own. */
export async function seriousViolations(page: Page, ...include: string[]) {
  const builder = include.reduce((b, selector) => b.include(selector), new AxeBuilder({ page }));
  const result = await builder.analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
}
