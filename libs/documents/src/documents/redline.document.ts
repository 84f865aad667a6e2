import { diffWords } from 'diff';
import type { Article, InstrumentText } from '#libs/lifecycle';
import { DocumentRequestError } from '../model/document-request.error.js';
import type { InstrumentRecord } from '../model/instrument-record.js';
import { type ArticleView, type BuildContext, type DocumentDefinition, type Paragraph, type Segment, date, letterhead, paragraphsOf, plain, t } from './document-definition.js';
import { resolveVersion, type ResolvedVersion, type VersionSelector } from './instrument-version.js';

export interface RedlineInput {
  readonly record: InstrumentRecord;
  /** Default: the version before `to`. */
  readonly from?: VersionSelector;
  /** Default: the adopted text, else the latest draft. */
  readonly to?: VersionSelector;
}

export interface WordDiff {
  readonly paragraphs: Paragraph[];
  readonly inserted: number;
  readonly deleted: number;
}

const wordCount = (text: string): number => text.split(/\s+/).filter(Boolean).length;

/**
 * Word-by-word changes (jsdiff's diffWords), cut into paragraphs at the line breaks of either text so that
 * numbered paragraphs stay apart.
 */
export const diffParagraphs = (before: string, after: string): WordDiff => {
  const paragraphs: Paragraph[] = [];
  let current: Segment[] = [];
  let inserted = 0;
  let deleted = 0;
  const close = () => {
    if (current.some((s) => s.text.trim())) paragraphs.push({ segments: trimEdges(current) });
    current = [];
  };
  for (const change of diffWords(before, after)) {
    if (change.added) inserted += wordCount(change.value);
    if (change.removed) deleted += wordCount(change.value);
    change.value.split(/\r?\n/).forEach((piece, i) => {
      if (i > 0) close();
      if (piece) current.push({ text: piece, ins: change.added, del: change.removed });
    });
  }
  close();
  return { paragraphs, inserted, deleted };
};

/** Leading and trailing blanks of a paragraph are layout, not text. */
const trimEdges = (segments: Segment[]): Segment[] => {
  const out = segments.map((s) => ({ ...s }));
  if (out.length) out[0] = { ...out[0]!, text: out[0]!.text.trimStart() };
  if (out.length) out[out.length - 1] = { ...out[out.length - 1]!, text: out[out.length - 1]!.text.trimEnd() };
  return out.filter((s) => s.text);
};

const marked = (text: string, mark: 'ins' | 'del'): Paragraph[] =>
  paragraphsOf(text).map((p) => ({ segments: p.segments.map((s) => ({ ...s, ins: mark === 'ins', del: mark === 'del' })) }));

interface ArticleDiff {
  readonly view: ArticleView;
  readonly inserted: number;
  readonly deleted: number;
}

const compareArticles = (ctx: BuildContext, before: readonly Article[], after: readonly Article[]): ArticleDiff[] => {
  const oldIndex = new Map(before.map((a, i) => [a.number, i]));
  const newNumbers = new Set(after.map((a) => a.number));
  const out: ArticleDiff[] = [];
  const removed = (a: Article): ArticleDiff => ({
    view: { label: t(ctx, 'common.article', { number: a.number }), heading: marked(a.heading, 'del')[0]?.segments ?? [], paragraphs: marked(a.body, 'del'), note: t(ctx, 'redline.articleRemoved') },
    inserted: 0,
    deleted: wordCount(a.heading) + wordCount(a.body),
  });
  let next = 0; // the next old article not yet placed
  // Deleted articles appear where they stood: before the next article both versions share, and before
  // articles inserted at the same place (deletions first, as in any diff).
  const flushDeleted = () => {
    for (; next < before.length && !newNumbers.has(before[next]!.number); next++) out.push(removed(before[next]!));
  };
  for (const a of after) {
    const i = oldIndex.get(a.number);
    if (i === undefined) {
      flushDeleted();
      out.push({
        view: { label: t(ctx, 'common.article', { number: a.number }), heading: marked(a.heading, 'ins')[0]?.segments ?? [], paragraphs: marked(a.body, 'ins'), note: t(ctx, 'redline.articleAdded') },
        inserted: wordCount(a.heading) + wordCount(a.body),
        deleted: 0,
      });
      continue;
    }
    for (; next <= i; next++) if (!newNumbers.has(before[next]!.number)) out.push(removed(before[next]!));
    const old = before[i]!;
    const heading = diffParagraphs(old.heading, a.heading);
    const body = diffParagraphs(old.body, a.body);
    out.push({
      view: { label: t(ctx, 'common.article', { number: a.number }), heading: heading.paragraphs[0]?.segments ?? plain(a.heading), paragraphs: body.paragraphs, note: '' },
      inserted: heading.inserted + body.inserted,
      deleted: heading.deleted + body.deleted,
    });
  }
  for (; next < before.length; next++) if (!newNumbers.has(before[next]!.number)) out.push(removed(before[next]!));
  return out;
};

export const redlineTexts = (ctx: BuildContext, before: InstrumentText, after: InstrumentText) => {
  const preamble = diffParagraphs(before.preamble, after.preamble);
  const articles = compareArticles(ctx, before.articles, after.articles);
  return {
    preamble: preamble.paragraphs,
    articles: articles.map((a) => a.view),
    inserted: preamble.inserted + articles.reduce((n, a) => n + a.inserted, 0),
    deleted: preamble.deleted + articles.reduce((n, a) => n + a.deleted, 0),
  };
};

const label = (ctx: BuildContext, v: ResolvedVersion, record: InstrumentRecord): string =>
  v.adopted && record.state.adoption
    ? t(ctx, 'redline.adoptedLabel', { date: date(ctx, record.state.adoption.adoptedOn) })
    : t(ctx, 'redline.versionLabel', { version: v.draft.version, date: date(ctx, v.draft.preparedOn) });

export const redlineDocument: DocumentDefinition<RedlineInput> = {
  template: 'redline',
  namespaces: ['common', 'redline'],
  position: (input) => input.record.position,
  build(input, ctx) {
    const { record } = input;
    const { state } = record;
    const to = resolveVersion(state, input.to, 'to');
    if (!to) throw new DocumentRequestError('NO_TEXT', 'No text has been recorded for this instrument yet.', 'not-found', 'to');
    const fromSelector = input.from ?? Math.max(1, to.draft.version - 1);
    const from = resolveVersion(state, fromSelector, 'from')!;
    const diff = redlineTexts(ctx, from.draft.text, to.draft.text);
    return {
      letterhead: letterhead(ctx, state),
      doc: { title: state.title },
      title: state.title,
      heading: t(ctx, 'redline.heading', { from: label(ctx, from, record), to: label(ctx, to, record) }),
      legend: t(ctx, ctx.format === 'html' ? 'redline.legendHtml' : 'redline.legendText'),
      counts: t(ctx, 'redline.counts', { inserted: diff.inserted, deleted: diff.deleted }),
      identical: diff.inserted === 0 && diff.deleted === 0 ? t(ctx, 'redline.noChange') : '',
      preamble: diff.preamble,
      articles: diff.articles,
    };
  },
};
