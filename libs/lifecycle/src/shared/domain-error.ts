/**
 * A rule of the domain was broken. `code` is stable (clients switch on it); `message` is a sentence a legal
 * officer understands. `kind` tells the edge which HTTP status family to use without the domain knowing HTTP.
 */
export type DomainErrorKind = 'not-found' | 'conflict' | 'invalid';

export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly kind: DomainErrorKind = 'conflict',
    /** The input field the rule concerns, when there is one (named in 400 answers). */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const invalid = (field: string, message: string, code = 'INVALID_INPUT') =>
  new DomainError(code, message, 'invalid', field);
export const conflict = (code: string, message: string) => new DomainError(code, message, 'conflict');
export const notFound = (code: string, message: string) => new DomainError(code, message, 'not-found');
