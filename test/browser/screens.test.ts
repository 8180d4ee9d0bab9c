import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { RunningService } from '../support/running-service';
import { messageEvent } from '../fakes/slack-events';
import {
  assertBuilt,
  launchBrowser,
  newConsoleContext,
  screenshot,
  signIn,
  VIEWPORT,
  withFailureScreenshots,
} from './support/console-browser';
import { startConsoleService, TEST_ADMIN_KEY, waitForDetections } from './support/console-service';

jest.setTimeout(120_000);

let service: RunningService;
let browser: Browser;
let context: BrowserContext | undefined;
let page: Page;

const LEAKS = [
  { channel: 'C0PAYMENTS', text: 'card for the refund: 4111 1111 1111 1111 exp 12/29' },
  { channel: 'C0PAYMENTS', text: 'use 5555 5555 5555 4444 for the test order' },
  { channel: 'C0SUPPORT', text: 'customer card 4012 8888 8888 1881, please charge' },
  {
    channel: 'C0ENGINEERING',
    text: 'prod key: AKIAZ7QWERTYUIOPASDF secret wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY1',
  },
];

/** No part of the page is wider than the window: nothing needs a horizontal scroll at 1280×800. */
async function expectNoHorizontalScroll(p: Page): Promise<void> {
  const width = Number(await p.evaluate('document.documentElement.scrollWidth'));
  expect(width).toBeLessThanOrEqual(VIEWPORT.width);
}

beforeAll(async () => {
  assertBuilt();
  service = await startConsoleService();
  for (const leak of LEAKS) {
    const response = await service.sendEvent(messageEvent({ channel: leak.channel, text: leak.text }));
    expect(response.status).toBe(200);
  }
  await waitForDetections(service, {}, 3);
  browser = await launchBrowser();
  context = await newConsoleContext(browser, service.baseUrl);
  page = await context.newPage();
  page.on('console', (m) => m.type() === 'error' && console.log('browser console:', m.text()));
  page.on('pageerror', (e) => console.log('page error:', e.message));
  await withFailureScreenshots(
    () => context,
    'sign-in',
    () => signIn(page, TEST_ADMIN_KEY),
  );
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await service?.stop();
});

const tour = (name: string, body: () => Promise<void>) =>
  it(name, () => withFailureScreenshots(() => context, name, body));

describe('every screen of the console at 1280×800', () => {
  tour('the dashboard shows totals, charts and the audit log integrity', async () => {
    await page.goto('/admin/');
    await page.getByRole('heading', { name: 'Detections per day' }).waitFor();
    await page.getByText('Audit log intact').waitFor();
    await page.locator('.recharts-surface').first().waitFor();
    expect(await page.getByTestId('kpi-detections').textContent()).not.toBe('0');
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'screen-dashboard');
  });

  tour('the detection list shows masked matches with severity, action and outcome', async () => {
    await page.getByRole('menuitem', { name: 'Detections' }).click();
    await page.getByText('4111 **** **** 1111').first().waitFor();
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'screen-detections');
  });

  tour('a detection shows the redacted content with the match marked and its audit trail', async () => {
    await page.getByText('4111 **** **** 1111').first().click();
    await page.getByRole('heading', { name: 'Audit trail' }).waitFor();
    await page.getByTestId('highlight').first().waitFor();
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'screen-detection-show');
  });

  tour('the pattern list marks built-in detectors and has an enabled switch per pattern', async () => {
    await page.getByRole('menuitem', { name: 'Patterns' }).click();
    await page.getByText('Built-in').first().waitFor();
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'screen-patterns');
  });

  tour('the pattern form has the live tester beside it', async () => {
    await page.goto('/admin/patterns/create');
    await page.getByTestId('pattern-tester').waitFor();
    await page.getByLabel('Name').fill('Ticket number');
    await page.getByLabel('Regex (RE2)').fill('TCK-\\d{6}');
    await page.getByLabel('Sample text').fill('see TCK-123456 and TCK-99');
    await page.getByTestId('highlight').first().waitFor();
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'screen-pattern-create');
  });

  tour('the audit log is a timeline with the integrity check', async () => {
    await page.goto('/admin/auditEvents');
    await page.locator('[data-event-type="LeakDetected"]').first().waitFor();
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'screen-audit-log');
  });

  tour('channels and API keys are there for an admin', async () => {
    await page.getByRole('menuitem', { name: 'Channels' }).click();
    await page.getByRole('heading', { name: 'Monitored channels', level: 1 }).waitFor();
    await screenshot(page, 'screen-channels');
    await page.goto('/admin/apiKeys');
    await page.getByRole('link', { name: 'New API key' }).waitFor();
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'screen-api-keys');
  });
});
