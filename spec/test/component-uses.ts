/**
 * Where a bundle uses its named components, read from the unresolved document: which examples illustrate
 * which bodies, and which response components answer which statuses. `naming.test.ts` checks the names
 * against these uses.
 */
import { httpMethods, type OpenAPIV3_1, type OpenApiDocument } from '../src/index.js';

type Reference = OpenAPIV3_1.ReferenceObject;
type Media = OpenAPIV3_1.MediaTypeObject;

/** One place an example is used: a request body, a success response or an error response. */
export interface ExampleUse {
  example: string;
  role: 'request' | 'success' | 'error';
  /** The schema names the body names directly: its `$ref`, its items' or its `allOf` members'. */
  subjects: string[];
  operationId: string;
  /** The response component that holds the example, when one does. */
  heldBy?: string;
}

/** A response as an operation answers it: a component (`$ref`) or written inline. */
export interface ResponseUse {
  status: string;
  operationId: string;
  component?: string;
  /** The bodies' schemas by media type, as JSON: what the response means to a client. */
  body: string;
}

export interface ComponentUses {
  examples: ExampleUse[];
  responses: ResponseUse[];
  /** Parameter and header components with the name they are used under. */
  parameters: { component: string; name: string; in: string }[];
  /** Parameters written inline in an operation, as JSON. */
  inlineParameters: { operationId: string; definition: string }[];
  headers: { component: string; name: string }[];
}

export const refName = (value: unknown): string | undefined =>
  (value as Partial<Reference> | undefined)?.$ref?.split('/').pop();

function subjectsOf(schema: unknown): string[] {
  const node = (schema ?? {}) as { items?: unknown; allOf?: unknown[] };
  return [schema, node.items, ...(node.allOf ?? [])].map(refName).filter((n): n is string => !!n);
}

const bodyOf = (content: Record<string, Media> | undefined) =>
  JSON.stringify(Object.entries(content ?? {}).map(([type, media]) => [type, media.schema]));

function examplesOf(
  content: Record<string, Media> | undefined,
  use: Omit<ExampleUse, 'example' | 'subjects'>,
): ExampleUse[] {
  return Object.values(content ?? {}).flatMap((media) =>
    Object.values(media.examples ?? {})
      .map(refName)
      .filter((example): example is string => !!example)
      .map((example) => ({ ...use, example, subjects: subjectsOf(media.schema) })),
  );
}

const roleOf = (status: string): ExampleUse['role'] => (/^[23]/.test(status) ? 'success' : 'error');

export function componentUses(doc: OpenApiDocument): ComponentUses {
  const uses: ComponentUses = {
    examples: [],
    responses: [],
    parameters: [],
    inlineParameters: [],
    headers: [],
  };
  const responseComponents = (doc.components?.responses ?? {}) as Record<string, OpenAPIV3_1.ResponseObject>;
  const parameterComponents = (doc.components?.parameters ?? {}) as Record<
    string,
    OpenAPIV3_1.ParameterObject
  >;
  const noteParameters = (list: unknown[] | undefined) => {
    for (const component of (list ?? []).map(refName).filter((n): n is string => !!n)) {
      const parameter = parameterComponents[component];
      if (parameter) uses.parameters.push({ component, name: parameter.name, in: parameter.in });
    }
  };
  const noteHeaders = (response: OpenAPIV3_1.ResponseObject) => {
    for (const [name, header] of Object.entries(response.headers ?? {})) {
      const component = refName(header);
      if (component) uses.headers.push({ component, name });
    }
  };

  for (const item of Object.values(doc.paths ?? {}) as OpenAPIV3_1.PathItemObject[]) {
    noteParameters(item.parameters);
    for (const method of httpMethods) {
      const op = item[method];
      if (!op) continue;
      const operationId = op.operationId ?? `${method} operation`;
      noteParameters(op.parameters);
      for (const parameter of (op.parameters ?? []).filter((p) => !refName(p)))
        uses.inlineParameters.push({ operationId, definition: JSON.stringify(parameter) });
      const body = op.requestBody as OpenAPIV3_1.RequestBodyObject | undefined;
      uses.examples.push(...examplesOf(body?.content, { role: 'request', operationId }));
      for (const [status, raw] of Object.entries(op.responses ?? {})) {
        const component = refName(raw);
        const response = component ? responseComponents[component] : (raw as OpenAPIV3_1.ResponseObject);
        if (!response) continue;
        uses.responses.push({ status, operationId, component, body: bodyOf(response.content) });
        const use = { role: roleOf(status), operationId, ...(component ? { heldBy: component } : {}) };
        uses.examples.push(...examplesOf(response.content, use));
        noteHeaders(response);
      }
    }
  }
  return uses;
}
