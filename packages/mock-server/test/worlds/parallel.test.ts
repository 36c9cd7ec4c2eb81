/**
 * Issue #16, acceptance 1: one mock, eight clients with eight key sets over real sockets at once. Each key
 * set is its own world, so every list shows only that client's records, and resetting one world leaves the
 * others as they were.
 */
import { createVoucherifyClient, unwrap, type VoucherifyClient } from '@vouchspec/client';
import { requestExample } from '@vouchspec/spec';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type MockServer, startMockServer } from '../../src/server.js';

let mock: MockServer;
beforeAll(async () => {
  mock = await startMockServer({ validateResponses: true });
});
afterAll(() => mock.close());

const teams = Array.from({ length: 8 }, (_, index) => `team-${index}`);

/** One team's application keys only: its world is named by its X-App-Id. */
const appClient = (team: string) =>
  createVoucherifyClient({ baseUrl: mock.url, appId: team, appToken: `${team}-secret`, retry: false });

/** One team holding both key pairs, which share a world because the client names it on every call. */
const suiteClient = (team: string) =>
  createVoucherifyClient({
    baseUrl: mock.url,
    appId: `${team}-app`,
    appToken: `${team}-app-secret`,
    managementId: `${team}-management`,
    managementToken: `${team}-management-secret`,
    headers: { 'X-Vouchspec-World': `suite-${team}` },
    retry: false,
  });

async function customerSources(client: VoucherifyClient): Promise<string[]> {
  const list = unwrap(await client.GET('/v1/customers', { params: { query: { limit: 100 } } }));
  return list.customers.map((customer) => customer.source_id ?? '').sort();
}

/** Creates three customers, deletes the first, and answers what the list shows. */
async function customersRound(team: string): Promise<string[]> {
  const client = appClient(team);
  const created = [];
  for (const n of [1, 2, 3])
    created.push(unwrap(await client.POST('/v1/customers', { body: { source_id: `${team}-${n}` } })));
  const first = created[0]?.id ?? '';
  unwrap(await client.DELETE('/v1/customers/{customerId}', { params: { path: { customerId: first } } }));
  return customerSources(client);
}

/** A project and a brand in it through the management keys, and a customer through the application keys. */
async function suiteRound(team: string) {
  const client = suiteClient(team);
  // Without the example's users, who exist in no fresh world.
  const { users: _, ...example } = requestExample('voucherify', 'createProject') as Record<string, unknown>;
  const body = { ...example, name: `${team} project` } as never;
  const project = unwrap(await client.POST('/management/v1/projects', { body }));
  unwrap(
    await client.POST('/management/v1/projects/{projectId}/branding', {
      params: { path: { projectId: project.id } },
      body: requestExample('voucherify', 'createBrand') as never,
    }),
  );
  unwrap(await client.POST('/v1/customers', { body: { source_id: `${team}-suite` } }));
  const projects = unwrap(await client.GET('/management/v1/projects'));
  const brands = unwrap(
    await client.GET('/management/v1/projects/{projectId}/branding', {
      params: { path: { projectId: project.id } },
    }),
  );
  return {
    projects: projects.data.map((p) => p.name),
    brands: brands.data.length,
    customers: await customerSources(client),
  };
}

it('gives each of eight concurrent key sets its own world', async () => {
  const [customerLists, suites] = await Promise.all([
    Promise.all(teams.map(customersRound)),
    Promise.all(teams.map(suiteRound)),
  ]);
  for (const [index, team] of teams.entries()) {
    expect(customerLists[index]).toEqual([`${team}-2`, `${team}-3`]);
    expect(suites[index]).toEqual({ projects: [`${team} project`], brands: 1, customers: [`${team}-suite`] });
  }
  expect(mock.state.customers.size).toBe(0);
  const worlds = await (await fetch(`${mock.url}/__admin/worlds`)).json();
  expect(worlds.worlds.map((world: { name: string }) => world.name).sort()).toEqual(
    ['default', ...teams.map((team) => `app:${team}`), ...teams.map((team) => `suite-${team}`)].sort(),
  );
});

it('resets only the world the admin request names', async () => {
  const reset = await fetch(`${mock.url}/__admin/reset`, {
    method: 'POST',
    headers: { 'X-App-Id': 'team-0' },
  });
  expect(reset.status).toBe(204);
  expect(reset.headers.get('vouchspec-world')).toBe('app:team-0');
  expect(await customerSources(appClient('team-0'))).toEqual([]);
  expect(await customerSources(appClient('team-1'))).toEqual(['team-1-2', 'team-1-3']);
  const suite = await fetch(`${mock.url}/__admin/state`, {
    headers: { 'X-Vouchspec-World': 'suite-team-0' },
  });
  expect((await suite.json()).voucherify.customers).toHaveLength(1);
  expect(mock.world('app:team-1').customers.size).toBe(2);
});
