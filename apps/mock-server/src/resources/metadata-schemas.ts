import type { Handler } from '../api.js';

export const metadataSchemaHandlers: Record<string, Handler> = {};
