/**
 * States holding a fresh project with one item of a project-scoped collection in it (a brand, a webhook, …),
 * created from the spec's documented request example, so the item is the one the consumer tests expect.
 */
import { findOperation, requestExample } from '@vouchspec/spec';
import { voucherify } from '../clients.js';
import { defineState, type PathParameter, type StateDefinition, type StateDefinitions } from '../define.js';
import { providerStateNames as names } from '../names.js';
import { createProject, deleteProject } from './projects.js';

/** A create call by path template: the project-scoped collections all take a body and answer an object with an id. */
type CreateInProject = (
  path: string,
  init: { params: { path: { projectId: string } }; body: unknown },
) => Promise<{ data?: { id: string }; error?: unknown; response: Response }>;

/**
 * A state holding a fresh project with one item in it, created through the Management API from the documented
 * request example of `operationId` (the POST on the project's collection). Fills in `projectId` and the
 * item's id as `idName`. Deleting the project removes the item with it, in teardown or when the creation fails.
 */
function projectWithDocumentedItem(operationId: string, idName: PathParameter): StateDefinition {
  const operation = findOperation('voucherify', operationId);
  if (operation.method !== 'post') throw new Error(`${operationId} is not a POST operation`);
  return defineState({
    pathParameters: ['projectId', idName],
    async setup(target) {
      const projectId = await createProject(target);
      const create = voucherify(target).POST as unknown as CreateInProject;
      const { data, error, response } = await create(operation.path, {
        params: { path: { projectId } },
        body: requestExample('voucherify', operationId),
      });
      if (!data) {
        // Teardown only gets what setup returned: leave no project behind on a real account.
        await deleteProject(target, projectId);
        throw new Error(`${operationId} failed: HTTP ${response.status} ${JSON.stringify(error)}`);
      }
      return { projectId, [idName]: data.id } as Record<'projectId' | PathParameter, string>;
    },
    async teardown(target, _params, { projectId }) {
      await deleteProject(target, String(projectId));
    },
  });
}

export const states: StateDefinitions = {
  // A fresh project each time, since a project can have only one brand.
  [names.projectWithBrand]: projectWithDocumentedItem('createBrand', 'brandingId'),
  // The documented schema is `newsletter_subscribed`: creating it again in the project is a duplicate.
  [names.projectWithCustomEventSchema]: projectWithDocumentedItem(
    'createCustomEventSchema',
    'customEventSchemaId',
  ),
  // The documented schema is for `customer`: creating it again in the project is a duplicate.
  [names.projectWithMetadataSchema]: projectWithDocumentedItem('createMetadataSchema', 'metadataSchemaId'),
  // A fresh project has only the defaults, so the documented custom rules can always be created in it.
  [names.projectWithStackingRules]: projectWithDocumentedItem('createStackingRules', 'stackingRulesId'),
  // The documented target is on `example.com`, reserved for documentation, so notifications reach no one.
  [names.projectWithWebhook]: projectWithDocumentedItem('createWebhook', 'webhookId'),
};
