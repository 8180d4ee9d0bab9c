import type { Browser, BrowserContext, Page } from 'playwright-core';
import { messageEvent } from '../fakes/slack-events';
import type { RunningService } from '../support/running-service';
import {
  assertBuilt,
  launchBrowser,
  newConsoleContext,
  signIn,
  withFailureScreenshots,
} from './support/console-browser';
import {
  createKey,
  startConsoleService,
  TEST_ADMIN_KEY,
  testCard,
  waitForDetections,
} from './support/console-service';

jest.setTimeout(120_000);

let service: RunningService;
let browser: Browser;
let admin: BrowserContext | undefined;
let auditor: BrowserContext | undefined;
let page: Page;
const card = testCard('411111111111111');

beforeAll(async () => {
  assertBuilt();
  service = await startConsoleService();
  browser = await launchBrowser();
  admin = await newConsoleContext(browser, service.baseUrl);
  page = await admin.newPage();
  await signIn(page, TEST_ADMIN_KEY);
});

afterAll(async () => {
  await admin?.close();
  await auditor?.close();
  await browser?.close();
  await service?.stop();
});

const test = (name: string, body: () => Promise<void>) =>
  it(name, () => withFailureScreenshots(() => auditor ?? admin, `detections ${name}`, body));

describe('a card number posted in Slack, seen from the console', () => {
  test('appears in the open detection list without a reload', async () => {
    await page.getByRole('menuitem', { name: 'Detections' }).click();
    await page.getByText('No detections yet').waitFor();
    await page.getByRole('status', { name: 'Live updates: Live' }).waitFor();

    const ack = await service.sendEvent(
      messageEvent({ channel: 'C0LIVE', text: `please charge ${card} today` }),
    );
    expect(ack.status).toBe(200);

    await page.getByText('4111 **** **** 1111').waitFor({ timeout: 30_000 });
    await page.getByText(/New \w+ detection: Visa card number in #C0LIVE/).waitFor();
    expect(await page.getByText(card).count()).toBe(0);
  });

  test('opens from the list with the keyboard, is revealed after a confirmation, and the reveal is audited', async () => {
    await page.getByRole('link', { name: /Visa card number 4111 \*{4} \*{4} 1111/ }).focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('masked-match').filter({ hasText: '4111 **** **** 1111' }).waitFor();
    expect(await page.getByLabel('Redacted content').textContent()).not.toContain(card);

    await page.getByRole('button', { name: 'Reveal' }).click();
    const confirm = page.getByRole('dialog', { name: 'Reveal the original content?' });
    await confirm.getByLabel('Reason').fill('checking a report from the payments team');
    await confirm.getByRole('button', { name: 'Reveal and record' }).click();
    const revealed = page.getByRole('dialog', { name: 'Original content' });
    expect(await revealed.getByTestId('revealed-content').textContent()).toContain(card);
    await revealed.getByRole('button', { name: 'Hide' }).click();
    await revealed.waitFor({ state: 'detached' });

    await page.locator('[data-event-type="ContentRevealed"]').waitFor();
    await page.getByRole('menuitem', { name: 'Audit log' }).click();
    const event = page.locator('[data-event-type="ContentRevealed"]');
    await event.getByText('checking a report from the payments team').waitFor();
    await event.getByRole('button', { name: 'Show JSON payload' }).click();
    await event.getByText(/"findingId"/).waitFor();
  });

  test('shows an AUDITOR the detection but no Reveal button and no API keys', async () => {
    const [id] = await waitForDetections(service, { channelId: 'C0LIVE' });
    auditor = await newConsoleContext(browser, service.baseUrl);
    const auditorPage = await auditor.newPage();
    await signIn(auditorPage, await createKey(service, 'AUDITOR'));
    await auditorPage.goto(`/admin/detections/${id}/show`);
    await auditorPage.getByTestId('masked-match').filter({ hasText: '4111 **** **** 1111' }).waitFor();
    await auditorPage.getByRole('heading', { name: 'Audit trail' }).waitFor();
    expect(await auditorPage.getByRole('button', { name: 'Reveal' }).count()).toBe(0);
    expect(await auditorPage.getByRole('menuitem', { name: 'API keys' }).count()).toBe(0);
  });
});
