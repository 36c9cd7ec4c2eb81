import type { Handler } from '../api.js';

export const webhookHandlers: Record<string, Handler> = {};
