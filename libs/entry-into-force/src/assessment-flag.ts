/**
 * Something the evaluation noticed but that does not stop it (a notice given during the lock-in, a
 * revocation that came too late, a denominator the facts did not supply). `code` is stable; the domain
 * may turn a flag into a DomainError when an act would create it.
 */
export interface AssessmentFlag {
  readonly code: AssessmentFlagCode;
  readonly message: string;
  readonly party?: string;
}

export type AssessmentFlagCode =
  | 'WITHDRAWAL_DURING_LOCK_IN'
  | 'WITHDRAWAL_NAMED_DATE_TOO_EARLY'
  | 'WITHDRAWAL_REVOKED_BEFORE_NOTICE'
  | 'WITHDRAWAL_REVOCATION_TOO_LATE'
  | 'WITHDRAWN_BEFORE_ENTRY_INTO_FORCE'
  | 'UNKNOWN_PARTY'
  | 'BILATERAL_NEEDS_TWO_PARTIES'
  | 'DENOMINATOR_ASSUMED'
  | 'TERMINATION_NOTICE_HAS_NO_EFFECT'
  | 'TERMINATION_NAMED_DATE_TOO_EARLY';
