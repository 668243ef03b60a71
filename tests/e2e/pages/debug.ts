import type { Page } from '@playwright/test';

/** The debugger: the editor's gutter, the Run and Debug view, its toolbar, and the Debug Console tab. */
export function debugPage(page: Page) {
  const view = page.getByTestId('debug-view');
  const editorHost = page.getByTestId('monaco-editor');
  const section = (id: 'variables' | 'watch' | 'callstack' | 'breakpoints') => page.getByTestId(`debug-section-${id}`);
  /** Monaco's line number cell of `line` in the file on screen. */
  const lineNumber = (line: number) => editorHost.locator('.margin-view-overlays .line-numbers').filter({ hasText: new RegExp(`^${line}$`) });
  return {
    view,
    session: page.getByTestId('debug-session'),
    /** The file and line the editor marks as paused (data-path, data-line). */
    stoppedAt: page.getByTestId('debug-stopped-at'),
    /** The yellow band of the paused line in the editor. */
    stoppedBand: editorHost.locator('.cs-debug-line-top'),
    /** The breakpoint marks in the glyph margin. */
    gutterMarks: editorHost.locator('.cs-bp:not(.cs-bp-hint)'),
    ending: page.getByTestId('debug-ending'),
    debugLast: page.getByTestId('debug-last'),
    section,
    scope: (name: string) => section('variables').locator(`[data-testid="scope"][data-name="${name}"]`),
    variable: (name: string) => section('variables').locator(`[data-testid="variable"][data-name="${name}"]`),
    watchAdd: page.getByTestId('watch-add'),
    watchInput: page.getByTestId('watch-input'),
    watch: (expression: string) => page.locator(`[data-testid="watch"][data-expression="${expression}"]`),
    frames: page.getByTestId('stack-frame'),
    pausedReason: page.getByTestId('paused-reason'),
    breakpoints: page.getByTestId('breakpoint-row'),
    breakpoint: (path: string, line: number) => page.locator(`[data-testid="breakpoint-row"][data-path="${path}"][data-line="${line}"]`),
    exceptionToggle: (id: 'raised' | 'uncaught') => page.getByTestId(`exception-${id}`),
    widget: page.getByTestId('breakpoint-widget'),
    /** The band under the line a session paused on for an exception. */
    exception: page.getByTestId('exception-widget'),
    widgetInput: page.getByTestId('breakpoint-widget-input'),
    tool: (id: 'continue' | 'pause' | 'step-over' | 'step-into' | 'step-out' | 'restart' | 'stop') => page.getByTestId('debug-toolbar').getByTestId(`debug-${id}`),
    console: page.getByTestId('debug-console'),
    consoleInput: page.getByTestId('debug-console-input'),
    consoleResults: page.getByTestId('console-result'),
    consoleOutput: page.getByTestId('console-output'),
    async show() {
      if (!(await view.isVisible())) await page.getByTestId('activity-debug').click();
      await view.waitFor();
    },
    /** A click left of the line number, in the glyph margin, as a user sets a breakpoint. */
    async clickGutter(line: number, button: 'left' | 'right' = 'left') {
      const cell = lineNumber(line);
      // A line scrolled out of view is the caller's to bring back: fail in seconds, not at the test's timeout.
      await cell.waitFor({ timeout: 10_000 });
      const glyphs = await editorHost.locator('.glyph-margin').boundingBox();
      const box = await cell.boundingBox();
      if (!glyphs || !box) throw new Error(`Line ${line} is not on screen in the editor.`);
      await page.mouse.click(glyphs.x + glyphs.width / 2, box.y + box.height / 2, { button });
    },
  };
}
