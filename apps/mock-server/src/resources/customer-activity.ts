import type { Handler } from '../api.js';

export const customerActivityHandlers: Record<string, Handler> = {};
