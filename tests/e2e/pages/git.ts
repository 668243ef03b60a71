import type { Page } from '@playwright/test';

/** The Source Control panel and git's dialogs (diff, compatibility report, clone, credentials). */
export function gitPanel(page: Page) {
  const change = (group: 'staged' | 'unstaged' | 'conflicted', relPath: string) => page.locator(`[data-testid="git-change"][data-group="${group}"][data-path="${relPath}"]`);
  const prompt = page.getByTestId('prompt-dialog');
  return {
    panel: page.getByTestId('git-panel'),
    show: () => page.getByTestId('activity-git').click(),
    tab: (name: 'changes' | 'history' | 'branches' | 'remotes') => page.getByTestId(`git-tab-${name}`).click(),
    init: page.getByTestId('git-init'),
    message: page.getByTestId('commit-message'),
    amend: page.getByTestId('git-amend'),
    commit: page.getByTestId('git-commit'),
    changes: page.getByTestId('git-changes'),
    staged: page.getByTestId('git-staged'),
    unstaged: page.getByTestId('git-unstaged'),
    clean: page.getByTestId('git-clean'),
    branch: page.getByTestId('status-branch'),
    change,
    async stage(relPath: string) {
      await change('unstaged', relPath).hover();
      await change('unstaged', relPath).getByTestId('git-stage').click();
    },
    async unstage(relPath: string) {
      await change('staged', relPath).hover();
      await change('staged', relPath).getByTestId('git-unstage').click();
    },
    async discard(relPath: string) {
      await change('unstaged', relPath).hover();
      await change('unstaged', relPath).getByTestId('git-discard').click();
    },
    /** Clicking a changed file shows its diff. */
    openDiff: (group: 'staged' | 'unstaged', relPath: string) => change(group, relPath).locator('.git-file').click(),
    diff: page.getByTestId('diff-view'),
    diffEditor: page.locator('[data-testid="diff-editor"][data-ready="true"]'),
    closeDiff: () => page.getByTestId('diff-close').click(),
    historySearch: page.getByTestId('history-search'),
    historyEntries: page.getByTestId('history-entry'),
    historyEntry: (subject: string) => page.getByTestId('history-entry').filter({ hasText: subject }),
    historyFile: (relPath: string) => page.locator(`[data-testid="history-file"][data-path="${relPath}"]`),
    branchRow: (name: string) => page.locator(`[data-testid="branch-row"][data-name="${name}"]`),
    tagRow: (name: string) => page.locator(`[data-testid="tag-row"][data-name="${name}"]`),
    remoteRow: (name: string) => page.locator(`[data-testid="remote-row"][data-name="${name}"]`),
    async answerPrompt(text: string) {
      await prompt.getByTestId('prompt-input').fill(text);
      await prompt.getByTestId('prompt-input').press('Enter');
    },
    async createBranch(name: string) {
      await page.getByTestId('branch-create').click();
      await this.answerPrompt(name);
    },
    async switchBranch(name: string) {
      await this.branchRow(name).hover();
      await this.branchRow(name).getByTestId('branch-switch').click();
    },
    async createTag(name: string) {
      await page.getByTestId('tag-create').click();
      await this.answerPrompt(name);
    },
    async addRemote(name: string, url: string) {
      await page.getByTestId('remote-name').fill(name);
      await page.getByTestId('remote-url').fill(url);
      await page.getByTestId('remote-add').click();
    },
    fetch: page.getByTestId('git-fetch'),
    pull: page.getByTestId('git-pull'),
    push: page.getByTestId('git-push'),
    pushUpstream: page.getByTestId('git-push-upstream'),
    pushTags: page.getByTestId('git-push-tags'),
    upstreamInfo: page.getByTestId('upstream-info'),
    failure: page.getByTestId('git-failure'),
    fixPull: page.getByTestId('git-fix-pull'),
    fixUpstream: page.getByTestId('git-fix-upstream'),
    openCompat: () => page.getByTestId('git-compat').click(),
    compat: page.getByTestId('compat-dialog'),
    compatSummary: page.getByTestId('compat-summary'),
    compatSuggested: page.getByTestId('compat-suggested'),
    compatChanges: page.getByTestId('compat-change'),
    compatInsert: page.getByTestId('compat-insert'),
    compatOld: page.getByTestId('compat-old'),
    clone: page.getByTestId('clone-dialog'),
    async cloneRepo(url: string, name?: string) {
      await page.getByTestId('clone-repo').click();
      await page.getByTestId('clone-url').fill(url);
      if (name) await page.getByTestId('clone-name').fill(name);
      await page.getByTestId('clone-start').click();
    },
    confirm: () => page.getByTestId('confirm-dialog').getByTestId('dialog-confirm').click(),
  };
}
