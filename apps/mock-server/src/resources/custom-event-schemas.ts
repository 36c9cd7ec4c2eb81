import type { Handler } from '../api.js';

export const customEventSchemaHandlers: Record<string, Handler> = {};
