/** The vocabulary every final clause is written with: the instrument's noun, its parties' names, the kinds of consent. */
import { CONSENT_KINDS, type ConsentKind, type PartyKind } from './vocabulary.js';
import { listInWords } from './words.js';

export type InstrumentNoun = 'Agreement' | 'Convention' | 'Treaty' | 'Protocol' | 'Amendment' | 'Memorandum' | (string & {});

export interface FinalClauseOptions {
  /** "This Agreement shall enter into force ..." */
  readonly instrumentNoun: InstrumentNoun;
  /** Plural, capitalised as in the text; default "Participants" for a Memorandum, otherwise "Parties". */
  readonly partyNoun?: string;
  /** Names to write instead of party codes ("Barbados" for BRB). */
  readonly partyNames?: Readonly<Record<string, string>>;
  /** Amendments: the parent, e.g. "the Convention" ("three quarters of the Parties to the Convention"). */
  readonly parentNoun?: string;
  /** Who receives notices of withdrawal; default "the Depositary". */
  readonly notifiedTo?: string;
}

export interface ClauseWords {
  readonly noun: string;
  readonly parties: string;
  readonly party: string;
  /** "enter into force" / "come into effect" (MOUs are not treaties). */
  readonly enter: string;
  readonly entry: string;
  readonly names: (codes: readonly string[]) => string;
  readonly options: FinalClauseOptions;
}

export const clauseWords = (o: FinalClauseOptions): ClauseWords => {
  const memorandum = o.instrumentNoun === 'Memorandum';
  const parties = o.partyNoun ?? (memorandum ? 'Participants' : 'Parties');
  return {
    noun: o.instrumentNoun,
    parties,
    party: singular(parties),
    enter: memorandum ? 'come into effect' : 'enter into force',
    entry: memorandum ? 'coming into effect' : 'entry into force',
    names: (codes) => listInWords(codes.map((c) => o.partyNames?.[c] ?? c)),
    options: o,
  };
};

/** "Parties" → "Party", "member States" → "member State". */
export const singular = (plural: string): string =>
  plural.endsWith('ies') ? `${plural.slice(0, -3)}y` : plural.endsWith('s') ? plural.slice(0, -1) : plural;

const CONSENT_NOUN: Readonly<Record<ConsentKind, string>> = {
  ratification: 'ratification',
  acceptance: 'acceptance',
  approval: 'approval',
  'formal-confirmation': 'formal confirmation',
  accession: 'accession',
  succession: 'succession',
};
/** The order treaty texts list them in. */
const CONSENT_ORDER: readonly ConsentKind[] = ['ratification', 'acceptance', 'approval', 'formal-confirmation', 'accession', 'succession'];

export const consentList = (kinds: readonly ConsentKind[] | undefined): string =>
  listInWords(
    CONSENT_ORDER.filter((k) => (kinds ?? CONSENT_KINDS).includes(k)).map((k) => CONSENT_NOUN[k]),
    'or',
  );

export const percentText = (p: number): string => `${p} per cent`;

/** Who may join: "State", "international organisation" or "State or international organisation". */
export const joinerNoun = (kinds: readonly PartyKind[] | undefined): { one: string; many: string } => {
  const k = kinds ?? ['state', 'territory', 'organisation'];
  if (!k.includes('organisation')) return { one: 'State', many: 'States' };
  if (!k.includes('state')) return { one: 'international organisation', many: 'international organisations' };
  return { one: 'State or international organisation', many: 'States or international organisations' };
};
