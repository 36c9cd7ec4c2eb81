import type { Handler } from '../api.js';

export const referralHolderHandlers: Record<string, Handler> = {};
