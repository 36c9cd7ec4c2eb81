import type { Handler } from '../api.js';

export const campaignTemplateHandlers: Record<string, Handler> = {};
