/**
 * Shapes 1-3: N qualifying instruments (optionally with a qualifier and a weight), then a day count or a
 * month rule; parties consenting later get their own date.
 */
import { bindingAct, countingActs, met, round, standingOn, untilMap, type Act } from '../counting.js';
import type { StillRequired, Trigger } from '../entry-into-force.assessment.js';
import { consentList, joinerNoun, percentText, singular, type ClauseWords } from '../final-clause.words.js';
import { checkLaterParties, laterPartiesSentence, laterPartyDate, type LaterParties } from '../later-parties.js';
import { applyOrganisationRule, checkOrganisationMembers, organisationSentence, type OrganisationMembers } from '../organisation-members.js';
import { checkTiming, type Timing } from '../timing.js';
import {
  checkBoolean,
  checkConsents,
  checkInteger,
  checkKnownFields,
  checkPartyCode,
  checkPartyCodes,
  checkPartyKinds,
  checkString,
  fail,
  isInteger,
  isObject,
  MAX_DAYS,
  type Validation,
} from '../validation.js';
import type { ConsentKind, PartyKind } from '../vocabulary.js';
import { cardinal, ordinal } from '../words.js';
import type { LegalDate } from '../calendar.js';
import { checkFloors, FLOOR_FIELDS, flooredDate, enterSentence, type Floors } from '../floors.js';
import type { RuleShape } from './rule-shape.js';

/** "Including at least three member States": of the counted instruments, at least `atLeast` from `ofParties`. */
export interface Qualifier {
  readonly atLeast: number;
  readonly ofParties: readonly string[];
  /** Plural noun phrase for the final clause, e.g. "member States". */
  readonly label?: string;
}

/**
 * The counted parties must also hold at least `minimumPercent` of the total of `shares` (e.g. 1990 CO2
 * emissions of Annex I parties). Parties without a share add nothing; the total is the sum of all shares.
 */
export interface Weight {
  readonly shares: Readonly<Record<string, number>>;
  readonly minimumPercent: number;
  /** Noun phrase for the final clause, e.g. "the total carbon dioxide emissions for 1990 of the Parties included in Annex I". */
  readonly label?: string;
}

export type { NotBefore } from '../floors.js';

export interface InstrumentsRule extends Floors {
  readonly type: 'instruments';
  readonly count: number;
  /** Which acts of consent count; default all kinds. */
  readonly countedConsents?: readonly ConsentKind[];
  /** Whether a signature without reservation of ratification counts as an instrument; default false. */
  readonly countDefinitiveSignatures?: boolean;
  /** Which kinds of party count ("three States"); default all kinds. Other parties still become bound. */
  readonly countedPartyKinds?: readonly PartyKind[];
  readonly qualifier?: Qualifier;
  readonly weight?: Weight;
  readonly organisationMembers?: OrganisationMembers;
  readonly timing: Timing;
  readonly laterParties?: LaterParties;
}

// ---- validation ----------------------------------------------------------------------------------------

const checkQualifier = (v: Validation, value: unknown, path: string, count: unknown): void => {
  if (value === undefined) return;
  if (!isObject(value)) {
    fail(v, path, 'must be an object { atLeast, ofParties, label? }');
    return;
  }
  checkKnownFields(v, value, path, ['atLeast', 'ofParties', 'label']);
  checkInteger(v, value.atLeast, `${path}.atLeast`, 1, MAX_DAYS, true);
  const parties = checkPartyCodes(v, value.ofParties, `${path}.ofParties`, true);
  checkString(v, value.label, `${path}.label`);
  if (isInteger(value.atLeast) && isInteger(count) && value.atLeast > count) {
    fail(v, `${path}.atLeast`, `cannot exceed the number of instruments required (${count})`);
  }
  if (isInteger(value.atLeast) && parties.length > 0 && value.atLeast > parties.length) {
    fail(v, `${path}.atLeast`, `cannot exceed the number of parties in ofParties (${parties.length})`);
  }
};

const checkWeight = (v: Validation, value: unknown, path: string): void => {
  if (value === undefined) return;
  if (!isObject(value)) {
    fail(v, path, 'must be an object { shares, minimumPercent, label? }');
    return;
  }
  checkKnownFields(v, value, path, ['shares', 'minimumPercent', 'label']);
  if (!isObject(value.shares) || Object.keys(value.shares).length === 0) {
    fail(v, `${path}.shares`, 'must be an object mapping party codes to non-negative numbers');
  } else {
    let total = 0;
    for (const [code, share] of Object.entries(value.shares)) {
      // A share under a code no party has would still count in the total and raise the bar for everyone.
      checkPartyCode(v, code, `${path}.shares.${code}`);
      if (typeof share !== 'number' || !Number.isFinite(share) || share < 0) fail(v, `${path}.shares.${code}`, 'must be a non-negative number');
      else total += share;
    }
    if (total <= 0) fail(v, `${path}.shares`, 'must add up to more than zero');
  }
  const p = value.minimumPercent;
  if (p === undefined) fail(v, `${path}.minimumPercent`, 'is required');
  else if (typeof p !== 'number' || !Number.isFinite(p) || p <= 0 || p > 100) fail(v, `${path}.minimumPercent`, 'must be a number greater than 0 and at most 100');
  checkString(v, value.label, `${path}.label`);
};

// ---- evaluation ----------------------------------------------------------------------------------------

interface Tally {
  readonly count: number;
  readonly qualifying: number | null;
  readonly weightPercent: number | null;
}

const tallyInstruments = (rule: InstrumentsRule, standing: readonly string[]): Tally => {
  const counted = applyOrganisationRule(standing, rule.organisationMembers);
  const qualifying = rule.qualifier ? counted.filter((c) => rule.qualifier!.ofParties.includes(c)).length : null;
  let weightPercent: number | null = null;
  if (rule.weight) {
    const shares = rule.weight.shares;
    const total = Object.values(shares).reduce((a, b) => a + b, 0);
    const held = counted.reduce((sum, c) => sum + (shares[c] ?? 0), 0);
    weightPercent = total > 0 ? round((held / total) * 100) : 0;
  }
  return { count: counted.length, qualifying, weightPercent };
};

const instrumentsMet = (rule: InstrumentsRule, t: Tally): boolean =>
  t.count >= rule.count &&
  (rule.qualifier === undefined || t.qualifying! >= rule.qualifier.atLeast) &&
  (rule.weight === undefined || t.weightPercent! >= rule.weight.minimumPercent - 1e-9);

/** The general date once the condition is met on `metOn`: the stated date if met by then, else the timing; then the floor. */
export const generalDate = (rule: InstrumentsRule, metOn: LegalDate, openedOn: LegalDate | null): LegalDate => flooredDate(rule, metOn, rule.timing, openedOn);

// ---- words ---------------------------------------------------------------------------------------------

const instrumentsText = (rule: InstrumentsRule, w: ClauseWords): string[] => {
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
  const sentences = [enterSentence(w, rule, rule.timing, event)];
  const org = organisationSentence(rule.organisationMembers, w);
  if (org) sentences.push(org);
  const afterTrigger = simple ? `after the deposit of the ${ordinal(rule.count)} instrument of ${list}` : `after the conditions for its ${w.entry} have been met`;
  const ownEvent = rule.countDefinitiveSignatures ? 'the date on which it has expressed its consent to be bound' : 'the date of deposit of its instrument';
  sentences.push(laterPartiesSentence(w, rule.laterParties, rule.timing, afterTrigger, joinerNoun(rule.countedPartyKinds).one, ownEvent));
  return sentences;
};

// ---- the shape -----------------------------------------------------------------------------------------

export const instrumentsShape: RuleShape<InstrumentsRule> = {
  fields: {
    type: true,
    count: true,
    ...FLOOR_FIELDS,
    countedConsents: true,
    countDefinitiveSignatures: true,
    countedPartyKinds: true,
    qualifier: true,
    weight: true,
    organisationMembers: true,
    timing: true,
    laterParties: true,
  },

  validate: (value, path, v) => {
    checkInteger(v, value.count, `${path}.count`, 1, MAX_DAYS, true);
    checkConsents(v, value.countedConsents, `${path}.countedConsents`);
    checkBoolean(v, value.countDefinitiveSignatures, `${path}.countDefinitiveSignatures`, false);
    checkPartyKinds(v, value.countedPartyKinds, `${path}.countedPartyKinds`);
    checkQualifier(v, value.qualifier, `${path}.qualifier`, value.count);
    checkWeight(v, value.weight, `${path}.weight`);
    checkOrganisationMembers(v, value.organisationMembers, `${path}.organisationMembers`);
    checkTiming(v, value.timing, `${path}.timing`, true);
    checkLaterParties(v, value.laterParties, `${path}.laterParties`);
    checkFloors(v, value, path);
  },

  evaluate: (rule, ctx) => {
    const acts: Act[] = countingActs(ctx, rule);
    const until = untilMap(ctx);
    let trigger: Trigger | null = null;
    for (const [i, act] of acts.entries()) {
      // Only acts up to and including this one (same-day acts later in input order come after it).
      const standing = standingOn(acts.slice(0, i + 1), until, act.on);
      if (instrumentsMet(rule, tallyInstruments(rule, standing))) {
        trigger = { act: act.act, party: act.party.code, on: act.on, position: i + 1 };
        break;
      }
    }
    const now = tallyInstruments(rule, standingOn(acts, until, ctx.reference));
    const shortfall: StillRequired = trigger
      ? met({ qualifying: rule.qualifier ? 0 : null, weightPercent: rule.weight ? 0 : null })
      : {
          instruments: Math.max(rule.count - now.count, rule.qualifier ? rule.qualifier.atLeast - now.qualifying! : 0, 0),
          qualifying: rule.qualifier ? Math.max(rule.qualifier.atLeast - now.qualifying!, 0) : null,
          weightPercent: rule.weight ? round(Math.max(rule.weight.minimumPercent - now.weightPercent!, 0)) : null,
        };
    return {
      trigger,
      date: trigger ? generalDate(rule, trigger.on, ctx.facts.openedForSignatureOn ?? null) : null,
      instrumentsRequired: rule.count,
      instrumentsDeposited: now.count,
      qualifyingDeposited: now.qualifying,
      weightPercent: now.weightPercent,
      shareDenominator: null,
      stillRequired: shortfall,
      awaiting: [],
      counted: new Set(acts.map((a) => a.party.code)),
    };
  },

  boundBy: bindingAct,

  partyEntryIntoForce: (rule, general, _party, bound) =>
    laterPartyDate({ date: general.date, triggerMetOn: general.trigger!.on }, bound.on, rule.laterParties, rule.timing),

  clause: instrumentsText,
};
