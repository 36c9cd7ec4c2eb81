/** Thrown before a request is sent when the client was not given the credentials its operation requires. */
export class MissingCredentialsError extends Error {
  override readonly name = 'MissingCredentialsError';
  constructor(
    readonly operation: string,
    readonly accepted: readonly (readonly string[])[],
  ) {
    super(
      `${operation} needs ${accepted.map((alternative) => alternative.join(' + ')).join(' or ')}, ` +
        'but the client was created without them',
    );
  }
}
