import type { Handler } from '../api.js';

export const brandHandlers: Record<string, Handler> = {};
