/**
 * The TypeScript types of both APIs, generated from the bundles by openapi-typescript: `…Paths` for
 * path-keyed clients such as openapi-fetch, `…Schemas` for the named component schemas.
 */
import type * as mewsConnector from './generated/mews-connector.js';
import type * as voucherify from './generated/voucherify.js';

export type VoucherifyPaths = voucherify.paths;
export type VoucherifyComponents = voucherify.components;
export type VoucherifySchemas = voucherify.components['schemas'];
export type VoucherifyOperations = voucherify.operations;

export type MewsConnectorPaths = mewsConnector.paths;
export type MewsConnectorComponents = mewsConnector.components;
export type MewsConnectorSchemas = mewsConnector.components['schemas'];
export type MewsConnectorOperations = mewsConnector.operations;
