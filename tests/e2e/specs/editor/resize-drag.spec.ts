import { expect, test } from '../../fixtures';
import { problemsPanel } from '../../pages/problems';

/** Drags a splitter by (dx, dy) with the mouse, from its centre. */
async function drag(page: import('@playwright/test').Page, testIdOrLocator: import('@playwright/test').Locator, dx: number, dy: number) {
  const box = (await testIdOrLocator.boundingBox())!;
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx / 2, y + dy / 2);
  await page.mouse.move(x + dx, y + dy);
  await page.mouse.up();
}

test('the side bar and the Problems panel resize by dragging their edges, and the sizes are kept', async ({ page, app }) => {
  await app.open(page);
  await page.getByTestId('project-open').first().click();
  const sidebar = page.getByTestId('sidebar-resizer');
  const width = Number(await sidebar.getAttribute('aria-valuenow'));
  await drag(page, sidebar, 60, 0);
  await expect(sidebar).toHaveAttribute('aria-valuenow', String(width + 60));

  const problems = problemsPanel(page);
  if (!(await problems.root.isVisible())) await problems.toggle();
  const edge = problems.root.getByRole('separator', { name: 'Resize the Problems panel' });
  const height = Number(await edge.getAttribute('aria-valuenow'));
  await drag(page, edge, 0, -50);
  await expect(edge).toHaveAttribute('aria-valuenow', String(height + 50));
  await expect(page.locator('body.resizing')).toHaveCount(0);

  await page.reload();
  await expect(page.getByTestId('sidebar-resizer')).toHaveAttribute('aria-valuenow', String(width + 60));
  await expect(edge).toHaveAttribute('aria-valuenow', String(height + 50));
});
