import type { Handler } from '../api.js';

export const customerRedeemableHandlers: Record<string, Handler> = {};
