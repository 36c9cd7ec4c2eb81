/**
 * Code samples for every operation, derived from the spec: a TypeScript call through `@vouchspec/client`
 * and the raw HTTP request it sends. Values come from the documented examples (path parameters, request
 * bodies) and the schemas (required query parameters, page sizes). The build type-checks every TypeScript
 * sample against the client, so the docs cannot show a call the client would reject.
 */
import {
  type ApiId,
  type CredentialHeader,
  clientCredentialOption,
  credentialAlternatives,
  firstExample,
  type OpenApiDocument,
  type OperationInfo,
  type ParameterObject,
  resolve,
  type SchemaObject,
} from '@vouchspec/spec';
import JSON5 from 'json5';
import { format } from 'prettier';

export interface OperationSamples {
  operationId: string;
  /** A complete TypeScript module: imports, client, the call. */
  typescript: string;
  /** The request as it goes over the wire, with credential placeholders. */
  http: string;
}

/** How each API's client is created in the samples, and what its credentials are called. */
const clients: Record<ApiId, { factory: string; variable: string }> = {
  voucherify: { factory: 'createVoucherifyClient', variable: 'voucherify' },
  'mews-connector': { factory: 'createMewsConnectorClient', variable: 'mews' },
};

/** The Mews envelope the client adds to every body; samples leave it to the client. */
const mewsEnvelope = ['ClientToken', 'AccessToken', 'Client'] as const;
const mewsClientName = 'My Integration 1.0.0';

/** `appId` → `VOUCHERIFY_APP_ID`. */
function environmentVariable(option: string): string {
  return `VOUCHERIFY_${option.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`;
}

/** An operation's first security alternative made only of API keys: the samples show no bearer token. */
function apiKeyCredentials(doc: OpenApiDocument, op: OperationInfo): CredentialHeader[] {
  return (
    credentialAlternatives(doc, op).find((keys) => keys.length > 0 && keys.every((key) => !key.bearer)) ?? []
  );
}

const literal = (value: unknown) => JSON5.stringify(value, { quote: "'" });

/** Multi-line text as a template literal, so a CSV reads as a CSV; anything else as a quoted string. */
const textLiteral = (text: string) =>
  text.includes('\n') && !/[`\\]|\$\{/.test(text) ? `\`${text}\`` : literal(text);

/** A value for a parameter: its example, else its schema's default, first enum value or a plain instance. */
function parameterValue(doc: OpenApiDocument, parameter: ParameterObject): unknown {
  if (parameter.example !== undefined) return parameter.example;
  const schema = resolve<SchemaObject>(doc, parameter.schema ?? {});
  if (schema.example !== undefined) return schema.example;
  if (schema.default !== undefined) return schema.default;
  if (schema.enum?.[0] !== undefined) return schema.enum[0];
  if (schema.type === 'integer' || schema.type === 'number')
    return Math.min(typeof schema.maximum === 'number' ? schema.maximum : 10, 10);
  if (schema.type === 'boolean') return true;
  throw new Error(`parameter ${parameter.name} needs an example for the code samples`);
}

/** Path parameters from their examples; query parameters that are required, plus the page size of lists. */
function parameterValues(doc: OpenApiDocument, op: OperationInfo) {
  const path: Record<string, unknown> = {};
  const query: Record<string, unknown> = {};
  for (const parameter of op.parameters) {
    if (parameter.in === 'path') path[parameter.name] = parameterValue(doc, parameter);
    else if (parameter.in === 'query' && (parameter.required || parameter.name === 'limit'))
      query[parameter.name] = parameterValue(doc, parameter);
  }
  return { path, query };
}

interface RequestBody {
  mediaType: string;
  /** The documented example: an object, or an array for bulk operations. */
  value: Record<string, unknown>;
  /** For multipart bodies: the content type of each binary part. */
  partTypes: Record<string, string>;
}

function requestBody(api: ApiId, doc: OpenApiDocument, op: OperationInfo): RequestBody | undefined {
  const [mediaType, media] = Object.entries(op.requestBody?.content ?? {})[0] ?? [];
  if (!mediaType || !media) return undefined;
  const example = firstExample(doc, media);
  if (example === undefined || typeof example !== 'object' || example === null)
    throw new Error(`${api} ${op.operationId} documents no request body example for the code samples`);
  const value = structuredClone(example) as Record<string, unknown>;
  if (api === 'mews-connector' && !Array.isArray(value)) for (const key of mewsEnvelope) delete value[key];
  const partTypes = Object.fromEntries(
    Object.entries(media.encoding ?? {}).map(([name, encoding]) => [
      name,
      encoding.contentType ?? 'application/octet-stream',
    ]),
  );
  return { mediaType, value, partTypes };
}

/** `Project` for a response whose schema is `#/components/schemas/Project`; the variable is `project`. */
function resultName(op: OperationInfo): string | undefined {
  const success = Object.entries(op.responses).find(([status]) => /^2\d\d$/.test(status));
  const media = success?.[1].content?.['application/json'];
  if (!media) return undefined;
  const ref = (media.schema as { $ref?: string } | undefined)?.$ref;
  const name = ref?.split('/').pop() ?? 'Result';
  return name.charAt(0).toLowerCase() + name.slice(1);
}

function clientSetup(api: ApiId, credentials: CredentialHeader[]): string {
  if (api === 'mews-connector')
    return `const mews = createMewsConnectorClient({
  environment: 'demo',
  clientToken: process.env.MEWS_CLIENT_TOKEN!,
  accessToken: process.env.MEWS_ACCESS_TOKEN!,
  client: '${mewsClientName}',
});`;
  const options = credentials.map((credential) => {
    const option = clientCredentialOption(credential);
    return `  ${option}: process.env.${environmentVariable(option)},`;
  });
  return `const voucherify = createVoucherifyClient({
  cluster: 'api',
${options.join('\n')}
});`;
}

async function typescriptSample(api: ApiId, doc: OpenApiDocument, op: OperationInfo): Promise<string> {
  const { factory, variable } = clients[api];
  const { path, query } = parameterValues(doc, op);
  const body = requestBody(api, doc, op);
  const init: string[] = [];
  const params: string[] = [];
  if (Object.keys(path).length > 0) params.push(`path: ${literal(path)}`);
  if (Object.keys(query).length > 0) params.push(`query: ${literal(query)}`);
  if (params.length > 0) init.push(`params: { ${params.join(', ')} }`);
  if (body?.mediaType === 'multipart/form-data') {
    const parts = Object.entries(body.value).map(([name, value]) =>
      body.partTypes[name] && typeof value === 'string'
        ? `${name}: new Blob([${textLiteral(value)}], { type: '${body.partTypes[name]}' })`
        : `${name}: ${literal(value)}`,
    );
    init.push(`body: { ${parts.join(', ')} }`);
  } else if (body) init.push(`body: ${literal(body.value)}`);
  const call = `${variable}.${op.method.toUpperCase()}('${op.path}'${init.length > 0 ? `, { ${init.join(', ')} }` : ''})`;
  const name = resultName(op);
  const statement = name
    ? `const ${name} = unwrap(await ${call});\nconsole.log(${name});`
    : `unwrap(await ${call});`;
  const source = `import { ${factory}, unwrap } from '@vouchspec/client';

${clientSetup(api, apiKeyCredentials(doc, op))}

${statement}
`;
  return format(source, { parser: 'typescript', singleQuote: true, printWidth: 88, trailingComma: 'all' });
}

/** The server a sample talks to: the spec's first, with its variables' defaults. */
function host(doc: OpenApiDocument): string {
  const server = doc.servers?.[0];
  if (!server) throw new Error(`${doc.info.title} names no server`);
  const url = server.url.replace(/\{(\w+)\}/g, (_, name: string) =>
    String(server.variables?.[name]?.default),
  );
  return new URL(url).host;
}

function queryString(query: Record<string, unknown>): string {
  const search = new URLSearchParams(Object.entries(query).map(([name, value]) => [name, String(value)]));
  const text = search.toString();
  return text ? `?${text}` : '';
}

function httpSample(api: ApiId, doc: OpenApiDocument, op: OperationInfo): string {
  const { path, query } = parameterValues(doc, op);
  const target =
    op.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(path[name]))) +
    queryString(query);
  const lines = [`${op.method.toUpperCase()} ${target} HTTP/1.1`, `Host: ${host(doc)}`];
  for (const credential of apiKeyCredentials(doc, op))
    lines.push(`${credential.header}: <${environmentVariable(clientCredentialOption(credential))}>`);
  const body = requestBody(api, doc, op);
  if (!body) return `${lines.join('\n')}\n`;
  if (body.mediaType === 'multipart/form-data') {
    const boundary = 'vouchspec-sample-boundary';
    lines.push(`Content-Type: multipart/form-data; boundary=${boundary}`, '');
    for (const [name, value] of Object.entries(body.value)) {
      const type = body.partTypes[name];
      lines.push(
        `--${boundary}`,
        `Content-Disposition: form-data; name="${name}"${type ? `; filename="${name}.csv"` : ''}`,
        ...(type ? [`Content-Type: ${type}`] : []),
        '',
        String(value).trimEnd(),
      );
    }
    lines.push(`--${boundary}--`);
    return `${lines.join('\n')}\n`;
  }
  const wire =
    api === 'mews-connector'
      ? {
          ClientToken: '<MEWS_CLIENT_TOKEN>',
          AccessToken: '<MEWS_ACCESS_TOKEN>',
          Client: mewsClientName,
          ...body.value,
        }
      : body.value;
  lines.push(`Content-Type: ${body.mediaType}`, '', JSON.stringify(wire, null, 2));
  return `${lines.join('\n')}\n`;
}

export async function operationSamples(
  api: ApiId,
  doc: OpenApiDocument,
  op: OperationInfo,
): Promise<OperationSamples> {
  return {
    operationId: op.operationId,
    typescript: await typescriptSample(api, doc, op),
    http: httpSample(api, doc, op),
  };
}
