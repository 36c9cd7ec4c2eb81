/**
 * The verify stage alone, on a few interactions of the shipped Mews pact: workers fork with embedded mock
 * servers, the verdicts come back in pact order with the verifier's report, and an interaction naming a
 * state the suite does not define fails without being replayed.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoadedPacts } from '../../src/pacts.js';
import type { InteractionResult, PactDocument } from '../../src/types.js';
import { deal, startVerification } from '../../src/verify/verification.js';
import { shippedPact } from '../shipped.js';

let dir: string;
let pacts: LoadedPacts;
beforeAll(async () => {
  const shipped = await shippedPact('mews-connector');
  const pick = (prefix: string) => {
    const found = shipped.interactions.find((i) => i.description.startsWith(prefix));
    if (!found) throw new Error(`the shipped Mews pact has no "${prefix}"`);
    return found;
  };
  const unknownState = {
    ...pick('getAllVoucherCodes: an invalid access token'),
    description: 'getAllVoucherCodes: a state the suite lacks',
    providerStates: [{ name: 'a state nobody defined' }],
  };
  const pact: PactDocument = {
    ...shipped,
    interactions: [
      pick('getAllVoucherCodes: the codes of a voucher'),
      pick('deleteVoucherCodes: a code that does not exist'),
      unknownState,
    ],
  };
  dir = await mkdtemp(join(tmpdir(), 'vouchspec-verification-'));
  const file = join(dir, 'mews.json');
  await writeFile(file, JSON.stringify(pact));
  pacts = {
    files: { 'mews-connector': file, voucherify: '' },
    documents: new Map([['mews-connector', pact]]),
  };
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('startVerification', () => {
  it('verifies each interaction in embedded mock workers and reports every verdict', async () => {
    const seen: InteractionResult[] = [];
    const verification = startVerification({
      providers: ['mews-connector'],
      pacts,
      real: {},
      identified: {},
      mockWorkers: 2,
      onResult: (result) => seen.push(result),
    });
    expect(verification.plan).toEqual([
      '  mews-connector: 3 interactions against embedded mock servers (2 workers)',
    ]);
    const { interactions, stopped } = await verification.finished;
    expect(stopped).toBe(false);
    expect(interactions.map((r) => [r.index, r.verdict, r.ranVerifier])).toEqual([
      [0, 'passed', true],
      [1, 'passed', true],
      [2, 'failed', false],
    ]);
    expect(interactions[2]?.reason).toBe('no handler for provider state "a state nobody defined"');
    expect(interactions[0]?.log).toMatch(/^Verifying a pact between vouchspec-client and mews-connector/);
    expect(seen).toHaveLength(3);
  });
});

describe('deal', () => {
  it('shares items round-robin among at most as many hands as there are items', () => {
    expect(deal([1, 2, 3, 4, 5], 2)).toEqual([
      [1, 3, 5],
      [2, 4],
    ]);
    expect(deal([1], 4)).toEqual([[1]]);
    expect(deal([], 3)).toEqual([[]]);
  });
});
