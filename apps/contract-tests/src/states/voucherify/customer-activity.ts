import type { StateDefinitions } from '../types.js';

export const states: StateDefinitions = {};
