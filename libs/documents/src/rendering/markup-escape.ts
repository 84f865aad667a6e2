/**
 * Escaping per output format. HTML: Handlebars' own (also quotes, for attribute values). Markdown: what a
 * Markdown renderer would turn into markup or a link: `<` and `>` (inline HTML, autolinks), the bracket
 * sequences that make links, images and reference definitions (`](`, `][`, `]:`), a backslash (so data
 * cannot undo an escape), and `&` where it would start an entity. Apostrophes and lone brackets stay as
 * written, so the Markdown source remains readable. Plain text is never interpreted: nothing is escaped.
 */
export const escapeMarkdown = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  const safe = value as { toHTML?: () => string };
  if (typeof safe.toHTML === 'function') return safe.toHTML();
  return String(value)
    .replace(/\\/g, '\\\\')
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\]([([:])/g, ']\\$1');
};
