/**
 * The `/__admin/*` endpoints (not part of either API): reset, seed, a state export that can be seeded back,
 * the operation list and the worlds. Reset, seed and state act on the world the request names, as API
 * requests name theirs (the default world when it names none), and say which in the `Vouchspec-World`
 * header. Only requests `access.ts` lets through reach them.
 */
import type { IncomingMessage } from 'node:http';
import { setImmediate as yieldToOtherRequests } from 'node:timers/promises';
import { HttpError, type PreparedResponse } from '../http.js';
import type { CompiledOperation } from '../operations.js';
import { readBody } from '../pipeline/body.js';
import { JsonBodyError, parseJson } from '../pipeline/json.js';
import { snapshotState } from '../seed.js';
import type { MockState } from '../state.js';
import { addressingHint, type WorldChooser } from '../worlds/choose.js';
import type { WorldSummary } from '../worlds/registry.js';
import { type AdminAccessOptions, adminAccessDenied } from './access.js';

export interface Admin {
  world: WorldChooser;
  worlds(): WorldSummary[];
  operations: readonly CompiledOperation[];
  access: AdminAccessOptions;
  maxBodyBytes: number;
  maxJsonDepth: number;
  reset(state: MockState): void;
  seed(state: MockState, data: unknown): Record<string, number>;
}

/** The response header naming the world an admin request acted on. */
export const worldResponseHeader = 'Vouchspec-World';

const json = (status: number, body: unknown): PreparedResponse => ({
  status,
  headers: { 'Content-Type': 'application/json; charset=utf-8' },
  payload: JSON.stringify(body),
});

export async function handleAdmin(admin: Admin, method: string, pathname: string, req: IncomingMessage) {
  const denied = adminAccessDenied(method, req.headers, admin.access);
  if (denied) {
    req.resume();
    return json(403, { error: denied });
  }
  const route = `${method} ${pathname}`;
  try {
    return await answer(admin, route, req);
  } catch (error) {
    req.resume();
    if (error instanceof HttpError) return json(error.status, { error: error.details ?? error.message });
    throw error;
  }
}

async function answer(admin: Admin, route: string, req: IncomingMessage): Promise<PreparedResponse> {
  if (route === 'GET /__admin/worlds')
    return json(200, { worlds: admin.worlds(), addressing: addressingHint });
  if (route === 'GET /__admin/operations') {
    return json(
      200,
      admin.operations.map(({ op, stateful }) => ({
        api: op.api,
        operationId: op.operationId,
        method: op.method.toUpperCase(),
        path: op.path,
        behaviour: stateful ? 'stateful' : 'example',
      })),
    );
  }
  const acting = ['POST /__admin/reset', 'POST /__admin/seed', 'GET /__admin/state'].includes(route);
  if (!acting) {
    req.resume();
    return json(404, { error: `No admin endpoint ${route}` });
  }
  const world = admin.world(req.headers, undefined);
  const named = { [worldResponseHeader]: world.name };
  switch (route) {
    case 'POST /__admin/reset':
      req.resume();
      admin.reset(world.state);
      return { status: 204, headers: named };
    case 'POST /__admin/seed': {
      const raw = await readBody(req, admin.maxBodyBytes);
      let data: unknown;
      try {
        data = parseJson(raw, admin.maxJsonDepth);
      } catch (error) {
        if (error instanceof JsonBodyError) throw new HttpError(400, `Seed: ${error.message}`);
        throw error;
      }
      const seeded = admin.seed(world.state, data);
      const response = json(200, { seeded, world: world.name, addressing: addressingHint });
      return { ...response, headers: { ...response.headers, ...named } };
    }
    default:
      return {
        status: 200,
        headers: { 'Content-Type': 'application/json; charset=utf-8', ...named },
        payload: exportInSlices(world.state),
      };
  }
}

/** How long one slice of the export may hold the event loop before other requests get their turn. */
const sliceMs = 5;
/** How much text to gather before handing it to the socket. */
const chunkChars = 256 * 1024;

/**
 * The state dump as JSON text in chunks, from a snapshot taken at once (rows never change in place, so it
 * is consistent) and serialised in slices of a few milliseconds, so a large export never holds up other
 * requests for long.
 */
export async function* exportInSlices(state: MockState): AsyncGenerator<string> {
  const snapshot = snapshotState(state);
  let chunk = '';
  let sliceStarted = performance.now();
  const apis = Object.entries(snapshot);
  chunk += '{';
  for (const [apiIndex, [api, collections]] of apis.entries()) {
    chunk += `${apiIndex > 0 ? ',' : ''}${JSON.stringify(api)}:{`;
    for (const [collectionIndex, [name, { rows, item }]] of Object.entries(collections).entries()) {
      chunk += `${collectionIndex > 0 ? ',' : ''}${JSON.stringify(name)}:[`;
      for (let index = 0; index < rows.length; index++) {
        chunk += (index > 0 ? ',' : '') + JSON.stringify(item(rows[index]));
        if (chunk.length >= chunkChars) {
          yield chunk;
          chunk = '';
        }
        if (performance.now() - sliceStarted >= sliceMs) {
          await yieldToOtherRequests();
          sliceStarted = performance.now();
        }
      }
      chunk += ']';
    }
    chunk += '}';
  }
  yield `${chunk}}`;
}
