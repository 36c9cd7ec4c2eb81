import type { Handler } from '../api.js';

export const stackingRulesHandlers: Record<string, Handler> = {};
