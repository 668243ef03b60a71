import { SAMPLE_CONNECTOR, expect, test } from '../../fixtures';
import { homePage } from '../../pages/home';

test('the bundled sample appears on Home with its details and git state', async ({ page, app }) => {
  await app.open(page);
  const home = homePage(page);
  const card = home.card(SAMPLE_CONNECTOR);
  await expect(card).toBeVisible();
  await expect(card).toContainText('Sample Threat Intel');
  await expect(card.getByTestId('project-version')).toHaveText('v1.0.0');
  await expect(card).toContainText('Connector Studio');
  await expect(card.getByTestId('project-git')).toHaveAttribute('data-state', 'clean');
  await expect(card.locator('.card-icon img')).toBeVisible();
});

test('searching filters the cards; a miss says so', async ({ page, app }) => {
  await app.open(page);
  const home = homePage(page);
  await home.search.fill('threat');
  await expect(home.cards).toHaveCount(1);
  await home.search.fill('no-such-connector');
  await expect(home.cards).toHaveCount(0);
  await expect(page.getByText('No connector matches')).toBeVisible();
});

test('opening the sample shows the IDE with its file tree', async ({ page, app }) => {
  await app.open(page);
  await homePage(page).openProject(SAMPLE_CONNECTOR);
  await expect(page).toHaveURL(/#\/project\//);
  await expect(page.locator(`[data-testid="tree-row"][data-path="${SAMPLE_CONNECTOR}/connector.py"]`)).toBeVisible();
});
