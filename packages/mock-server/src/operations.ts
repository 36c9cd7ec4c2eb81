import { firstExample, type OperationInfo } from '@vouchspec/spec';
import type { RequestValidators, SchemaValidator } from '@vouchspec/spec/validation';
import type { ApiAdapter, Handler } from './api.js';
import type { MockResponse } from './http.js';

/** One operation, ready to serve: its spec facts, validators, and behaviour. */
export interface CompiledOperation {
  op: OperationInfo;
  adapter: ApiAdapter;
  validators: RequestValidators;
  queryParameters: { name: string; deepObject: boolean; array: boolean }[];
  headerParameters: string[];
  handler: Handler;
  /** Whether the behaviour is stateful (a resource module) rather than the documented example. */
  stateful: boolean;
}

/** The operation's first success response with its documented example, for operations without a module. */
export function exampleResponse(op: OperationInfo, adapter: ApiAdapter): MockResponse {
  const [status] = Object.keys(op.responses)
    .filter((code) => /^2\d\d$/.test(code))
    .sort();
  if (!status) throw new Error(`${op.operationId} documents no success response`);
  const media = op.responses[status]?.content?.['application/json'];
  const body = firstExample(adapter.doc, media);
  if (media && body === undefined) throw new Error(`${op.operationId} ${status} has no example to serve`);
  return body === undefined ? { status: Number(status) } : { status: Number(status), body };
}

export function compileOperation(
  op: OperationInfo,
  adapter: ApiAdapter,
  validator: SchemaValidator,
): CompiledOperation {
  const handler = adapter.handlers[op.operationId];
  const example = handler ? undefined : exampleResponse(op, adapter);
  return {
    op,
    adapter,
    validators: validator.requestValidators(op),
    queryParameters: op.parameters
      .filter((p) => p.in === 'query')
      .map((p) => ({
        name: p.name,
        deepObject: p.style === 'deepObject',
        array: (p.schema as { type?: unknown } | undefined)?.type === 'array',
      })),
    headerParameters: op.parameters.filter((p) => p.in === 'header').map((p) => p.name.toLowerCase()),
    handler: handler ?? (() => structuredClone(example as MockResponse)),
    stateful: Boolean(handler),
  };
}
