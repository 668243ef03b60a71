import type { Page } from '@playwright/test';

/** Reviewer mode, the Review panel, the Docs preview and the Playbooks view. Locators and actions only. */
export function reviewPage(page: Page) {
  const panel = page.getByTestId('review-panel');
  const playbooksPanel = page.getByTestId('playbooks-panel');
  const docs = page.getByTestId('docs-preview');
  return {
    banner: page.getByTestId('reviewer-banner'),
    importButton: page.getByTestId('review-import'),
    closeButton: page.getByTestId('review-close'),
    panel,
    verdict: page.getByTestId('review-verdict'),
    counts: page.getByTestId('review-counts'),
    against: page.getByTestId('review-against'),
    findings: panel.getByTestId('review-finding'),
    finding: (rule: string) => panel.locator(`[data-testid="review-finding"][data-rule="${rule}"]`),
    section: (id: string) => panel.locator(`[data-testid="review-section"][data-section="${id}"]`),
    severityFilter: (s: 'error' | 'warning' | 'info') => page.getByTestId(`review-filter-${s}`),
    sectionFilter: page.getByTestId('review-filter-section'),
    runButton: page.getByTestId('review-run'),
    exportHtmlButton: page.getByTestId('review-export-html'),
    docs,
    docsFrame: page.frameLocator('[data-testid="docs-frame"]'),
    docsExportMarkdown: page.getByTestId('docs-export-markdown'),
    docsClose: page.getByTestId('docs-close'),
    playbooksPanel,
    playbooks: playbooksPanel.getByTestId('playbook'),
    generatePlaybooks: page.getByTestId('playbooks-generate'),
    async openPackage(tgzPath: string) {
      await page.getByTestId('review-package-input').setInputFiles(tgzPath);
      await page.getByTestId('reviewer-banner').waitFor();
    },
    /** A review reads every file and runs ruff over the code: on a busy machine it takes a while. */
    async waitForReport(after = 0) {
      await page.waitForFunction(
        (n) => {
          const el = document.querySelector('[data-testid="review-panel"]');
          return !!el && el.getAttribute('aria-busy') === 'false' && Number(el.getAttribute('data-runs')) > n;
        },
        after,
        { timeout: 60_000 },
      );
    },
    runs: async () => Number(await panel.getAttribute('data-runs')),
    async show() {
      if (!(await panel.isVisible())) await page.getByTestId('activity-review').click();
      await panel.waitFor();
    },
    async showPlaybooks() {
      if (!(await playbooksPanel.isVisible())) await page.getByTestId('activity-playbooks').click();
      await playbooksPanel.waitFor();
    },
    async compareWith(spec: string) {
      const before = await this.runs();
      await page.getByTestId('review-compare').click();
      await page.getByTestId('prompt-dialog').getByTestId('prompt-input').fill(spec);
      await page.getByTestId('prompt-dialog').getByTestId('prompt-input').press('Enter');
      await this.waitForReport(before);
    },
    async runAgain() {
      const before = await this.runs();
      await page.getByTestId('review-run').click();
      await this.waitForReport(before);
    },
  };
}
