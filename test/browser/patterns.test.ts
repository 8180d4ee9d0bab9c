import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { RunningService } from '../support/running-service';
import {
  assertBuilt,
  launchBrowser,
  newConsoleContext,
  signIn,
  withFailureScreenshots,
} from './support/console-browser';
import { startConsoleService, TEST_ADMIN_KEY } from './support/console-service';

jest.setTimeout(120_000);

let service: RunningService;
let browser: Browser;
let context: BrowserContext | undefined;
let page: Page;

beforeAll(async () => {
  assertBuilt();
  service = await startConsoleService();
  browser = await launchBrowser();
  context = await newConsoleContext(browser, service.baseUrl);
  page = await context.newPage();
  await signIn(page, TEST_ADMIN_KEY);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await service?.stop();
});

const test = (name: string, body: () => Promise<void>) =>
  it(name, () => withFailureScreenshots(() => context, `patterns ${name}`, body));

const regexHelp = () => page.locator('.ra-input-regex .MuiFormHelperText-root');

describe('a new pattern written in the console', () => {
  test('shows the RE2 error at the regex field while typing and when saving, and saves once it is valid', async () => {
    await page.goto('/admin/patterns/create');
    await page.getByLabel('Name').fill('Internal ticket number');
    await page.getByLabel('Regex (RE2)').fill('(?<=TCK-)\\d{6}');
    await regexHelp().filter({ hasText: 'lookbehind' }).waitFor();

    await page.getByLabel('Regex (RE2)').fill('TCK-(\\d{6}');
    await page.getByRole('button', { name: 'Save' }).click();
    await regexHelp().filter({ hasText: 'missing )' }).waitFor();
    expect(page.url()).toMatch(/\/patterns\/create$/);

    await page.getByLabel('Regex (RE2)').fill('TCK-\\d{6}');
    await regexHelp().filter({ hasText: 'RE2 syntax' }).waitFor();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Pattern saved').waitFor();
    await page.waitForURL(/\/admin\/patterns$/);
    await page.getByPlaceholder('Search patterns').fill('ticket');
    await page.getByText('Internal ticket number').waitFor();

    const { data } = await service.graphql<{ patterns: { nodes: { regex: string; builtin: boolean }[] } }>(
      '{ patterns(first: 5, filter: { search: "Internal ticket" }) { nodes { regex builtin } } }',
    );
    expect(data?.patterns.nodes).toEqual([{ regex: 'TCK-\\d{6}', builtin: false }]);
  });

  test('highlights what the regex matches in the sample text as it is typed', async () => {
    await page.goto('/admin/patterns/create');
    await page.getByLabel('Name').fill('Project code');
    await page.getByLabel('Regex (RE2)').fill('PRJ-[A-Z]{3}-\\d{4}');
    await page.getByLabel('Sample text').fill('see PRJ-ABC-1234 but not PRJ-AB-12');
    const marks = page.getByTestId('pattern-tester').getByTestId('highlight');
    await marks.first().waitFor();
    expect(await marks.allTextContents()).toEqual(['PRJ-ABC-1234']);
    await page.getByTestId('tester-count').filter({ hasText: '1 match' }).waitFor();

    await page.getByLabel('Sample text').fill('PRJ-XYZ-0001 and PRJ-XYZ-0002');
    await page.getByTestId('tester-count').filter({ hasText: '2 matches' }).waitFor();
    expect(await marks.allTextContents()).toEqual(['PRJ-XYZ-0001', 'PRJ-XYZ-0002']);
  });

  test('edits a pattern and shows the change in its version history', async () => {
    await page.goto('/admin/patterns');
    await page.getByPlaceholder('Search patterns').fill('Internal ticket');
    // The search applies after a short pause (it is debounced) and moves the URL: wait for it before opening.
    await page.waitForURL(/filter=.*Internal/);
    await page.getByRole('link', { name: 'Internal ticket number' }).click();
    await page.getByRole('heading', { name: 'Version history' }).waitFor();
    await page.locator('[data-event-type="PatternCreated"]').waitFor();

    await page.getByLabel('Description').fill('Ticket numbers from the internal tracker');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Pattern saved').waitFor();

    await page.getByRole('link', { name: 'Internal ticket number' }).click();
    const update = page.locator('[data-event-type="PatternUpdated"]');
    await update.getByText(/updated: .*description/).waitFor();
    await page.getByText('Internal ticket number · v2').waitFor();
  });

  test('turns a built-in detector off from the list, recorded as a new version', async () => {
    await page.goto('/admin/patterns');
    await page.getByPlaceholder('Search patterns').fill('Mastercard');
    await page.waitForURL(/filter=.*Mastercard/);
    const toggle = page.getByRole('switch', { name: 'Disable Mastercard card number' });
    await toggle.click();
    await page.getByText('Mastercard card number disabled').waitFor();
    await page.getByRole('switch', { name: 'Enable Mastercard card number' }).waitFor();
    const { data } = await service.graphql<{ pattern: { enabled: boolean; version: number } }>(
      '{ pattern(id: "card-mastercard") { enabled version } }',
    );
    expect(data?.pattern).toEqual({ enabled: false, version: 2 });
  });
});
