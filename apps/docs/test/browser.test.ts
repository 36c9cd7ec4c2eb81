/**
 * The built site in headless Chromium (Debian's, driven by playwright-core): every page renders, every
 * operation is there with its client sample visible, nothing is logged as an error, and no request leaves
 * localhost. Screenshots go to test-output/screenshots/ for a look by eye, outside the published dist/.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { type ApiId, apiIds, listOperations } from '@vouchspec/spec';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SiteServer, serveSite } from '../src/server.js';

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const screenshots = fileURLToPath(new URL('../test-output/screenshots/', import.meta.url));
const localHosts = new Set(['127.0.0.1', 'localhost']);

let site: SiteServer;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(executablePath))
    throw new Error(
      `No Chromium at ${executablePath}: install it (Debian/Ubuntu: apt-get install -y chromium) or set CHROMIUM_PATH`,
    );
  site = await serveSite();
  browser = await chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  await mkdir(screenshots, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

interface Visit {
  page: Page;
  errors: string[];
  /** Every http(s) request the page made, by URL. */
  requests: string[];
}

/** Opens a page of the site, recording console errors, uncaught exceptions and requests. */
async function visit(path: string): Promise<Visit> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const visit: Visit = { page, errors: [], requests: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') visit.errors.push(message.text());
  });
  page.on('pageerror', (error) => visit.errors.push(error.message));
  page.on('request', (request) => {
    if (/^https?:/.test(request.url())) visit.requests.push(request.url());
  });
  const response = await page.goto(`${site.url}/${path}`, { waitUntil: 'load' });
  expect(response?.status()).toBe(200);
  return visit;
}

function externalRequests(requests: string[]): string[] {
  return requests.filter((url) => !localHosts.has(new URL(url).hostname));
}

describe('the docs site in Chromium', () => {
  it('landing page: both APIs, every operation linked into its reference', async () => {
    const { page, errors, requests } = await visit('index.html');
    for (const api of apiIds) {
      await expect(page.locator(`#${api} h2`).isVisible()).resolves.toBe(true);
      for (const op of listOperations(api)) {
        const link = page.locator(`[data-operation-id="${op.operationId}"] a`);
        expect(await link.getAttribute('href'), op.operationId).toBe(
          `./${api}.html#operation/${op.operationId}`,
        );
      }
    }
    await page.screenshot({ path: `${screenshots}index.png`, fullPage: true });
    expect(errors).toEqual([]);
    expect(externalRequests(requests)).toEqual([]);
    await page.close();
  });

  it.each(apiIds.map((api) => [api]))('%s reference: every operation with its client sample', async (api) => {
    const { page, errors, requests } = await visit(`${api}.html`);
    const operations = listOperations(api as ApiId);
    await page.waitForSelector(`[id="operation/${operations.at(-1)?.operationId}"]`, { timeout: 30_000 });
    const factory = api === 'voucherify' ? 'createVoucherifyClient' : 'createMewsConnectorClient';
    const ids = operations.map((op) => op.operationId);
    // A reader's click on each operation's `@vouchspec/client` tab, all in one round trip to the page (one
    // Playwright click per operation costs a third of a second).
    const tabs = await page.evaluate((operationIds) => {
      return operationIds.map((id) => {
        const sections = document.querySelectorAll(`[id="operation/${id}"]`);
        const tab = [...(sections[0]?.querySelectorAll<HTMLElement>('[role="tab"]') ?? [])].find(
          (candidate) => candidate.textContent?.trim() === '@vouchspec/client',
        );
        tab?.click();
        return { sections: sections.length, tab: tab !== undefined };
      });
    }, ids);
    expect(tabs).toEqual(ids.map(() => ({ sections: 1, tab: true })));
    // Then what a reader sees in each: the panel that shows the sample, rendered and laid out. Rendering may
    // take a moment; whatever is still missing after it is reported below, operation by operation.
    const rendered = page.waitForFunction(
      ({ operationIds, factory }) =>
        operationIds.every((id) =>
          [...(document.getElementById(`operation/${id}`)?.querySelectorAll('[role="tabpanel"]') ?? [])].some(
            (panel) => panel.textContent?.includes(factory) && panel.getClientRects().length > 0,
          ),
        ),
      { operationIds: ids, factory },
      { timeout: 30_000 },
    );
    await rendered.catch(() => undefined);
    const samples = await page.evaluate(
      ({ operationIds, factory }) =>
        operationIds.map((id) => {
          const panel = [
            ...(document
              .getElementById(`operation/${id}`)
              ?.querySelectorAll<HTMLElement>('[role="tabpanel"]') ?? []),
          ].find((candidate) => candidate.textContent?.includes(factory));
          // biome-ignore lint/performance/useDomNodeTextContent: the text as a reader sees it, laid out
          return { visible: (panel?.getClientRects().length ?? 0) > 0, text: panel?.innerText ?? '' };
        }),
      { operationIds: ids, factory },
    );
    for (const [index, op] of operations.entries()) {
      const { visible, text } = samples[index] ?? { visible: false, text: '' };
      expect(visible, `${op.operationId} sample`).toBe(true);
      // Long calls wrap their arguments; compare without whitespace.
      expect(text.replace(/\s+/g, ''), op.operationId).toContain(`.${op.method.toUpperCase()}('${op.path}'`);
      expect(text, op.operationId).toContain("from '@vouchspec/client'");
    }
    await page.locator(`[id="operation/${operations[0]?.operationId}"]`).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${screenshots}${api}.png` });
    expect(errors).toEqual([]);
    expect(requests.length).toBeGreaterThan(0);
    expect(externalRequests(requests)).toEqual([]);
    await page.close();
  });

  it('follows a landing page link to the operation it names', async () => {
    const { page, errors } = await visit('index.html');
    await page.locator('[data-operation-id="getAllVoucherCodes"] a').click();
    await page.waitForURL(/mews-connector\.html#operation\/getAllVoucherCodes$/);
    await expect(page.locator('[id="operation/getAllVoucherCodes"]').isVisible()).resolves.toBe(true);
    await page.screenshot({ path: `${screenshots}deep-link.png` });
    expect(errors).toEqual([]);
    await page.close();
  });
});
