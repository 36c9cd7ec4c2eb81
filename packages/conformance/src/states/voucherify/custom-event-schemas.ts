import type { StateDefinitions } from '../types.js';
import { projectWithDocumentedItem } from './projects.js';

export const states: StateDefinitions = {
  // The documented schema is `newsletter_subscribed`: creating it again in the project is a duplicate.
  'a project with a custom event schema exists': projectWithDocumentedItem(
    'createCustomEventSchema',
    'customEventSchemaId',
  ),
};
