/**
 * Proof that the spec comparison bites: deliberately wrong copies of a recorded interaction must each be
 * reported by PactFlow's comparator (the shipped pacts themselves pass: `check-pacts.test.ts`).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { compareWithSpec } from '../../src/check/compare-with-spec.js';
import type { PactDocument, PactInteraction } from '../../src/types.js';
import { shippedPact } from '../shipped.js';

describe('the spec check', () => {
  let pact: PactDocument;
  beforeAll(async () => {
    pact = await shippedPact('voucherify');
  });

  /** A recorded interaction with the parts these tests change. */
  type Editable = PactInteraction & {
    request: { generators?: unknown; body: { content: Record<string, unknown> } };
    response: { body: { content: Record<string, unknown> } };
  };

  /** The mismatches for a pact holding only a modified copy of an operation's recorded success interaction. */
  async function mismatchesOf(change: (interaction: Editable) => void, operationId = 'getProject') {
    const success = pact.interactions.find(
      (i) => i.description.startsWith(`${operationId}:`) && i.response.status === 200,
    );
    if (!success) throw new Error(`the voucherify pact has no ${operationId} success interaction`);
    const wrong = structuredClone(success) as Editable;
    change(wrong);
    return compareWithSpec('voucherify', { ...pact, interactions: [wrong] });
  }

  it('passes the untouched interaction', async () => {
    expect(await mismatchesOf(() => {})).toEqual([]);
  });

  it('reports a status the operation does not document', async () => {
    const mismatches = await mismatchesOf((i) => {
      i.response.status = 201;
    });
    expect(mismatches.map((m) => m.code)).toContain('response.status.unknown');
  });

  it('reports a response body that breaks the schema', async () => {
    const mismatches = await mismatchesOf((i) => {
      i.response.body.content.id = 42;
      i.response.body.content.currency = ['EUR'];
    });
    expect(mismatches.map((m) => m.code)).toContain('response.body.incompatible');
    expect(mismatches.some((m) => m.message.includes('id') || m.location.includes('id'))).toBe(true);
  });

  it('reports a path the spec does not have', async () => {
    const mismatches = await mismatchesOf((i) => {
      i.request.path = '/management/v1/projectz/proj_x';
      i.request.generators = undefined;
    });
    expect(mismatches.map((m) => m.code)).toContain('request.path-or-method.unknown');
  });

  it('reports a method the path does not have', async () => {
    const mismatches = await mismatchesOf((i) => {
      i.request.method = 'PATCH';
    });
    expect(mismatches.map((m) => m.code)).toContain('request.path-or-method.unknown');
  });

  it('reports a request body that breaks the schema', async () => {
    const mismatches = await mismatchesOf((i) => {
      i.request.body.content.timezone = 42;
    }, 'createProject');
    expect(mismatches.map((m) => m.code)).toContain('request.body.incompatible');
  });
});
