/** Pipeline stage, after authentication: the world (isolated state) a request acts on. */
import type { IncomingHttpHeaders } from 'node:http';
import type { CredentialPolicy } from '../credentials.js';
import { HttpError } from '../http.js';
import type { MockState } from '../state.js';
import { defaultWorld, maxCredentialLength, worldHeader, worldNameOf } from './naming.js';
import type { Worlds } from './registry.js';

export interface ChosenWorld {
  name: string;
  state: MockState;
}

export type WorldChooser = (headers: IncomingHttpHeaders, body: unknown) => ChosenWorld;

/** Strict mode has one world, as before worlds existed; otherwise the naming rule picks one. */
export function worldChooser(worlds: Worlds, credentials: CredentialPolicy): WorldChooser {
  return (headers, body) => {
    if (credentials.strict) return { name: defaultWorld, state: worlds.default };
    const name = worldNameOf(headers, body, credentials.values);
    if (typeof name !== 'string') {
      throw new HttpError(
        400,
        'Invalid payload',
        `${name.malformed} must be non-empty, printable and at most ${maxCredentialLength} characters long.`,
      );
    }
    return { name, state: worlds.use(name) };
  };
}

/** How an admin answer tells the caller to reach another world. */
export const addressingHint =
  `Other worlds: send ${worldHeader}: <name>, or the credential headers (X-App-Id, X-Management-Id, ` +
  'Authorization: Bearer …) whose world you mean; GET /__admin/worlds lists them.';
