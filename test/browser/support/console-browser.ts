import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const ROOT = resolve(__dirname, '../../..');

/** Where failing tests leave a screenshot (git-ignored), and where the screen tour saves its pictures. */
export const ARTIFACTS = join(ROOT, 'test/artifacts/browser');

/** Debian's chromium (installed by .ci/run); CHROMIUM_PATH overrides. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The laptop screen the console must work on. */
export const VIEWPORT = { width: 1280, height: 800 };

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Fails early and clearly when what the browser tests drive is missing. */
export function assertBuilt(): void {
  if (!existsSync(join(ROOT, 'admin-ui/dist/index.html'))) {
    throw new Error(
      'The console is not built: run `npm run build` (or `npm run build:ui`) before the browser tests.',
    );
  }
  if (!existsSync(join(ROOT, 'dist/bin/leakshield.js'))) {
    throw new Error('The service is not built: run `npm run build` before the browser tests.');
  }
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `No Chromium at ${CHROMIUM_PATH}: install it (apt-get install chromium) or set CHROMIUM_PATH.`,
    );
  }
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** A fresh browser profile (its own session storage) at 1280×800. */
export async function newConsoleContext(browser: Browser, baseUrl: string): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport: VIEWPORT });
  context.setDefaultTimeout(15_000);
  return context;
}

/** Signs in through the login page and waits for the dashboard. */
export async function signIn(page: Page, apiKey: string): Promise<void> {
  await page.goto('/admin/');
  await page.getByLabel('API key').fill(apiKey);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Overview' }).waitFor();
}

const slug = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 100);

export async function screenshot(page: Page, name: string, fullPage = false): Promise<string> {
  await mkdir(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${slug(name)}.png`);
  await page.screenshot({ path, fullPage });
  return path;
}

/**
 * Runs a test body and, when it fails, saves a screenshot of every open page under test/artifacts/browser/
 * before the failure is reported.
 */
export async function withFailureScreenshots(
  context: () => BrowserContext | undefined,
  name: string,
  body: () => Promise<void>,
): Promise<void> {
  try {
    await body();
  } catch (error) {
    const pages = context()?.pages() ?? [];
    await Promise.all(
      pages.map((page, i) =>
        screenshot(page, `failed-${name}${pages.length > 1 ? `-${i + 1}` : ''}`, true).catch(() => undefined),
      ),
    );
    throw error;
  }
}
