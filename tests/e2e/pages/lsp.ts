import type { Page } from '@playwright/test';

/** Monaco's widgets for Python intelligence: the suggest list, hovers, squiggles. */
export function lsp(page: Page) {
  const host = page.getByTestId('monaco-editor');
  return {
    suggestWidget: page.locator('.suggest-widget.visible'),
    /** A row of the suggest list by its label (the list is virtual: only rows in view exist). */
    suggestion: (label: string) => page.locator('.suggest-widget.visible .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${label}$`) }) }),
    /** The row Enter would accept. */
    focusedSuggestion: page.locator('.suggest-widget.visible .monaco-list-row.focused .label-name'),
    hover: page.locator('.monaco-hover:not(.hidden)'),
    errorSquiggles: host.locator('.squiggly-error'),
    /** Ctrl+Space: ask for completions where the cursor is. */
    async suggest() {
      await page.keyboard.press('Control+Space');
      await page.locator('.suggest-widget.visible').waitFor();
    },
    /**
     * Moves the mouse onto the `nth` occurrence of `word` in the shown lines. Monaco renders neighbouring tokens
     * of one colour as one span, so the word's own box is measured with a DOM Range.
     */
    async hoverWord(word: string, nth = 0) {
      const box = await host.evaluate((root, [w, n]) => {
        let seen = 0;
        for (const line of root.querySelectorAll('.view-line')) {
          const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const at = (node.textContent ?? '').indexOf(w as string);
            if (at < 0 || seen++ < (n as number)) continue;
            const range = document.createRange();
            range.setStart(node, at);
            range.setEnd(node, at + (w as string).length);
            const r = range.getBoundingClientRect();
            return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
          }
        }
        return null;
      }, [word, nth] as const);
      if (!box) throw new Error(`"${word}" (#${nth}) is not on screen`);
      await page.mouse.move(box.x, box.y);
    },
  };
}
