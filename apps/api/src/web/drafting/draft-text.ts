import { randomUUID } from 'node:crypto';
import { diffParagraphs } from '#libs/documents';

export interface Article {
  readonly number: string;
  readonly heading: string;
  readonly body: string;
}
export interface DraftText {
  readonly preamble: string;
  readonly articles: readonly Article[];
}

/** The articles as the form posts them: article.0.number, article.0.heading, article.0.body… in order. */
export const textFromForm = (values: Readonly<Record<string, string>>): DraftText => {
  const indexes = [...new Set(Object.keys(values).flatMap((k) => /^article\.(\d+)\./.exec(k)?.[1] ?? []))].map(Number).sort((a, b) => a - b);
  return {
    preamble: values.preamble ?? '',
    articles: indexes.map((i) => ({ number: values[`article.${i}.number`] ?? '', heading: values[`article.${i}.heading`] ?? '', body: values[`article.${i}.body`] ?? '' })),
  };
};

/** What the editor's buttons do to the text before anything is saved (no script needed: each is a submit). */
export const applyEdit = (text: DraftText, op: string): DraftText => {
  const [verb, at] = op.split(':');
  const i = Number(at);
  const articles = [...text.articles];
  switch (verb) {
    case 'add':
      articles.push({ number: String(articles.length + 1), heading: '', body: '' });
      break;
    case 'remove':
      if (i >= 0 && i < articles.length) articles.splice(i, 1);
      break;
    case 'up':
      if (i > 0 && i < articles.length) [articles[i - 1], articles[i]] = [articles[i]!, articles[i - 1]!];
      break;
    case 'down':
      if (i >= 0 && i < articles.length - 1) [articles[i], articles[i + 1]] = [articles[i + 1]!, articles[i]!];
      break;
    default:
      return text;
  }
  return { ...text, articles };
};

/** The text as one string, a paragraph per line, as the redline document compares versions. */
export const plainText = (text: DraftText): string =>
  [text.preamble, ...text.articles.map((a) => `Article ${a.number}. ${a.heading}\n${a.body}`)].join('\n');

/** The redline of the edited text against the last saved version, as HTML paragraphs with ins/del. */
export const redlineHtml = (before: DraftText, after: DraftText): { html: string; inserted: number; deleted: number } => {
  const diff = diffParagraphs(plainText(before), plainText(after));
  const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
  const html = diff.paragraphs
    .map((p) => `<p>${p.segments.map((s) => (s.ins ? `<ins>${esc(s.text)}</ins>` : s.del ? `<del>${esc(s.text)}</del>` : esc(s.text))).join('')}</p>`)
    .join('');
  return { html, inserted: diff.inserted, deleted: diff.deleted };
};

export const newKey = (): string => randomUUID();
