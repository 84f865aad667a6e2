import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ConsentKind, LegalDate, Signatory } from '#libs/lifecycle';
import { instrumentTextDocument } from '../documents/instrument-text.document.js';
import type { VersionSelector } from '../documents/instrument-version.js';
import { fullPowersDocument, instrumentOfConsentDocument } from '../documents/model-instruments.document.js';
import { notificationDocument } from '../documents/notification.document.js';
import { progressReportDocument } from '../documents/progress-report.document.js';
import { redlineDocument } from '../documents/redline.document.js';
import { signaturePageDocument } from '../documents/signature-page.document.js';
import { statusReportDocument } from '../documents/status-report.document.js';
import type { BuildContext, DocumentDefinition, Organisation } from '../documents/document-definition.js';
import { parseLegalDate } from '../language/legal-dates.js';
import { DOCUMENT_LANGUAGES, FALLBACK_LANGUAGE, isDocumentLanguage, type DocumentLanguage } from '../language/languages.js';
import { coversNamespaces, MessageLookup } from '../language/message-catalog.js';
import { DocumentRequestError } from '../model/document-request.error.js';
import type { EntryIntoForceSupport } from '../model/entry-into-force-support.js';
import { ENTRY_INTO_FORCE_ENGINE } from '../model/entry-into-force.engine.js';
import type { InstrumentRecord } from '../model/instrument-record.js';
import { PartyDirectory, type PartyInfo } from '../model/party-directory.js';
import { escapeMarkdown } from './markup-escape.js';
import { CONTENT_TYPES, DOCUMENT_FORMATS, isDocumentFormat, type DocumentFormat } from './document-format.js';
import { TemplateEngine, type TemplateEngineOptions } from './template-engine.js';
import { TemplateError } from './template-error.js';

export const INSTRUMENT_DOCUMENT_TYPES = ['text', 'redline', 'signature-page', 'status-report', 'notification'] as const;
export const PARTY_DOCUMENT_TYPES = ['full-powers', 'instrument-of-consent'] as const;
export const DOCUMENT_TYPES = [...INSTRUMENT_DOCUMENT_TYPES, ...PARTY_DOCUMENT_TYPES, 'progress-report'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/** What every document takes besides its own inputs. */
export interface RenderOptions {
  readonly format?: DocumentFormat | string;
  readonly lang?: DocumentLanguage | string;
  /** Registry names (and names in other languages); the instrument's snapshot of eligible parties fills gaps. */
  readonly parties?: readonly PartyInfo[];
}

export type DocumentRequest = RenderOptions &
  (
    | { readonly type: 'text'; readonly record: InstrumentRecord; readonly version?: VersionSelector }
    | { readonly type: 'redline'; readonly record: InstrumentRecord; readonly from?: VersionSelector; readonly to?: VersionSelector }
    | { readonly type: 'signature-page'; readonly record: InstrumentRecord; readonly asOf?: LegalDate }
    | { readonly type: 'status-report'; readonly record: InstrumentRecord; readonly asOf: LegalDate }
    | { readonly type: 'notification'; readonly record: InstrumentRecord; readonly eventId: string; readonly referencePrefix?: string }
    | { readonly type: 'full-powers'; readonly record: InstrumentRecord; readonly party: string; readonly representative?: Signatory }
    | { readonly type: 'instrument-of-consent'; readonly record: InstrumentRecord; readonly party: string; readonly kind?: ConsentKind }
    | { readonly type: 'progress-report'; readonly records: readonly InstrumentRecord[]; readonly asOf: LegalDate }
  );

export interface RenderedDocument {
  readonly type: DocumentType;
  readonly body: string;
  readonly contentType: string;
  readonly format: DocumentFormat;
  /** The language the document is written in. */
  readonly language: DocumentLanguage;
  readonly requestedLanguage: DocumentLanguage;
  /** True when (part of) the document is in English because the requested language lacks the translation. */
  readonly fallback: boolean;
  /** The log position the document was rendered from (null: a report over no instrument). */
  readonly position: bigint | null;
}

export interface DocumentRendererOptions extends TemplateEngineOptions {
  /**
   * The organisation whose name (and address) heads every document: configuration, read by the caller (the
   * API: ORGANISATION_NAME, ORGANISATION_ADDRESS). `organisation.json` in `overridesDir` adds to it field by field.
   */
  readonly organisation?: Organisation | null;
  /** Default: the entry-into-force library. `{}` renders without it (no final clauses, no counts). */
  readonly entryIntoForce?: EntryIntoForceSupport;
}

const DEFINITIONS: Readonly<Record<DocumentType, DocumentDefinition<never>>> = {
  text: instrumentTextDocument,
  redline: redlineDocument,
  'signature-page': signaturePageDocument,
  'status-report': statusReportDocument,
  notification: notificationDocument,
  'full-powers': fullPowersDocument,
  'instrument-of-consent': instrumentOfConsentDocument,
  'progress-report': progressReportDocument,
};

export const isDocumentType = (value: unknown): value is DocumentType =>
  typeof value === 'string' && (DOCUMENT_TYPES as readonly string[]).includes(value);

export const requireFormat = (value: unknown): DocumentFormat => {
  if (value === undefined || value === null || value === '') return 'html';
  if (!isDocumentFormat(value)) throw DocumentRequestError.unknownValue('format', value, DOCUMENT_FORMATS, 'document format');
  return value;
};
export const requireLanguage = (value: unknown): DocumentLanguage => {
  if (value === undefined || value === null || value === '') return FALLBACK_LANGUAGE;
  if (!isDocumentLanguage(value)) throw DocumentRequestError.unknownValue('lang', value, DOCUMENT_LANGUAGES, 'document language');
  return value;
};
export const requireDate = (value: unknown, field = 'asOf'): LegalDate => {
  try {
    if (typeof value !== 'string') throw new RangeError('missing');
    parseLegalDate(value);
    return value;
  } catch {
    throw new DocumentRequestError('INVALID_DATE', `${field} must be a date written YYYY-MM-DD (got ${JSON.stringify(value)}).`, 'invalid', field);
  }
};

/**
 * The configured organisation, completed (or overridden, field by field) by `organisation.json` in the
 * organisation's templates directory: acronym, depositary, translations without a code change.
 */
const readOrganisation = (dir: string | null, configured: Organisation | null): Organisation | null => {
  const file = dir ? join(dir, 'organisation.json') : null;
  if (!file || !existsSync(file)) return configured;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new TemplateError(file, null, null, `not valid JSON: ${(error as Error).message}`);
  }
  const o = parsed as Partial<Organisation> | null;
  const named = (value: unknown) => typeof value === 'string' && value.trim() !== '';
  if (!o || typeof o !== 'object' || Array.isArray(o) || (o.name !== undefined && !named(o.name)) || (!configured && !named(o.name))) {
    throw new TemplateError(file, null, null, 'must be an object with at least a "name" unless one is configured (and optionally acronym, address, depositary, translations)');
  }
  return { ...configured, ...o } as Organisation;
};

/** Blank lines left by block helpers are layout noise: at most one blank line, no trailing spaces. */
const tidy = (body: string): string =>
  `${body.replace(/[ \t]+$/gm, '').replace(/\n{3,}/g, '\n\n').replace(/^\n+/, '').trimEnd()}\n`;

/**
 * Renders documents from plain inputs. Holds only compiled templates and configuration, so the same
 * inputs always give byte-identical output: nothing reads a clock, dates come from the inputs.
 */
export class DocumentRenderer {
  readonly engine: TemplateEngine;
  private readonly organisation: Organisation | null;
  private readonly entryIntoForce: EntryIntoForceSupport;

  constructor(options: DocumentRendererOptions = {}) {
    this.engine = new TemplateEngine(options);
    this.organisation = readOrganisation(this.engine.overridesDir, options.organisation ?? null);
    this.entryIntoForce = options.entryIntoForce ?? ENTRY_INTO_FORCE_ENGINE;
  }

  render(request: DocumentRequest): RenderedDocument {
    if (!isDocumentType(request.type)) throw DocumentRequestError.unknownValue('type', request.type, DOCUMENT_TYPES, 'document type');
    const format = requireFormat(request.format);
    const requested = requireLanguage(request.lang);
    if ('asOf' in request && request.asOf !== undefined) requireDate(request.asOf);
    const definition = DEFINITIONS[request.type] as DocumentDefinition<DocumentRequest>;
    const lang = this.languageFor(definition, format, requested);
    const messages = new MessageLookup(this.engine.catalogs, lang);
    const snapshot = 'record' in request ? request.record.state.eligibleParties : request.records.flatMap((r) => r.state.eligibleParties);
    const context: BuildContext = {
      lang,
      format,
      messages,
      parties: new PartyDirectory(request.parties ?? [], snapshot),
      organisation: this.organisation,
      entryIntoForce: this.entryIntoForce,
    };
    const view = definition.build(request, context);
    const body = tidy(this.engine.render(definition.template, format, view, { lang, messages, parties: context.parties }));
    return {
      type: request.type,
      body,
      contentType: CONTENT_TYPES[format],
      format,
      language: lang,
      requestedLanguage: requested,
      fallback: lang !== requested || messages.missing.size > 0,
      position: definition.position(request),
    };
  }

  /**
   * The document with a closing line stating the tree head of the verifiable log it was rendered at, in its
   * language and format: a copy kept or printed can be checked against any later signed head.
   */
  stampTreeHead(document: Pick<RenderedDocument, 'body' | 'format' | 'language'>, head: { readonly treeSize: number; readonly rootHash: string }): string {
    const sentence = new MessageLookup(this.engine.catalogs, document.language).t('common.treeHead', { size: head.treeSize, root: head.rootHash });
    if (document.format === 'txt') return `${document.body.trimEnd()}\n\n${sentence}\n`;
    if (document.format === 'md') return `${document.body.trimEnd()}\n\n---\n\n${escapeMarkdown(sentence)}\n`;
    const line = `<p class="tree-head">${sentence.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</p>\n`;
    const end = document.body.lastIndexOf('</body>');
    return end < 0 ? `${document.body}${line}` : `${document.body.slice(0, end)}${line}${document.body.slice(end)}`;
  }

  /** The requested language if its catalog (or a template of its own) covers the document, else English. */
  private languageFor(definition: DocumentDefinition<never>, format: DocumentFormat, requested: DocumentLanguage): DocumentLanguage {
    if (requested === FALLBACK_LANGUAGE) return requested;
    if (this.engine.hasLanguageTemplate(definition.template, format, requested)) return requested;
    return coversNamespaces(this.engine.catalogs, requested, definition.namespaces) ? requested : FALLBACK_LANGUAGE;
  }

  /** Which languages a document type is written in without falling back (for the API's documentation). */
  languagesOf(type: DocumentType, format: DocumentFormat = 'html'): DocumentLanguage[] {
    const definition = DEFINITIONS[type];
    return DOCUMENT_LANGUAGES.filter((lang) => this.languageFor(definition, format, lang) === lang);
  }
}
