/** The kinds of act and of party a final clause can name, and the shape of a party code. */

export const CONSENT_KINDS = ['ratification', 'acceptance', 'approval', 'accession', 'succession', 'formal-confirmation'] as const;
export type ConsentKind = (typeof CONSENT_KINDS)[number];

export const PARTY_KINDS = ['state', 'territory', 'organisation'] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];

/** A party's code in the party registry (ISO 3166 alpha-3 for States, an acronym for others): a rule naming anything else can never match. */
export const PARTY_CODE_PATTERN = /^[A-Z0-9]{2,12}$/;
