/** The languages documents are written in. English is complete; the others cover the documents their catalogs declare. */
export const DOCUMENT_LANGUAGES = ['en', 'fr', 'es', 'nl'] as const;
export type DocumentLanguage = (typeof DOCUMENT_LANGUAGES)[number];
export const FALLBACK_LANGUAGE: DocumentLanguage = 'en';

export const isDocumentLanguage = (value: unknown): value is DocumentLanguage =>
  typeof value === 'string' && (DOCUMENT_LANGUAGES as readonly string[]).includes(value);
