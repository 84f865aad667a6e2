import type { RenderedDocument } from '#libs/documents';
import type { Response } from 'express';

const EXTENSION = { html: 'html', md: 'md', txt: 'txt' } as const;

/**
 * The document as the body, and what a client needs to trust it: the log position it was rendered from, its
 * language (and whether that is a fallback), and headers that keep a browser from running anything in it.
 */
export const sendDocument = (response: Response, document: RenderedDocument, position: bigint | null, name: string): string => {
  response.setHeader('Content-Type', document.contentType);
  response.setHeader('Content-Language', document.language);
  if (document.fallback) {
    response.setHeader('X-Language-Fallback', 'true');
    response.setHeader('X-Requested-Language', document.requestedLanguage);
  }
  if (position !== null) response.setHeader('X-Log-Position', position.toString());
  response.setHeader('X-Content-Type-Options', 'nosniff');
  if (document.format === 'html') response.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
  response.setHeader('Content-Disposition', `inline; filename="${name.replace(/[^\w.-]/g, '_')}.${document.language}.${EXTENSION[document.format]}"`);
  return document.body;
};

/** Headers every document route documents in OpenAPI. */
export const DOCUMENT_RESPONSE_HEADERS = {
  'X-Log-Position': { description: 'The log position the document was rendered from: the same request with ?position= gives the same bytes.', schema: { type: 'string' } },
  'Content-Language': { description: 'The language the document is written in.', schema: { type: 'string' } },
  'X-Language-Fallback': { description: '"true" when the requested language lacks this document and it is in English instead (X-Requested-Language names the one asked for).', schema: { type: 'string' } },
} as const;
