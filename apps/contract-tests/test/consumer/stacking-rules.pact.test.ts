import type { VoucherifySchemas } from '@vouchspec/client';
import { describe, expect, it } from 'vitest';
import { responseContract } from '../../src/spec-matchers.js';
import {
  invalidBodyInteraction,
  invalidCredentialsInteraction,
  noContentInteraction,
  notFoundInteraction,
} from './shared-interactions.js';
import {
  createPact,
  managementKeys,
  requestExample,
  requestPath,
  responseMatcher,
  states,
  unwrap,
  voucherifyClient,
} from './support.js';

type Settings = VoucherifySchemas['StackingRulesSettings'];

const pact = createPact('voucherify');
const rulesPath = '/management/v1/projects/{projectId}/stacking-rules';
const rulesByIdPath = '/management/v1/projects/{projectId}/stacking-rules/{stackingRulesId}';
/** Ids no server has: Voucherify ids are a prefix and 24 characters from a base-62 alphabet. */
const missingProjectId = 'proj_vouchspecMissing00000000';
const missingRulesId = 'stkr_vouchspecMissing00000000';

const createBody = requestExample<Settings>('voucherify', 'createStackingRules');
const updateBody = requestExample<Settings>('voucherify', 'updateStackingRules');

describe('Stacking rules', () => {
  describe('listStackingRules', () => {
    const { path, params } = requestPath('voucherify', rulesPath);

    it('listStackingRules: lists the defaults of a project without custom rules', async () => {
      await pact
        .addInteraction()
        .given(states.projectExists)
        .uponReceiving('listStackingRules: the defaults of a project without custom rules')
        .withRequest('GET', path, (b) => b.headers(managementKeys))
        .willRespondWith(200, (b) =>
          b.jsonBody(responseMatcher('voucherify', 'listStackingRules', 200, { nonEmpty: ['data'] })),
        )
        .executeTest(async (server) => {
          const list = await voucherifyClient(server.url)
            .GET(rulesPath, { params: { path: { projectId: params.projectId } } })
            .then(unwrap);
          expect(list.data).toHaveLength(1);
          expect(list.data[0]?.id).toBeUndefined();
          expect(list.data[0]?.redeemables_limit).toBeGreaterThan(0);
        });
    });

    it('listStackingRules: lists the custom rules of a project that has them', async () => {
      // The one item is then the custom rules, as the other operations return them.
      const custom = responseContract('voucherify', 'getStackingRules', 200).example;
      await pact
        .addInteraction()
        .given(states.projectWithStackingRules)
        .uponReceiving('listStackingRules: the custom rules of a project that has them')
        .withRequest('GET', path, (b) => b.headers(managementKeys))
        .willRespondWith(200, (b) =>
          b.jsonBody(
            responseMatcher('voucherify', 'listStackingRules', 200, {
              include: ['data[].id', 'data[].created_at'],
              nonEmpty: ['data'],
              values: { data: [custom] },
            }),
          ),
        )
        .executeTest(async (server) => {
          const list = await voucherifyClient(server.url)
            .GET(rulesPath, { params: { path: { projectId: params.projectId } } })
            .then(unwrap);
          expect(list.data).toHaveLength(1);
          expect(list.data[0]?.id).toBeTruthy();
          expect(list.data[0]?.created_at).toBeTruthy();
        });
    });

    it('listStackingRules: answers 404 for an unknown project', () =>
      notFoundInteraction(pact, 'voucherify', 'listStackingRules', {
        missing: { projectId: missingProjectId },
        description: 'a project that does not exist',
        resourceType: 'project',
      }));

    it('listStackingRules: rejects invalid management keys', () =>
      invalidCredentialsInteraction(pact, 'voucherify', 'listStackingRules'));
  });

  describe('createStackingRules', () => {
    const { path, params } = requestPath('voucherify', rulesPath);

    it('createStackingRules: creates custom rules with every setting filled in', async () => {
      await pact
        .addInteraction()
        .given(states.projectExists)
        .uponReceiving('createStackingRules: the documented custom rules')
        .withRequest('POST', path, (b) => b.headers(managementKeys).jsonBody(createBody))
        .willRespondWith(200, (b) =>
          b.jsonBody(responseMatcher('voucherify', 'createStackingRules', 200, { values: createBody })),
        )
        .executeTest(async (server) => {
          const rules = await voucherifyClient(server.url)
            .POST(rulesPath, { params: { path: { projectId: params.projectId } }, body: createBody })
            .then(unwrap);
          expect(rules.id).toBeTruthy();
          expect(rules.created_at).toBeTruthy();
          expect(rules).toMatchObject({
            redeemables_limit: createBody.redeemables_limit,
            discount_calculation_mode: createBody.discount_calculation_mode,
          });
          // Settings left out are filled in with their defaults.
          expect(rules.redeemables_no_effect_rule).toBeDefined();
          expect(rules.no_effect_skip_categories).toBeDefined();
        });
    });

    it('createStackingRules: rejects a redeemables_limit below its minimum', async () => {
      const invalid = { ...createBody, redeemables_limit: 0 };
      await invalidBodyInteraction(pact, 'voucherify', 'createStackingRules', {
        given: states.projectExists,
        description: 'a redeemables_limit of 0',
        body: invalid,
      });
    });

    it('createStackingRules: answers 409 when the project already has custom rules', async () => {
      await pact
        .addInteraction()
        .given(states.projectWithStackingRules)
        .uponReceiving('createStackingRules: a project that already has custom rules')
        .withRequest('POST', path, (b) => b.headers(managementKeys).jsonBody(createBody))
        .willRespondWith(409, (b) =>
          b.jsonBody(responseMatcher('voucherify', 'createStackingRules', 409, { include: ['key'] })),
        )
        .executeTest(async (server) => {
          const { error, response } = await voucherifyClient(server.url).POST(rulesPath, {
            params: { path: { projectId: params.projectId } },
            body: createBody,
          });
          expect(response.status).toBe(409);
          expect(error).toMatchObject({ code: 409, key: 'duplicate_found' });
        });
    });

    it('createStackingRules: answers 404 for an unknown project', () =>
      notFoundInteraction(pact, 'voucherify', 'createStackingRules', {
        missing: { projectId: missingProjectId },
        description: 'a project that does not exist',
        resourceType: 'project',
        body: createBody,
      }));

    it('createStackingRules: rejects invalid management keys', () =>
      invalidCredentialsInteraction(pact, 'voucherify', 'createStackingRules'));
  });

  describe('getStackingRules', () => {
    const { path, params } = requestPath('voucherify', rulesByIdPath);

    it('getStackingRules: returns the custom rules of a project', async () => {
      await pact
        .addInteraction()
        .given(states.projectWithStackingRules)
        .uponReceiving('getStackingRules: existing custom rules')
        .withRequest('GET', path, (b) => b.headers(managementKeys))
        .willRespondWith(200, (b) => b.jsonBody(responseMatcher('voucherify', 'getStackingRules', 200)))
        .executeTest(async (server) => {
          const rules = await voucherifyClient(server.url)
            .GET(rulesByIdPath, { params: { path: params } })
            .then(unwrap);
          expect(rules.id).toBe(params.stackingRulesId);
          expect(rules.created_at).toBeTruthy();
          expect(rules.redeemables_limit).toBeGreaterThan(0);
        });
    });

    it('getStackingRules: answers 404 for rules that do not exist', () =>
      notFoundInteraction(pact, 'voucherify', 'getStackingRules', {
        given: states.projectExists,
        missing: { stackingRulesId: missingRulesId },
        description: 'rules that do not exist',
        resourceType: 'stacking_rules',
      }));

    it('getStackingRules: rejects invalid management keys', () =>
      invalidCredentialsInteraction(pact, 'voucherify', 'getStackingRules'));
  });

  describe('updateStackingRules', () => {
    const { path, params } = requestPath('voucherify', rulesByIdPath);

    it('updateStackingRules: changes the settings it is sent and keeps the rest', async () => {
      await pact
        .addInteraction()
        .given(states.projectWithStackingRules)
        .uponReceiving('updateStackingRules: the documented settings change')
        .withRequest('PUT', path, (b) => b.headers(managementKeys).jsonBody(updateBody))
        .willRespondWith(200, (b) =>
          b.jsonBody(responseMatcher('voucherify', 'updateStackingRules', 200, { values: updateBody })),
        )
        .executeTest(async (server) => {
          const rules = await voucherifyClient(server.url)
            .PUT(rulesByIdPath, { params: { path: params }, body: updateBody })
            .then(unwrap);
          expect(rules.id).toBe(params.stackingRulesId);
          expect(rules.updated_at).toBeTruthy();
          expect(rules).toMatchObject({
            redeemables_no_effect_rule: updateBody.redeemables_no_effect_rule,
            applicable_redeemables_per_category_limit: updateBody.applicable_redeemables_per_category_limit,
          });
          // Settings not sent keep the values the rules were created with.
          expect(rules.redeemables_limit).toBeGreaterThan(0);
        });
    });

    it('updateStackingRules: rejects an unknown no-effect rule', async () => {
      const invalid = { ...updateBody, redeemables_no_effect_rule: 'NEVER' };
      await invalidBodyInteraction(pact, 'voucherify', 'updateStackingRules', {
        given: states.projectWithStackingRules,
        description: 'a redeemables_no_effect_rule outside its enum',
        body: invalid,
      });
    });

    it('updateStackingRules: answers 404 for rules that do not exist', () =>
      notFoundInteraction(pact, 'voucherify', 'updateStackingRules', {
        given: states.projectExists,
        missing: { stackingRulesId: missingRulesId },
        description: 'rules that do not exist',
        resourceType: 'stacking_rules',
        body: updateBody,
      }));

    it('updateStackingRules: rejects invalid management keys', () =>
      invalidCredentialsInteraction(pact, 'voucherify', 'updateStackingRules'));
  });

  describe('deleteStackingRules', () => {
    it('deleteStackingRules: deletes the custom rules of a project', () =>
      noContentInteraction(pact, 'voucherify', 'deleteStackingRules', {
        given: states.projectWithStackingRules,
        description: 'existing custom rules',
      }));

    it('deleteStackingRules: answers 404 for rules that do not exist', () =>
      notFoundInteraction(pact, 'voucherify', 'deleteStackingRules', {
        given: states.projectExists,
        missing: { stackingRulesId: missingRulesId },
        description: 'rules that do not exist',
        resourceType: 'stacking_rules',
      }));

    it('deleteStackingRules: rejects invalid management keys', () =>
      invalidCredentialsInteraction(pact, 'voucherify', 'deleteStackingRules'));
  });
});
