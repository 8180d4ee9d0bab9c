import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { RunningService } from '../support/running-service';
import {
  assertBuilt,
  launchBrowser,
  newConsoleContext,
  signIn,
  withFailureScreenshots,
} from './support/console-browser';
import { createKey, startConsoleService } from './support/console-service';

jest.setTimeout(120_000);

let service: RunningService;
let browser: Browser;
let context: BrowserContext | undefined;
let page: Page;

beforeAll(async () => {
  assertBuilt();
  service = await startConsoleService();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await service?.stop();
});

beforeEach(async () => {
  context = await newConsoleContext(browser, service.baseUrl);
  page = await context.newPage();
});

afterEach(async () => {
  await context?.close();
});

const test = (name: string, body: () => Promise<void>) =>
  it(name, () => withFailureScreenshots(() => context, `sign-in ${name}`, body));

describe('signing in to the console with an API key', () => {
  test('refuses a key the API does not know and says so at the form', async () => {
    await page.goto('/admin/');
    await page.getByLabel('API key').fill('lsk_not_a_real_key_0123456789abcdefghij');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'That API key was not accepted.' }).waitFor();
    expect(page.url()).toMatch(/\/admin\/login$/);
  });

  test('opens the dashboard with a good key and shows only what the role may use', async () => {
    const analyst = await createKey(service, 'ANALYST');
    await signIn(page, analyst);
    await page.getByRole('menuitem', { name: 'Detections' }).waitFor();
    await page.getByRole('menuitem', { name: 'Patterns' }).waitFor();
    expect(await page.getByRole('menuitem', { name: 'API keys' }).count()).toBe(0);
  });

  test('goes back to the login page once the key is revoked (the API answers 401)', async () => {
    const analyst = await createKey(service, 'ANALYST');
    await signIn(page, analyst);
    const { data } = await service.graphql<{ me: { keyId: string } }>('{ me { keyId } }', {}, analyst);
    const revoked = await service.graphql(
      'mutation($id: ID!) { revokeApiKey(id: $id) { userErrors { message } } }',
      {
        id: data?.me.keyId,
      },
    );
    expect(revoked.errors).toBeUndefined();

    await page.getByRole('menuitem', { name: 'Detections' }).click();
    await page.getByLabel('API key').waitFor();
    expect(page.url()).toMatch(/\/admin\/login$/);
    expect(await page.evaluate("sessionStorage.getItem('leakshield.apiKey')")).toBeNull();
  });
});
