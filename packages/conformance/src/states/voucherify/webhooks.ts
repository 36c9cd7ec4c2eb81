import type { StateDefinitions } from '../types.js';
import { projectWithDocumentedItem } from './projects.js';

export const states: StateDefinitions = {
  // The documented target is on `example.com`, reserved for documentation, so notifications reach no one.
  'a project with a webhook exists': projectWithDocumentedItem('createWebhook', 'webhookId'),
};
