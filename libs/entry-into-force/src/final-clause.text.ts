/**
 * The final clauses, written out in English from the rule (for the documents issue). The sentences follow
 * the wording of UN-deposited treaties ("on the thirtieth day following the date of deposit of the tenth
 * instrument of ratification, ..."), with number words and ordinals. They say what the evaluator computes.
 */
import { formatLegalDateLong, type LegalDate } from './calendar.js';
import {
  CONSENT_KINDS,
  type AcceptanceShareRule,
  type AllNamedRule,
  type BilateralRule,
  type ConsentKind,
  type DefinitiveSignatureByAllRule,
  type EntryIntoForceRule,
  type InstrumentTerms,
  type InstrumentsRule,
  type LaterParties,
  type OrganisationMembers,
  type PartyKind,
  type TermTerms,
  type Timing,
  type WithdrawalTerms,
} from './entry-into-force.rule.js';
import { cardinal, fractionInWords, listInWords, monthsInWords, ordinal } from './words.js';

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

interface Words {
  readonly noun: string;
  readonly parties: string;
  readonly party: string;
  /** "enter into force" / "come into effect" (MOUs are not treaties). */
  readonly enter: string;
  readonly entry: string;
  readonly names: (codes: readonly string[]) => string;
}

const words = (o: FinalClauseOptions): Words => {
  const memorandum = o.instrumentNoun === 'Memorandum';
  const parties = o.partyNoun ?? (memorandum ? 'Participants' : 'Parties');
  return {
    noun: o.instrumentNoun,
    parties,
    party: singular(parties),
    enter: memorandum ? 'come into effect' : 'enter into force',
    entry: memorandum ? 'coming into effect' : 'entry into force',
    names: (codes) => listInWords(codes.map((c) => o.partyNames?.[c] ?? c)),
  };
};

/** "Parties" → "Party", "member States" → "member State". */
const singular = (plural: string): string =>
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

const consentList = (kinds: readonly ConsentKind[] | undefined): string =>
  listInWords(
    CONSENT_ORDER.filter((k) => (kinds ?? CONSENT_KINDS).includes(k)).map((k) => CONSENT_NOUN[k]),
    'or',
  );

const percentText = (p: number): string => `${p} per cent`;

/** "on the thirtieth day following <event>", "on the first day of the month following the expiration of ...". */
export const timingPhrase = (timing: Timing | undefined, event: string): string => {
  if (!timing || (timing.kind === 'days-after' && timing.days === 0)) return `on ${event}`;
  if (timing.kind === 'days-after') return `on the ${ordinal(timing.days)} day following ${event}`;
  if (timing.months === 0) return `on the first day of the month following ${event}`;
  return `on the first day of the month following the expiration of a period of ${monthsInWords(timing.months)} after ${event}`;
};

const sameTiming = (a: Timing | undefined, b: Timing | undefined): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Who may join: "State", "international organisation" or "State or international organisation". */
const joinerNoun = (kinds: readonly PartyKind[] | undefined): { one: string; many: string } => {
  const k = kinds ?? ['state', 'territory', 'organisation'];
  if (!k.includes('organisation')) return { one: 'State', many: 'States' };
  if (!k.includes('state')) return { one: 'international organisation', many: 'international organisations' };
  return { one: 'State or international organisation', many: 'States or international organisations' };
};

const organisationSentence = (members: OrganisationMembers | undefined, w: Words): string | null => {
  const orgs = Object.keys(members ?? {});
  if (orgs.length === 0) return null;
  const whose = orgs.length === 1 ? 'its member States' : 'their respective member States';
  return `For the purposes of the preceding paragraph, an instrument deposited by ${listInWords(orgs.map((c) => w.names([c])), 'or')} shall not be counted as additional to those deposited by ${whose}.`;
};

const laterPartiesSentence = (
  w: Words,
  later: LaterParties | undefined,
  general: Timing | undefined,
  afterTrigger: string,
  who: string,
  ownEvent: string,
): string => {
  const after = (later?.after ?? 'trigger') === 'trigger' ? afterTrigger : `after its ${w.entry}`;
  const timing = later?.timing ?? general;
  // The evaluator never gives a later party a date before the general one; say so when timings differ.
  const floor = later?.timing !== undefined && !sameTiming(later.timing, general) && (later?.after ?? 'trigger') === 'trigger' ? `, but not before this ${w.noun} enters into force` : '';
  return `For each ${who} that expresses its consent to be bound by this ${w.noun} ${after}, this ${w.noun} shall ${w.enter} ${timingPhrase(timing, ownEvent)}${floor}.`;
};

const instrumentsText = (rule: InstrumentsRule, w: Words): string[] => {
  const list = consentList(rule.countedConsents);
  // "The tenth instrument of ..." needs the kinds named; otherwise say who must have consented.
  const simple = !!rule.countedConsents && !rule.qualifier && !rule.weight && !rule.countDefinitiveSignatures && !rule.countedPartyKinds;
  let event: string;
  if (simple) {
    event = `the date of deposit of the ${ordinal(rule.count)} instrument of ${list}`;
  } else {
    const one = rule.count === 1;
    const kinds = rule.countedPartyKinds;
    const counted = kinds ? joinerNoun(kinds) : { one: w.party, many: w.parties };
    const subject = `${cardinal(rule.count)} ${one ? counted.one : counted.many}`;
    const qualifier = rule.qualifier
      ? `, including at least ${cardinal(rule.qualifier.atLeast)} ${
          rule.qualifier.label ? (rule.qualifier.atLeast === 1 ? singular(rule.qualifier.label) : rule.qualifier.label) : `of ${w.names(rule.qualifier.ofParties)}`
        },`
      : '';
    const weight = rule.weight
      ? `${qualifier ? '' : ','} which together account for at least ${percentText(rule.weight.minimumPercent)} of ${rule.weight.label ?? 'the total of the quantities set out for this purpose'},`
      : '';
    const their = one ? 'its' : 'their';
    const act = rule.countDefinitiveSignatures
      ? `either signed it without reservation as to ratification, acceptance or approval or deposited ${one ? 'an instrument' : 'instruments'} of ${list}`
      : rule.countedConsents
        ? `deposited ${their} ${one ? 'instrument' : 'instruments'} of ${list}`
        : `expressed ${their} consent to be bound by it`;
    event = `the date on which ${subject}${qualifier}${weight} ${one ? 'has' : 'have'} ${act}`;
  }
  const sentences = [`This ${w.noun} shall ${w.enter} ${timingPhrase(rule.timing, event)}.`];
  const org = organisationSentence(rule.organisationMembers, w);
  if (org) sentences.push(org);
  const afterTrigger = simple ? `after the deposit of the ${ordinal(rule.count)} instrument of ${list}` : `after the conditions for its ${w.entry} have been met`;
  const ownEvent = rule.countDefinitiveSignatures ? 'the date on which it has expressed its consent to be bound' : 'the date of deposit of its instrument';
  sentences.push(laterPartiesSentence(w, rule.laterParties, rule.timing, afterTrigger, joinerNoun(rule.countedPartyKinds).one, ownEvent));
  return sentences;
};

const allNamedText = (rule: AllNamedRule, w: Words): string[] => {
  const who = rule.label ?? w.names(rule.parties);
  const event =
    rule.countedConsents && !rule.countDefinitiveSignatures
      ? `the date of deposit of the last instrument of ${consentList(rule.countedConsents)} by ${who}`
      : `the date on which ${who} have ${!rule.label && rule.parties.length === 2 ? 'both' : 'all'} expressed their consent to be bound by it`;
  const sentences = [`This ${w.noun} shall ${w.enter} ${timingPhrase(rule.timing, event)}.`];
  if (rule.laterParties) {
    sentences.push(laterPartiesSentence(w, rule.laterParties, rule.timing, `after the conditions for its ${w.entry} have been met`, 'other State or international organisation', 'the date of deposit of its instrument'));
  }
  return sentences;
};

const bilateralText = (rule: BilateralRule, w: Words): string[] => {
  const event = `the date of the later of the notifications by which the ${w.parties} inform each other of the completion of their internal procedures required for its ${w.entry}`;
  return [`This ${w.noun} shall ${w.enter} ${timingPhrase(rule.timing, event)}.`];
};

const definitiveSignatureText = (rule: DefinitiveSignatureByAllRule, w: Words): string[] => {
  const by = rule.parties ? w.names(rule.parties) : `all the ${w.parties}`;
  return [`This ${w.noun} shall ${w.enter} ${timingPhrase(rule.timing, `the date on which it has been signed by ${by}`)}.`];
};

const acceptanceShareText = (rule: AcceptanceShareRule, w: Words, o: FinalClauseOptions): string[] => {
  const share = 'percent' in rule.share ? percentText(rule.share.percent) : fractionInWords(rule.share.numerator, rule.share.denominator);
  const whose = `${w.parties}${o.parentNoun ? ` to ${o.parentNoun}` : ''}${rule.denominator === 'fixed-at-adoption' ? ` at the time of the adoption of this ${w.noun}` : ''}`;
  const event = rule.countedConsents
    ? `the date on which instruments of ${consentList(rule.countedConsents)} have been deposited by at least ${share} of the ${whose}`
    : `the date on which at least ${share} of the ${whose} have accepted it`;
  const sentences = [`This ${w.noun} shall ${w.enter} for the ${w.parties} that have accepted it ${timingPhrase(rule.timing, event)}.`];
  const org = organisationSentence(rule.organisationMembers, w);
  if (org) sentences.push(org);
  const timing = rule.laterParties?.timing ?? rule.timing;
  sentences.push(`Thereafter, it shall ${w.enter} for any other ${w.party} ${timingPhrase(timing, `the date on which that ${w.party} deposits its instrument`)}.`);
  return sentences;
};

/**
 * The entry-into-force paragraph: the sentence for the rule's shape, then (where the shape has one) the
 * sentence on an organisation's instrument and the one for parties that join later.
 */
export const finalClauseText = (rule: EntryIntoForceRule, options: FinalClauseOptions): string => {
  const w = words(options);
  switch (rule.type) {
    case 'instruments':
      return instrumentsText(rule, w).join(' ');
    case 'all-named':
      return allNamedText(rule, w).join(' ');
    case 'bilateral':
      return bilateralText(rule, w).join(' ');
    case 'definitive-signature-by-all':
      return definitiveSignatureText(rule, w).join(' ');
    case 'fixed-date':
      return `This ${w.noun} shall ${w.enter} on ${formatLegalDateLong(rule.date)}.`;
    case 'acceptance-share':
      return acceptanceShareText(rule, w, options).join(' ');
    default: {
      const unreachable: never = rule;
      throw new Error(`Unhandled rule type ${JSON.stringify(unreachable)}`);
    }
  }
};

/** The withdrawal paragraph. */
export const withdrawalClauseText = (terms: WithdrawalTerms, options: FinalClauseOptions): string => {
  const w = words(options);
  const to = options.notifiedTo ?? 'the Depositary';
  const receipt = 'the date of receipt of the notification';
  let who: string;
  if (terms.lockInYears === undefined) who = `Any ${w.party} may`;
  else if ((terms.lockInFrom ?? 'party') === 'party') {
    who = `At any time after ${cardinal(terms.lockInYears)} ${terms.lockInYears === 1 ? 'year' : 'years'} from the date on which this ${w.noun} has entered into force for a ${w.party}, that ${w.party} may`;
  } else {
    who = `At any time after ${cardinal(terms.lockInYears)} ${terms.lockInYears === 1 ? 'year' : 'years'} from the date of ${w.entry} of this ${w.noun}, any ${w.party} may`;
  }
  let effect: string;
  if (terms.notice === 'days') effect = timingPhrase({ kind: 'days-after', days: terms.period }, receipt);
  else if (terms.notice === 'months') effect = terms.period === 0 ? `on ${receipt}` : `${monthsInWords(terms.period)} after ${receipt}`;
  else effect = timingPhrase({ kind: 'first-day-of-month-after', months: terms.period }, receipt);
  return `${who} withdraw from this ${w.noun} by written notification to ${to}. Any such withdrawal shall take effect ${effect}, or on such later date as may be specified in the notification.`;
};

/** The term paragraph of an MOU: duration, renewal, termination. */
export const termClauseText = (term: TermTerms, options: FinalClauseOptions): string => {
  const w = words(options);
  const start: string =
    term.effectiveOn === undefined || term.effectiveOn === 'entry-into-force'
      ? options.instrumentNoun === 'Memorandum'
        ? 'the date on which it comes into effect'
        : 'the date of its entry into force'
      : formatLegalDateLong(term.effectiveOn as LegalDate);
  const months = (term.termYears ?? 0) * 12 + (term.termMonths ?? 0);
  const sentences: string[] = [];
  if (months === 0) {
    sentences.push(`This ${w.noun} shall remain in effect from ${start} until it is terminated.`);
  } else {
    sentences.push(`This ${w.noun} shall remain in effect for a period of ${monthsInWords(months)} from ${start}.`);
  }
  if (months > 0 && term.autoRenew) {
    const limit = term.maxRenewals !== undefined ? `, no more than ${term.maxRenewals === 1 ? 'once' : term.maxRenewals === 2 ? 'twice' : `${cardinal(term.maxRenewals)} times`}` : '';
    const unless =
      term.terminationNoticeMonths === undefined
        ? `, unless a ${w.party} gives written notice of its decision not to renew it before the end of the period then running`
        : '';
    sentences.push(`It shall be renewed automatically for successive periods of ${monthsInWords(term.renewalMonths ?? months)}${limit}${unless}.`);
  }
  // An open-ended MOU without a notice period: twelve months, as the evaluator assumes (VCLT 56(2) by analogy).
  const noticeMonths = term.terminationNoticeMonths ?? (months === 0 ? 12 : undefined);
  if (noticeMonths !== undefined) {
    const effect = noticeMonths === 0 ? 'on the date of the notice' : `${monthsInWords(noticeMonths)} after the date of the notice`;
    sentences.push(
      `Any ${w.party} may terminate this ${w.noun} at any time by written notice to the other ${w.parties}; the termination shall take effect ${effect}, or on such later date as may be specified in the notice.`,
    );
  }
  return sentences.join(' ');
};

/** Every final clause the terms state, one paragraph each (entry into force, withdrawal, term). */
export const finalClausesText = (terms: InstrumentTerms, options: FinalClauseOptions): string[] => [
  finalClauseText(terms.entryIntoForce, options),
  ...(terms.withdrawal ? [withdrawalClauseText(terms.withdrawal, options)] : []),
  ...(terms.term ? [termClauseText(terms.term, options)] : []),
];
