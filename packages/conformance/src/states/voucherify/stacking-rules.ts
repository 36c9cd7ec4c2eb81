import type { StateDefinitions } from '../types.js';
import { projectWithDocumentedItem } from './projects.js';

export const states: StateDefinitions = {
  // A fresh project has only the defaults, so the documented custom rules can always be created in it.
  'a project with custom stacking rules exists': projectWithDocumentedItem(
    'createStackingRules',
    'stackingRulesId',
  ),
};
