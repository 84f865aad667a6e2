import type { Instrument, LegalDate } from '#libs/lifecycle';
import { nounForms, type NounForms } from '../language/instrument-nouns.js';
import { formatLegalDate } from '../language/legal-dates.js';
import { placeName } from '../language/place-names.js';
import type { DocumentLanguage } from '../language/languages.js';
import type { MessageLookup, MessageNamespace, MessageParams } from '../language/message-catalog.js';
import type { EntryIntoForceSupport, FinalClauseWording } from '../model/entry-into-force-support.js';
import type { PartyDirectory } from '../model/party-directory.js';
import type { DocumentFormat } from '../rendering/document-format.js';

/**
 * The organisation whose letterhead documents carry, and which acts as depositary: given to the renderer
 * (the API reads ORGANISATION_NAME and ORGANISATION_ADDRESS) and completed by `organisation.json` in the
 * templates directory (TEMPLATES_DIR).
 */
export interface Organisation {
  readonly name: string;
  /** Also the prefix of depositary notification numbers ("CCLEC/2019/3"). */
  readonly acronym?: string;
  readonly address?: string;
  /** The depositary as a sentence begins with it: "The Permanent Secretariat of the CCLEC". */
  readonly depositary?: string;
  readonly translations?: Readonly<Partial<Record<DocumentLanguage, { readonly name?: string; readonly address?: string; readonly depositary?: string }>>>;
}

/** What a document builder may use: nothing but its inputs (no clock, no store). */
export interface BuildContext {
  readonly lang: DocumentLanguage;
  readonly format: DocumentFormat;
  readonly messages: MessageLookup;
  readonly parties: PartyDirectory;
  readonly organisation: Organisation | null;
  readonly entryIntoForce: EntryIntoForceSupport;
}

export interface DocumentDefinition<Input> {
  /** The template's file name without language and format: `status-report` → status-report.html.hbs. */
  readonly template: string;
  /** Catalog namespaces the document uses; a language that lacks one falls back to English. */
  readonly namespaces: readonly MessageNamespace[];
  readonly position: (input: Input) => bigint | null;
  readonly build: (input: Input, context: BuildContext) => object;
}

// ---- small helpers shared by the builders ---------------------------------------------------------------

export const t = (ctx: BuildContext, key: string, params?: MessageParams): string => ctx.messages.t(key, params);
export const date = (ctx: BuildContext, value: LegalDate | null | undefined, style: 'long' | 'words' = 'long'): string =>
  value ? formatLegalDate(value, ctx.lang, style) : '';
/** A place as the document's language writes it ("La Havane", "La Habana"). */
export const place = (ctx: BuildContext, name: string): string => placeName(name, ctx.lang);
export const partyName = (ctx: BuildContext, code: string): string => ctx.parties.name(code, ctx.lang);
/** The party's name inside a sentence ("the Netherlands"). */
export const partyInText = (ctx: BuildContext, code: string): string => ctx.parties.inText(code, ctx.lang);

/** The instrument's noun in every form the messages use, from its kind (never its title): `{ noun, theNoun, ... }`. */
export const instrumentNoun = (ctx: BuildContext, state: Instrument): NounForms => nounForms(state.kind, ctx.lang);

/** The final clauses are English text: the English noun of the instrument's kind and English party names. */
export const finalClauseWording = (ctx: BuildContext, state: Instrument): FinalClauseWording => ({
  noun: nounForms(state.kind, 'en').noun,
  partyNames: Object.fromEntries(state.eligibleParties.map((p) => [p.code, ctx.parties.inText(p.code, 'en')])),
});
export const upper = (ctx: BuildContext, value: string): string => value.toLocaleUpperCase(ctx.lang);
export const listWords = (ctx: BuildContext, items: readonly string[], conjunction: 'and' | 'or' = 'and'): string =>
  items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} ${t(ctx, `common.${conjunction}`)} ${items[items.length - 1]}`;

export interface LetterheadView {
  readonly name: string;
  readonly acronym: string;
  readonly address: string;
  readonly reference: string;
  /** Not `date`: a field named like a helper would be shadowed by it in templates. */
  readonly dated: string;
}

export const letterhead = (ctx: BuildContext, instrument: Instrument | null, extra: { reference?: string; date?: string } = {}): LetterheadView => {
  const org = ctx.organisation;
  const local = org?.translations?.[ctx.lang];
  return {
    name: local?.name ?? org?.name ?? instrument?.depositary ?? '',
    acronym: org?.acronym ?? '',
    address: local?.address ?? org?.address ?? '',
    reference: extra.reference ?? '',
    dated: extra.date ?? '',
  };
};

export const depositaryPhrase = (ctx: BuildContext, instrument: Instrument): string => {
  const org = ctx.organisation;
  const local = org?.translations?.[ctx.lang];
  return local?.depositary ?? (ctx.lang === 'en' ? org?.depositary : undefined) ??
    t(ctx, 'common.defaultDepositary', { organisation: local?.name ?? org?.name ?? instrument.depositary ?? '' });
};

/** Lines a header shows about the instrument: title, adoption and opening for signature. */
export const instrumentLines = (ctx: BuildContext, state: Instrument, asOf?: LegalDate) => ({
  title: state.title,
  kind: instrumentNoun(ctx, state).noun,
  adopted: state.adoption && (!asOf || state.adoption.adoptedOn <= asOf)
    ? t(ctx, 'common.adoptedAt', { place: placeName(state.adoption.place, ctx.lang), date: date(ctx, state.adoption.adoptedOn) })
    : '',
  opened: state.signatureOpening && (!asOf || state.signatureOpening.opensOn <= asOf)
    ? t(ctx, 'common.openedAt', { place: placeName(state.signatureOpening.place, ctx.lang), date: date(ctx, state.signatureOpening.opensOn) })
    : '',
});

// ---- text as segments (plain, inserted, deleted) ---------------------------------------------------------

export interface Segment {
  readonly text: string;
  readonly ins: boolean;
  readonly del: boolean;
}
export interface Paragraph {
  readonly segments: readonly Segment[];
}
export interface ArticleView {
  readonly label: string;
  readonly heading: readonly Segment[];
  readonly paragraphs: readonly Paragraph[];
  /** "New article" / "Article deleted" in a redline; empty otherwise. */
  readonly note: string;
}

export const plain = (text: string): Segment[] => (text ? [{ text, ins: false, del: false }] : []);
/** Paragraphs are the non-empty lines of a body: numbered paragraphs of an article sit on their own lines. */
export const paragraphsOf = (body: string): Paragraph[] =>
  body
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => ({ segments: plain(line) }));
