/**
 * The real-server path, end to end through the CLI: a second mock server stands in for the vendor's, with
 * credentials that are not the placeholders. The CLI must swap them in at verification time only, skip what
 * only the embedded mock can set up, and leave no trace of them in pacts, reports or its output.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type MockServer, startMockServer } from '@vouchspec/mock-server';
import { type ApiId, apiIds, responseExample } from '@vouchspec/spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exitCodes } from '../../src/cli.js';
import { placeholders } from '../../src/credentials.js';
import { shippedPactsDir } from '../../src/pacts.js';
import type { ConformanceReport } from '../../src/report/build-report.js';
import { findState } from '../../src/states/index.js';
import { type BinRun, lines, runBin } from '../bin.js';
import { shippedPact } from '../shipped.js';

const secret = (name: string) => `${name}-${randomUUID()}`;
const credentials = {
  voucherify: {
    'X-App-Id': secret('app-id'),
    'X-App-Token': secret('app-token'),
    'X-Management-Id': secret('management-id'),
    'X-Management-Token': secret('management-token'),
  },
  'mews-connector': { ClientToken: secret('client-token'), AccessToken: secret('access-token') },
};
const secrets = [...Object.values(credentials.voucherify), ...Object.values(credentials['mews-connector'])];

/** Every file under the directories whose text contains any of the values, with the value found. */
async function filesContaining(dirs: string[], values: string[]): Promise<string[]> {
  const hits: string[] = [];
  for (const dir of dirs) {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
    for (const entry of entries.filter((e) => e.isFile())) {
      const file = join(entry.parentPath, entry.name);
      const text = await readFile(file, 'utf8');
      for (const value of values) if (text.includes(value)) hits.push(`${file}: ${value}`);
    }
  }
  return hits;
}

let vendor: MockServer;
let vendorEnv: Record<string, string>;
let run: BinRun;
let report: ConformanceReport;

beforeAll(async () => {
  // Like any real account, the stand-in has an organisation owner (the public API cannot create one).
  const owner = responseExample('voucherify', 'getUser', 200);
  vendor = await startMockServer({
    credentials,
    validateResponses: true,
    // A vendor does not say it is a vouchspec mock, so the suite treats it as a real server.
    identify: false,
    seed: { voucherify: { users: [{ ...(owner as object), is_owner: true, projects: {} }] } },
  });
  vendorEnv = {
    VOUCHERIFY_BASE_URL: vendor.url,
    VOUCHERIFY_APP_ID: credentials.voucherify['X-App-Id'],
    VOUCHERIFY_APP_TOKEN: credentials.voucherify['X-App-Token'],
    VOUCHERIFY_MANAGEMENT_ID: credentials.voucherify['X-Management-Id'],
    VOUCHERIFY_MANAGEMENT_TOKEN: credentials.voucherify['X-Management-Token'],
    MEWS_PLATFORM_ADDRESS: vendor.url,
    MEWS_CLIENT_TOKEN: credentials['mews-connector'].ClientToken,
    MEWS_ACCESS_TOKEN: credentials['mews-connector'].AccessToken,
  };
  run = await runBin([], vendorEnv);
  report = await run.report();
}, 240_000);

afterAll(async () => {
  await vendor?.close();
  await run?.remove();
});

describe('verification against a configured real server', () => {
  it('stands in for a vendor that rejects the placeholder credentials', async () => {
    const response = await fetch(new URL('/management/v1/projects', vendor.url), {
      headers: {
        'X-Management-Id': placeholders.voucherify['X-Management-Id'],
        'X-Management-Token': placeholders.voucherify['X-Management-Token'],
      },
    });
    expect(response.status).toBe(401);
  });

  it('passes every interaction it can set up, with the configured credentials swapped in', () => {
    expect(report.targets.map((t) => t.kind)).toEqual(apiIds.map(() => 'real'));
    expect(run.output).not.toMatch(/^conformance: /m);
    expect(report.targets).toEqual(
      apiIds.map((provider) => ({ provider, kind: 'real', baseUrl: vendor.url })),
    );
    const failures = report.interactions
      .filter((r) => r.verdict === 'failed')
      .map((r) => `${r.description}: ${r.reason ?? ''}\n${r.log ?? ''}`);
    expect(failures).toEqual([]);
    expect(run.code).toBe(0);
    expect(report.totals.passed).toBeGreaterThan(report.totals.interactions / 2);
  });

  it('reports exactly the interactions with mock-only states as skipped, with the reason', async () => {
    const expected: string[] = [];
    for (const provider of apiIds as readonly ApiId[]) {
      const pact = await shippedPact(provider);
      for (const interaction of pact.interactions) {
        const states = (interaction.providerStates ?? []).map((s) => findState(provider, s.name));
        if (states.some((state) => state?.mockOnly)) expected.push(interaction.description);
      }
    }
    const skipped = report.interactions.filter((r) => r.verdict === 'skipped');
    expect(skipped.map((r) => r.description).sort()).toEqual(expected.sort());
    expect(skipped.length).toBeGreaterThan(0);
    for (const result of skipped) expect(result.reason).toMatch(/^mock-only provider state: .{10,}/);
    expect(run.output).toMatch(/– .* — skipped: mock-only provider state/);
  });

  it('says in its headline that it passed with skips, not that it passed', () => {
    expect(report.status).toBe('passed');
    expect(report.headline).toMatch(
      new RegExp(
        `^Passed with ${report.totals.skipped} skipped \\(.+\\): ${report.totals.passed} of ${report.totals.interactions} interactions verified$`,
      ),
    );
    expect(lines(run.stdout).at(-1)).toMatch(
      new RegExp(`^${report.headline.replace(/[()]/g, '\\$&')} \\(\\d+\\.\\d s\\)$`),
    );
  });

  it('fails with --fail-on-skipped', async () => {
    const strict = await runBin(['--provider', 'mews-connector', '--fail-on-skipped'], vendorEnv);
    try {
      const strictReport = await strict.report();
      expect(strict.code, strict.output).toBe(exitCodes.failed);
      expect(strictReport.totals).toMatchObject({ failed: 0 });
      expect(strictReport.totals.skipped).toBeGreaterThan(0);
      expect(strictReport.status).toBe('failed');
      expect(strictReport.headline).toMatch(/^FAILED: \d+ skipped \(.+\) with --fail-on-skipped$/);
      expect(lines(strict.stderr).at(-1)).toContain(strictReport.headline);
    } finally {
      await strict.remove();
    }
  });
});

describe('secret scan', () => {
  it('finds no configured credential in pacts, reports or the output', async () => {
    expect(await filesContaining([shippedPactsDir, run.outDir], secrets)).toEqual([]);
    expect(secrets.filter((value) => run.output.includes(value))).toEqual([]);
  });

  it('would find one that leaked', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vouchspec-leak-'));
    try {
      const { writeFile } = await import('node:fs/promises');
      await writeFile(join(dir, 'leak.json'), JSON.stringify({ token: secrets[3] }));
      expect(await filesContaining([dir], secrets)).toEqual([`${join(dir, 'leak.json')}: ${secrets[3]}`]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
