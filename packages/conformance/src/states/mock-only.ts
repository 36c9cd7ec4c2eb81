/**
 * Data the public APIs cannot create (organisation users, campaign templates, referral codes, segments,
 * activity history) goes straight into the mock through its admin endpoint. States that do this are marked
 * mock-only and are reported as skipped against a real server.
 */
import type { SeedData } from '@vouchspec/mock-server';
import type { ProviderTarget } from '../types.js';

export async function seedMock(target: ProviderTarget, data: SeedData): Promise<void> {
  if (target.kind !== 'mock') throw new Error('seedMock is only for mock targets');
  const response = await fetch(new URL('/__admin/seed', target.baseUrl), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(data),
  });
  if (!response.ok)
    throw new Error(`seeding the mock failed: HTTP ${response.status} ${await response.text()}`);
}
