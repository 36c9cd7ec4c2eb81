import busboy from 'busboy';
import { HttpError } from './http.js';

/** A file part of a multipart body. */
export interface UploadedFile {
  fileName: string;
  contentType: string;
  content: Buffer;
}

/**
 * Parses a buffered `multipart/form-data` body into fields: text parts as strings, file parts as
 * `UploadedFile`. A malformed body is a 400, never a crash.
 */
export function parseMultipart(
  raw: Buffer,
  contentType: string,
): Promise<Record<string, string | UploadedFile>> {
  return new Promise((resolve, reject) => {
    const fields: Record<string, string | UploadedFile> = {};
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: { 'content-type': contentType } });
    } catch (error) {
      reject(
        new HttpError(
          400,
          'Invalid payload',
          `The multipart body cannot be read: ${(error as Error).message}`,
        ),
      );
      return;
    }
    parser.on('field', (name, value) => {
      fields[name] = value;
    });
    parser.on('file', (name, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        fields[name] = {
          fileName: info.filename ?? name,
          contentType: info.mimeType,
          content: Buffer.concat(chunks),
        };
      });
    });
    parser.on('error', (error: Error) =>
      reject(new HttpError(400, 'Invalid payload', `The multipart body cannot be read: ${error.message}`)),
    );
    parser.on('close', () => resolve(fields));
    parser.end(raw);
  });
}

/** The fields as the spec's schema sees them: a file is its content as text (`format: binary`). */
export function multipartForValidation(
  fields: Record<string, string | UploadedFile>,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(fields).map(([name, value]) => [
      name,
      typeof value === 'string' ? value : value.content.toString('latin1'),
    ]),
  );
}
