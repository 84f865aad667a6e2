import type { LegalDate } from '#libs/lifecycle';
import type { InstrumentRecord } from '../model/instrument-record.js';
import { type DocumentDefinition, date, instrumentNoun, letterhead, partyInText, t } from './document-definition.js';

export interface SignaturePageInput {
  readonly record: InstrumentRecord;
  /** Only signatures dated on or before this day; all recorded signatures without it. */
  readonly asOf?: LegalDate;
}

export interface SignatureBlockView {
  readonly forLabel: string;
  readonly name: string;
  readonly title: string;
  readonly signedLine: string;
  readonly mode: string;
}

export const signaturePageDocument: DocumentDefinition<SignaturePageInput> = {
  template: 'signature-page',
  namespaces: ['common', 'signaturePage'],
  position: (input) => input.record.position,
  build({ record, asOf }, ctx) {
    const { state } = record;
    const signed = Object.entries(state.participants)
      .filter(([, p]) => p.signature && (!asOf || p.signature.signedOn <= asOf))
      .map(([code]) => code);
    const blocks: SignatureBlockView[] = ctx.parties.sortCodes(signed, ctx.lang).map((code) => {
      const s = state.participants[code]!.signature!;
      const place = s.place ?? state.signatureOpening?.place ?? null;
      return {
        forLabel: t(ctx, 'signaturePage.for', { party: partyInText(ctx, code) }),
        name: s.signatory.name,
        title: s.signatory.title,
        signedLine: place
          ? t(ctx, 'signaturePage.signedAt', { place, date: date(ctx, s.signedOn) })
          : t(ctx, 'signaturePage.signedOn', { date: date(ctx, s.signedOn) }),
        mode: t(ctx, s.definitive ? 'signaturePage.definitive' : 'signaturePage.subjectToRatification'),
      };
    });
    const done = state.adoption
      ? { place: state.adoption.place, on: state.adoption.adoptedOn }
      : state.signatureOpening
        ? { place: state.signatureOpening.place, on: state.signatureOpening.opensOn }
        : null;
    return {
      letterhead: letterhead(ctx, state),
      doc: { title: state.title },
      title: state.title,
      heading: t(ctx, 'signaturePage.heading'),
      inWitness: t(ctx, 'signaturePage.inWitness', instrumentNoun(ctx, state)),
      done: done ? t(ctx, 'signaturePage.done', { place: done.place, date: date(ctx, done.on, 'words') }) : '',
      blocks,
      none: blocks.length ? '' : t(ctx, 'signaturePage.none'),
    };
  },
};
