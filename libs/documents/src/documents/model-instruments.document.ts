import { CONSENT_KINDS, type ConsentKind, type Instrument, type Signatory } from '#libs/lifecycle';
import { DocumentRequestError } from '../model/document-request.error.js';
import type { InstrumentRecord } from '../model/instrument-record.js';
import { type BuildContext, type DocumentDefinition, date, instrumentNoun, letterhead, partyInText, t, upper } from './document-definition.js';

/** The party must be one the instrument is open to; a 404 otherwise names the eligible ones. */
const requireEligible = (state: Instrument, party: string): void => {
  if (!state.eligibleParties.some((p) => p.code === party)) {
    const codes = state.eligibleParties.map((p) => p.code);
    throw new DocumentRequestError('PARTY_NOT_ELIGIBLE', `${party} is not among the parties eligible for this instrument${codes.length ? ` (${codes.join(', ')})` : ''}.`, 'not-found', 'code', codes);
  }
};

const kindOf = (ctx: BuildContext, state: Instrument, party: string) =>
  ctx.parties.kind(party) ?? state.eligibleParties.find((p) => p.code === party)?.kind;

/** "the Government of Saint Lucia" for a State; a territory or organisation acts in its own name. */
const actingParty = (ctx: BuildContext, ns: string, state: Instrument, party: string): string =>
  kindOf(ctx, state, party) === 'state' ? t(ctx, `${ns}.governmentOf`, { party: partyInText(ctx, party) }) : partyInText(ctx, party);

const authority = (ctx: BuildContext, ns: string, state: Instrument, party: string): string =>
  kindOf(ctx, state, party) === 'organisation' ? t(ctx, `${ns}.authorityOrganisation`, { party: partyInText(ctx, party) }) : t(ctx, `${ns}.authority`);

// ---- full powers ----------------------------------------------------------------------------------------

export interface FullPowersInput {
  readonly record: InstrumentRecord;
  readonly party: string;
  /** Pre-filled when known; otherwise left for the issuing authority to complete. */
  readonly representative?: Signatory;
}

export const fullPowersDocument: DocumentDefinition<FullPowersInput> = {
  template: 'full-powers',
  namespaces: ['common', 'fullPowers'],
  position: (input) => input.record.position,
  build({ record, party, representative }, ctx) {
    const { state } = record;
    requireEligible(state, party);
    const blank = t(ctx, 'common.blank');
    // Without a rule of definitive signature, signature is followed by ratification (VCLT 14).
    const definitive = state.entryIntoForceRule.type === 'definitive-signature-by-all';
    return {
      letterhead: letterhead(ctx, state),
      doc: { title: `${t(ctx, 'fullPowers.heading')}: ${state.title}` },
      heading: t(ctx, 'fullPowers.heading'),
      body: t(ctx, definitive ? 'fullPowers.definitive' : 'fullPowers.subjectToRatification', {
        authority: authority(ctx, 'fullPowers', state, party),
        representative: representative ? `${representative.name}, ${representative.title}` : t(ctx, 'fullPowers.representative'),
        title: state.title,
        place: state.adoption?.place ?? blank,
        date: state.adoption ? date(ctx, state.adoption.adoptedOn, 'words') : blank,
        party: actingParty(ctx, 'fullPowers', state, party),
      }),
      done: t(ctx, 'fullPowers.done', { place: blank, date: blank }),
      signature: t(ctx, 'fullPowers.signature'),
    };
  },
};

// ---- instrument of ratification, acceptance, approval, accession... ------------------------------------

export interface InstrumentOfConsentInput {
  readonly record: InstrumentRecord;
  readonly party: string;
  /** Default: ratification after a signature (formal confirmation for an organisation), accession without one. */
  readonly kind?: ConsentKind;
}

export const parseConsentKind = (value: unknown): ConsentKind | undefined => {
  if (value === undefined || value === null || value === '') return undefined;
  if ((CONSENT_KINDS as readonly unknown[]).includes(value)) return value as ConsentKind;
  throw DocumentRequestError.unknownValue('kind', value, CONSENT_KINDS, 'kind of consent');
};

export const defaultConsentKind = (ctx: BuildContext, state: Instrument, party: string): ConsentKind =>
  !state.participants[party]?.signature ? 'accession' : kindOf(ctx, state, party) === 'organisation' ? 'formal-confirmation' : 'ratification';

export const instrumentOfConsentDocument: DocumentDefinition<InstrumentOfConsentInput> = {
  template: 'instrument-of-consent',
  namespaces: ['common', 'consentInstrument'],
  position: (input) => input.record.position,
  build({ record, party, kind: asked }, ctx) {
    const { state } = record;
    requireEligible(state, party);
    const kind = asked ?? defaultConsentKind(ctx, state, party);
    const blank = t(ctx, 'common.blank');
    const acting = actingParty(ctx, 'consentInstrument', state, party);
    const nouns = instrumentNoun(ctx, state);
    const signature = state.participants[party]?.signature ?? null;
    const whereas = [
      state.adoption
        ? t(ctx, 'consentInstrument.whereasAdopted', { title: state.title, place: state.adoption.place, date: date(ctx, state.adoption.adoptedOn, 'words') })
        : t(ctx, 'consentInstrument.whereasNotAdopted', { title: state.title, party: acting }),
    ];
    if (signature) whereas.push(t(ctx, 'consentInstrument.whereasSigned', { ...nouns, party: acting, date: date(ctx, signature.signedOn, 'words') }));
    // Reservations made on signing must be confirmed in the instrument of consent (VCLT 23(2)).
    const atSignature = (state.participants[party]?.reservations ?? []).filter((r) => r.madeAt === 'signature');
    const confirmed = atSignature.map((r) => r.text);
    const kinds = new Set(atSignature.map((r) => r.kind));
    const kindWords = () =>
      atSignature.length === 1
        ? t(ctx, `common.reservation.${atSignature[0]!.kind}`)
        : t(ctx, `consentInstrument.confirmedKinds.${kinds.size > 1 ? 'both' : [...kinds][0]}`);
    const kindWord = t(ctx, `common.consent.${kind}`);
    return {
      letterhead: letterhead(ctx, state),
      doc: { title: `${t(ctx, 'consentInstrument.heading', { kind: upper(ctx, kindWord) })}: ${state.title}` },
      heading: t(ctx, 'consentInstrument.heading', { kind: upper(ctx, kindWord) }),
      whereas,
      nowTherefore: t(ctx, 'consentInstrument.nowTherefore', {
        authority: authority(ctx, 'consentInstrument', state, party),
        party: acting,
        ...nouns,
        verb: t(ctx, `consentInstrument.verb.${kind}`),
      }),
      confirmedHeading: confirmed.length ? t(ctx, 'consentInstrument.confirmed', { count: confirmed.length, kind: kindWords() }) : '',
      confirmed,
      inWitness: t(ctx, 'consentInstrument.inWitness', { kind: kindWord, place: blank, date: blank }),
      signature: t(ctx, 'consentInstrument.signature'),
    };
  },
};
