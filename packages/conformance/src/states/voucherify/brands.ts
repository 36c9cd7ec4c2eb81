import type { StateDefinitions } from '../types.js';
import { projectWithDocumentedItem } from './projects.js';

export const states: StateDefinitions = {
  // A fresh project each time, since a project can have only one brand.
  'a project with a brand exists': projectWithDocumentedItem('createBrand', 'brandingId'),
};
