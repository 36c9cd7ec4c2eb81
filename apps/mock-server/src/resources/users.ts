import type { Handler } from '../api.js';

export const userHandlers: Record<string, Handler> = {};
