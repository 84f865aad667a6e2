import type { InstrumentRecord } from '../model/instrument-record.js';
import { type ArticleView, type DocumentDefinition, date, finalClauseWording, instrumentNoun, letterhead, paragraphsOf, plain, t } from './document-definition.js';
import { resolveVersion, type VersionSelector } from './instrument-version.js';

export interface InstrumentTextInput {
  readonly record: InstrumentRecord;
  /** A draft number, 'adopted' or 'latest'; default: the adopted text, else the latest draft. */
  readonly version?: VersionSelector;
}

export const instrumentTextDocument: DocumentDefinition<InstrumentTextInput> = {
  template: 'instrument-text',
  namespaces: ['common', 'text'],
  position: (input) => input.record.position,
  build({ record, version }, ctx) {
    const { state } = record;
    const resolved = resolveVersion(state, version);
    const articles: ArticleView[] = (resolved?.draft.text.articles ?? []).map((a) => ({
      label: t(ctx, 'common.article', { number: a.number }),
      heading: plain(a.heading),
      paragraphs: paragraphsOf(a.body),
      note: '',
    }));
    const clauses = resolved ? (ctx.entryIntoForce.finalClauses?.(state, finalClauseWording(ctx, state)) ?? []) : [];
    return {
      letterhead: letterhead(ctx, state),
      doc: { title: state.title },
      title: state.title,
      kind: instrumentNoun(ctx, state).noun,
      statusLine: !resolved
        ? ''
        : resolved.adopted && state.adoption
          ? t(ctx, 'text.asAdopted', { place: state.adoption.place, date: date(ctx, state.adoption.adoptedOn) })
          : t(ctx, 'text.draftVersion', { version: resolved.draft.version, date: date(ctx, resolved.draft.preparedOn) }),
      noText: resolved ? '' : t(ctx, 'text.noText'),
      preamble: resolved ? paragraphsOf(resolved.draft.text.preamble) : [],
      articles,
      finalClause: clauses.length ? { heading: t(ctx, 'text.finalClauses'), paragraphs: clauses.flatMap(paragraphsOf) } : null,
    };
  },
};
