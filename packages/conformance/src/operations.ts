/** Which spec operation a pact interaction exercises, read from the bundles. */
import { type ApiId, listOperations, type OperationInfo } from '@vouchspec/spec';

interface Template {
  op: OperationInfo;
  pattern: RegExp;
  literalSegments: number;
}

const templates = new Map<ApiId, Template[]>();

function templatesOf(api: ApiId): Template[] {
  let list = templates.get(api);
  if (!list) {
    list = listOperations(api).map((op) => ({
      op,
      pattern: new RegExp(`^${op.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`),
      literalSegments: op.path.split('/').filter((s) => s && !s.startsWith('{')).length,
    }));
    templates.set(api, list);
  }
  return list;
}

/**
 * The operation an interaction's method and concrete path belong to. Where templates overlap
 * (`/v1/customers/importCSV` and `/v1/customers/{customerId}`), the one with more literal segments wins,
 * as in routers.
 */
export function operationOf(api: ApiId, method: string, path: string): OperationInfo | undefined {
  const bare = path.split('?')[0] ?? path;
  return templatesOf(api)
    .filter((t) => t.op.method === method.toLowerCase() && t.pattern.test(bare))
    .sort((a, b) => b.literalSegments - a.literalSegments)[0]?.op;
}

/** Every operation of an API, in document order. */
export function allOperations(api: ApiId): OperationInfo[] {
  return templatesOf(api).map((t) => t.op);
}
