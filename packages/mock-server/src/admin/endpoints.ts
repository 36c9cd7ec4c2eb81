/**
 * The `/__admin/*` endpoints (not part of either API): reset, seed, a state export that can be seeded back,
 * and the operation list. Only requests `access.ts` lets through reach them.
 */
import type { IncomingMessage } from 'node:http';
import { setImmediate as yieldToOtherRequests } from 'node:timers/promises';
import { HttpError, type PreparedResponse } from '../http.js';
import type { CompiledOperation } from '../operations.js';
import { readBody } from '../pipeline/body.js';
import { JsonBodyError, parseJson } from '../pipeline/json.js';
import { snapshotState } from '../seed.js';
import type { MockState } from '../state.js';
import { type AdminAccessOptions, adminAccessDenied } from './access.js';

export interface Admin {
  state: MockState;
  operations: readonly CompiledOperation[];
  access: AdminAccessOptions;
  maxBodyBytes: number;
  maxJsonDepth: number;
  reset(): void;
  seed(data: unknown): Record<string, number>;
}

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
    switch (route) {
      case 'POST /__admin/reset':
        req.resume();
        admin.reset();
        return { status: 204, headers: {} };
      case 'POST /__admin/seed': {
        const raw = await readBody(req, admin.maxBodyBytes);
        let data: unknown;
        try {
          data = parseJson(raw, admin.maxJsonDepth);
        } catch (error) {
          if (error instanceof JsonBodyError) throw new HttpError(400, `Seed: ${error.message}`);
          throw error;
        }
        return json(200, { seeded: admin.seed(data) });
      }
      case 'GET /__admin/state':
        return {
          status: 200,
          headers: { 'Content-Type': 'application/json; charset=utf-8' },
          payload: exportInSlices(admin.state),
        };
      case 'GET /__admin/operations':
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
      default:
        req.resume();
        return json(404, { error: `No admin endpoint ${route}` });
    }
  } catch (error) {
    req.resume();
    if (error instanceof HttpError) return json(error.status, { error: error.message });
    throw error;
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
