import type { DraftVersion, Instrument } from '#libs/lifecycle';
import { DocumentRequestError } from '../model/document-request.error.js';

/** A version as asked for: a draft number, the adopted text, or the latest draft. */
export type VersionSelector = number | 'adopted' | 'latest';

export const parseVersion = (value: unknown, field = 'version'): VersionSelector | undefined => {
  if (value === undefined || value === null || value === '') return undefined;
  if (value === 'adopted' || value === 'latest') return value;
  const n = typeof value === 'number' ? value : /^\d+$/.test(String(value)) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n < 1) {
    throw new DocumentRequestError('INVALID_VERSION', `${field} must be a draft version number, "adopted" or "latest" (got ${JSON.stringify(value)}).`, 'invalid', field, ['adopted', 'latest', '1, 2, …']);
  }
  return n;
};

export interface ResolvedVersion {
  readonly draft: DraftVersion;
  readonly adopted: boolean;
}

export const resolveVersion = (state: Instrument, selector: VersionSelector | undefined, field = 'version'): ResolvedVersion | null => {
  const count = state.drafts.length;
  if (count === 0) {
    if (selector === undefined) return null;
    throw new DocumentRequestError('NO_TEXT', 'No text has been recorded for this instrument yet.', 'not-found', field);
  }
  const wanted = selector ?? (state.adoption ? 'adopted' : 'latest');
  if (wanted === 'adopted') {
    if (!state.adoption) {
      throw new DocumentRequestError('NOT_ADOPTED', `The text has not been adopted; draft versions 1 to ${count} exist.`, 'invalid', field, available(count));
    }
    return { draft: state.drafts[state.adoption.version - 1]!, adopted: true };
  }
  const number = wanted === 'latest' ? count : wanted;
  if (number > count) {
    throw new DocumentRequestError('UNKNOWN_VERSION', `There is no draft version ${number}; versions 1 to ${count} exist.`, 'not-found', field, available(count));
  }
  return { draft: state.drafts[number - 1]!, adopted: false };
};

const available = (count: number): string[] => ['adopted', 'latest', ...Array.from({ length: count }, (_, i) => String(i + 1))];

