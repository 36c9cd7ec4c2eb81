/** Binary field values callers may pass for a multipart upload. */
export type BinaryInput = Blob | ArrayBuffer | Uint8Array | string;

/**
 * A multipart body from an object: binary fields (named by the spec, with their content types) become
 * file parts, everything else a text part. No Content-Type is set by hand, so fetch adds the boundary.
 */
export function toFormData(body: unknown, binaryFields: Record<string, string>): FormData {
  const form = new FormData();
  for (const [field, value] of Object.entries((body ?? {}) as Record<string, unknown>)) {
    if (value === undefined || value === null) continue;
    const contentType = binaryFields[field];
    if (contentType === undefined) {
      form.append(field, typeof value === 'string' ? value : JSON.stringify(value));
      continue;
    }
    const extension = contentType.split('/')[1]?.split(/[+;]/)[0];
    const fileName = (value as { name?: unknown }).name;
    // A Blob that carries no type of its own is sent with the type the spec documents for the field.
    const blob =
      value instanceof Blob && value.type ? value : new Blob([value as BlobPart], { type: contentType });
    form.append(
      field,
      blob,
      typeof fileName === 'string' ? fileName : `${field}${extension ? `.${extension}` : ''}`,
    );
  }
  return form;
}
