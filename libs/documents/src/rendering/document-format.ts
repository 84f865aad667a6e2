export const DOCUMENT_FORMATS = ['html', 'md', 'txt'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

export const CONTENT_TYPES: Readonly<Record<DocumentFormat, string>> = {
  html: 'text/html; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
};

export const isDocumentFormat = (value: unknown): value is DocumentFormat =>
  typeof value === 'string' && (DOCUMENT_FORMATS as readonly string[]).includes(value);
