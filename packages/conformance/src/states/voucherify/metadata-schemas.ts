import type { StateDefinitions } from '../types.js';
import { projectWithDocumentedItem } from './projects.js';

export const states: StateDefinitions = {
  // The documented schema is for `customer`: creating it again in the project is a duplicate.
  'a project with a metadata schema exists': projectWithDocumentedItem(
    'createMetadataSchema',
    'metadataSchemaId',
  ),
};
