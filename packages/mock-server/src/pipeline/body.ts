/**
 * Stage: read and parse the request body: bounded in size, in the media type the operation accepts, and for
 * JSON strictly decoded with bounded nesting (`json.ts`). Every refusal is the vendor's 400 or 413.
 */
import type { IncomingMessage } from 'node:http';
import { HttpError } from '../http.js';
import { parseMultipart, type UploadedFile } from '../multipart.js';
import type { CompiledOperation } from '../operations.js';
import { JsonBodyError, parseJson } from './json.js';

export interface BodyLimits {
  maxBodyBytes: number;
  maxJsonDepth: number;
}

/** The media type of a Content-Type header, lower case, without parameters. */
export function mediaTypeOf(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

const tooLarge = (maxBytes: number) =>
  new HttpError(413, 'Payload too large', `The body exceeds ${maxBytes} bytes.`);

/** The whole body, refused as soon as it is known to exceed the limit (from Content-Length or while reading). */
export async function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  if (Number(req.headers['content-length'] ?? 0) > maxBytes) {
    req.resume();
    throw tooLarge(maxBytes);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw tooLarge(maxBytes);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export type ParsedBody = unknown | Record<string, string | UploadedFile>;

/** The parsed body, or `undefined` when the operation takes none or an optional one was not sent. */
export async function parseBody(
  compiled: CompiledOperation,
  mediaType: string,
  contentType: string | undefined,
  raw: Buffer,
  limits: BodyLimits,
): Promise<ParsedBody> {
  const requestBody = compiled.op.requestBody;
  if (!requestBody) return undefined;
  if (raw.length === 0) {
    if (requestBody.required) throw new HttpError(400, 'Invalid payload', 'A request body is required.');
    return undefined;
  }
  const accepted = Object.keys(requestBody.content);
  if (!accepted.includes(mediaType)) {
    throw new HttpError(
      400,
      'Invalid payload',
      `Content-Type ${mediaType || '(none)'} is not accepted; send ${accepted.join(' or ')}.`,
    );
  }
  if (mediaType === 'multipart/form-data') return parseMultipart(raw, contentType as string);
  try {
    return parseJson(raw, limits.maxJsonDepth);
  } catch (error) {
    if (error instanceof JsonBodyError) throw new HttpError(400, 'Invalid payload', error.message);
    throw error;
  }
}
