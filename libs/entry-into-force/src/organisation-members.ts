/** An organisation's instrument "not counted as additional" to its members': type, validation, counting and words. */
import type { ClauseWords } from './final-clause.words.js';
import { checkPartyCode, checkPartyCodes, fail, isObject, type Validation } from './validation.js';
import { listInWords } from './words.js';

/**
 * An organisation's instrument is not counted in addition to those of its members: it counts (for the
 * number, qualifier and weight) only while none of the listed members has an instrument that counts.
 */
export type OrganisationMembers = Readonly<Record<string, readonly string[]>>;

export const checkOrganisationMembers = (v: Validation, value: unknown, path: string): void => {
  if (value === undefined) return;
  if (!isObject(value) || Object.keys(value).length === 0) {
    fail(v, path, 'must be an object mapping an organisation code to the codes of its members');
    return;
  }
  for (const [org, members] of Object.entries(value)) {
    checkPartyCode(v, org, `${path}.${org}`);
    const codes = checkPartyCodes(v, members, `${path}.${org}`, true);
    if (codes.includes(org)) fail(v, `${path}.${org}`, 'cannot list the organisation among its own members');
  }
};

/** Drop an organisation's instrument while any of its members' counts ("not counted in addition"). */
export const applyOrganisationRule = (codes: readonly string[], members: OrganisationMembers | undefined): string[] => {
  if (!members) return [...codes];
  const present = new Set(codes);
  return codes.filter((code) => !(members[code]?.some((m) => present.has(m)) ?? false));
};

export const organisationSentence = (members: OrganisationMembers | undefined, w: ClauseWords): string | null => {
  const orgs = Object.keys(members ?? {});
  if (orgs.length === 0) return null;
  const whose = orgs.length === 1 ? 'its member States' : 'their respective member States';
  return `For the purposes of the preceding paragraph, an instrument deposited by ${listInWords(orgs.map((c) => w.names([c])), 'or')} shall not be counted as additional to those deposited by ${whose}.`;
};
