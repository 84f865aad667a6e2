import { DomainError, type DomainErrorKind } from '#libs/lifecycle';

/**
 * A document request the inputs cannot satisfy (unknown type, language or format, a version that does not
 * exist). A DomainError, so the API's one error filter maps it (invalid → 400, not-found → 404); `allowed`
 * lists the values that would have worked, and the message names them too.
 */
export class DocumentRequestError extends DomainError {
  constructor(
    code: string,
    message: string,
    kind: DomainErrorKind,
    field: string | undefined,
    readonly allowed: readonly string[] = [],
  ) {
    super(code, message, kind, field);
    this.name = 'DocumentRequestError';
  }

  static unknownValue(field: string, value: unknown, allowed: readonly string[], what: string): DocumentRequestError {
    return new DocumentRequestError(
      `UNKNOWN_${field.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`,
      `${JSON.stringify(value)} is not a known ${what}; use one of: ${allowed.join(', ')}.`,
      'invalid',
      field,
      allowed,
    );
  }
}
