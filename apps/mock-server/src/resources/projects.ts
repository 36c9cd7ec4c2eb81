import type { Handler } from '../api.js';

export const projectHandlers: Record<string, Handler> = {};
