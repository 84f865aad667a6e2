import { randomUUID } from 'node:crypto';
import { Controller, Get, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { ENTRY_INTO_FORCE_RULE_EXAMPLES, finalClauseText, type EntryIntoForceRule } from '#libs/entry-into-force';
import { INSTRUMENT_KINDS } from '#libs/lifecycle';
import type { Request, Response } from 'express';
import { LEGAL_OFFICER } from '../../identity/access-rule.js';
import { RouteAccess } from '../../common/route-declarations.js';
import { ok, type ApiClient, type ApiError } from '../shared/api-client.js';
import { message } from '../shared/page-messages.js';
import { link, pageOf, sendPage, WebErrorFilter, type PageRoot } from '../shared/web-page.js';
import { changesSince } from '../forms/act-form.page.controller.js';
import { applyEdit, redlineHtml, textFromForm, type DraftText } from './draft-text.js';

const NOUNS: Readonly<Record<string, string>> = { treaty: 'Agreement', agreement: 'Agreement', mou: 'Memorandum', protocol: 'Protocol', amendment: 'Amendment' };
const RULE_CHOICES = Object.entries(ENTRY_INTO_FORCE_RULE_EXAMPLES).map(([key, example]) => ({ key, summary: example.summary, json: JSON.stringify(example.value, null, 2) }));

const formValues = (request: Request): Record<string, string> =>
  Object.fromEntries(Object.entries((request.body ?? {}) as Record<string, unknown>).filter(([, v]) => typeof v === 'string')) as Record<string, string>;

const writeHeaders = (values: Record<string, string>, withRevision = true): Record<string, string> => ({
  'idempotency-key': /^[\x21-\x7e]{1,200}$/.test(values._key ?? '') ? values._key! : randomUUID(),
  ...(values._csrf ? { 'x-csrf-token': values._csrf } : {}),
  ...(withRevision && /^\d+$/.test(values._revision ?? '') ? { 'if-match': `"${values._revision}"` } : {}),
});

const errorsOf = (body: ApiError | undefined) => {
  const byField: Record<string, string> = {};
  for (const e of body?.errors ?? []) byField[e.field] = byField[e.field] ? `${byField[e.field]} ${e.message}` : e.message;
  return { byField, summary: body?.message ?? null };
};

/** The sentence the rule will read as, or why it cannot be read. */
const sentenceOf = (json: string, kind: string): { sentence: string | null; problem: string | null; rule: EntryIntoForceRule | null } => {
  try {
    const rule = JSON.parse(json) as EntryIntoForceRule;
    return { sentence: finalClauseText(rule, { instrumentNoun: NOUNS[kind] ?? 'Agreement' }), problem: null, rule };
  } catch (error) {
    return { sentence: null, problem: error instanceof Error ? error.message : String(error), rule: null };
  }
};

/**
 * The legal officers' pages: a new instrument, the drafting editor (articles added, removed, reordered and
 * edited on the server, the redline against the saved version shown before saving), and the final clauses
 * chosen from the rule shapes with the sentence shown as it will read.
 */
@ApiExcludeController()
@UseFilters(WebErrorFilter)
@Controller('instruments')
export class DraftingPageController {
  @Get('new')
  @RouteAccess(LEGAL_OFFICER)
  async newForm(@Req() request: Request, @Res() response: Response): Promise<void> {
    const { api, root } = pageOf(request);
    await this.renderNew(response, api, root, { kind: 'mou', rule: RULE_CHOICES.find((c) => c.key.startsWith('definitive'))?.json ?? '{"type":"definitive-signature-by-all"}', _key: randomUUID() }, {});
  }

  @Post('new')
  @RouteAccess(LEGAL_OFFICER)
  async create(@Req() request: Request, @Res() response: Response): Promise<void> {
    const { api, root } = pageOf(request);
    const values = formValues(request);
    const parties = Object.entries((request.body ?? {}) as Record<string, unknown>).flatMap(([k, v]) => (k === 'eligibleParties' ? (Array.isArray(v) ? v : [v]) : [])).map(String);
    const rule = sentenceOf(values.rule ?? '', values.kind ?? '');
    if (!rule.rule) {
      await this.renderNew(response, api, root, values, { rule: rule.problem ?? 'The rule is not JSON.' }, parties, 400);
      return;
    }
    const body = {
      kind: values.kind,
      title: values.title,
      eligibleParties: parties,
      entryIntoForce: rule.rule,
      ...(values.preparedOn ? { preparedOn: values.preparedOn } : {}),
      text: { preamble: values.preamble ?? '', articles: [{ number: '1', heading: values['article.0.heading'] ?? '', body: values['article.0.body'] ?? '' }] },
    };
    const answer = await api.post<ApiError & { id?: string }>('/api/instruments', body, writeHeaders(values, false));
    if (answer.status === 201) {
      response.redirect(303, link(root, `/instruments/${answer.body.id}/draft`));
      return;
    }
    const { byField, summary } = errorsOf(answer.body);
    await this.renderNew(response, api, root, values, { ...byField, _summary: summary ?? `HTTP ${answer.status}` }, parties, answer.status);
  }

  private async renderNew(response: Response, api: ApiClient, root: PageRoot, values: Record<string, string>, errors: Record<string, string | null>, chosen: string[] = [], status = 200) {
    const parties = ok(await api.get<{ items: { code: string; name: string }[] }>('/api/parties?pageSize=200')).items;
    const preview = sentenceOf(values.rule ?? '', values.kind ?? 'mou');
    sendPage(response, 'instrument-new', {
      ...root,
      title: message(root.lang, 'newInstrument'),
      values,
      errors,
      summary: errors._summary ?? null,
      kinds: INSTRUMENT_KINDS.map((k) => ({ value: k, label: message(root.lang, `kind.${k}`), selected: k === values.kind })),
      parties: parties.map((p) => ({ ...p, checked: chosen.includes(p.code) })),
      rules: RULE_CHOICES,
      sentence: preview.sentence,
    }, status);
  }

  @Get(':id/draft')
  @RouteAccess(LEGAL_OFFICER)
  async editor(@Param('id') id: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const { api, root } = pageOf(request);
    const record = await this.recordOf(api, id);
    const saved = record.drafts.at(-1)?.text ?? { preamble: '', articles: [] };
    this.renderEditor(response, root, record, saved, { summary: '', preparedOn: '', _key: randomUUID(), _revision: String(record.revision) });
  }

  @Post(':id/draft')
  @RouteAccess(LEGAL_OFFICER)
  async edit(@Param('id') id: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const { api, root } = pageOf(request);
    const values = formValues(request);
    const record = await this.recordOf(api, id);
    const op = values.op ?? 'preview';
    const text = applyEdit(textFromForm(values), op);
    if (op !== 'save') {
      this.renderEditor(response, root, record, text, values, { preview: op === 'preview' });
      return;
    }
    const answer = await api.post<ApiError>(`/api/instruments/${id}/drafts`, { text, summary: values.summary ?? '', ...(values.preparedOn ? { preparedOn: values.preparedOn } : {}) }, writeHeaders(values));
    if (answer.status === 201) {
      response.redirect(303, link(root, `/instruments/${id}`, { recorded: 'draft' }));
      return;
    }
    const stale = answer.status === 412 ? await changesSince(api, id, Number(values._revision)) : null;
    const { byField, summary } = errorsOf(answer.body);
    this.renderEditor(response, root, record, text, { ...values, ...(stale ? { _revision: String(record.revision) } : {}) }, { preview: true, errors: byField, summary: stale ? null : summary, stale }, stale ? 409 : answer.status);
  }

  @Get(':id/final-clauses')
  @RouteAccess(LEGAL_OFFICER)
  async clauses(@Param('id') id: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const { api, root } = pageOf(request);
    const record = await this.recordOf(api, id);
    const chosen = RULE_CHOICES.find((c) => c.key === request.query.shape);
    this.renderClauses(response, root, record, { rule: chosen?.json ?? JSON.stringify(record.entryIntoForceRule, null, 2), _key: randomUUID(), _revision: String(record.revision) });
  }

  @Post(':id/final-clauses')
  @RouteAccess(LEGAL_OFFICER)
  async reviseClauses(@Param('id') id: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const { api, root } = pageOf(request);
    const values = formValues(request);
    const record = await this.recordOf(api, id);
    const chosen = RULE_CHOICES.find((c) => c.key === values.shape && values.op === 'shape');
    if (chosen || values.op === 'preview') {
      this.renderClauses(response, root, record, { ...values, ...(chosen ? { rule: chosen.json } : {}) });
      return;
    }
    const preview = sentenceOf(values.rule ?? '', record.kind);
    if (!preview.rule) {
      this.renderClauses(response, root, record, values, { rule: preview.problem }, 400);
      return;
    }
    const answer = await api.post<ApiError>(`/api/instruments/${id}/final-clauses`, { entryIntoForce: preview.rule }, writeHeaders(values));
    if (answer.status === 201) {
      response.redirect(303, link(root, `/instruments/${id}`, { recorded: 'final-clauses' }));
      return;
    }
    const stale = answer.status === 412 ? await changesSince(api, id, Number(values._revision)) : null;
    const { byField, summary } = errorsOf(answer.body);
    this.renderClauses(response, root, record, { ...values, ...(stale ? { _revision: String(record.revision) } : {}) }, { ...byField, rule: Object.values(byField).join(' ') || summary, stale: stale ? stale.join('; ') : null }, stale ? 409 : answer.status);
  }

  private async recordOf(api: ApiClient, id: string) {
    return ok(await api.get<{ id: string; kind: string; title: string; revision: number; stage: string; entryIntoForceRule: unknown; drafts: { version: number; text: DraftText }[] }>(`/api/instruments/${id}`));
  }

  private renderEditor(
    response: Response,
    root: PageRoot,
    record: { id: string; title: string; drafts: { version: number; text: DraftText }[] },
    text: DraftText,
    values: Record<string, string>,
    extra: { preview?: boolean; errors?: Record<string, string>; summary?: string | null; stale?: string[] | null } = {},
    status = 200,
  ): void {
    const saved = record.drafts.at(-1)?.text ?? { preamble: '', articles: [] };
    const redline = extra.preview ? redlineHtml(saved, text) : null;
    sendPage(response, 'draft-editor', {
      ...root,
      title: `Drafting editor — ${record.title}`,
      record: { ...record, href: link(root, `/instruments/${record.id}`), version: record.drafts.at(-1)?.version ?? 0 },
      action: link(root, `/instruments/${record.id}/draft`),
      text: { preamble: text.preamble, articles: text.articles.map((a, i) => ({ ...a, index: i, first: i === 0, last: i === text.articles.length - 1, position: i + 1 })) },
      values,
      redline,
      errors: extra.errors ?? {},
      summary: extra.summary ?? null,
      stale: extra.stale ? message(root.lang, 'staleBody', { changes: extra.stale.join('; ') }) : null,
    }, status);
  }

  private renderClauses(response: Response, root: PageRoot, record: { id: string; kind: string; title: string }, values: Record<string, string>, errors: Record<string, string | null> = {}, status = 200): void {
    const preview = sentenceOf(values.rule ?? '', record.kind);
    sendPage(response, 'final-clauses', {
      ...root,
      title: `${message(root.lang, 'finalClauses')} — ${record.title}`,
      record: { ...record, href: link(root, `/instruments/${record.id}`) },
      action: link(root, `/instruments/${record.id}/final-clauses`),
      values,
      rules: RULE_CHOICES.map((c) => ({ ...c, selected: c.key === values.shape })),
      sentence: preview.sentence,
      problem: errors.rule ?? preview.problem,
      stale: errors.stale ? message(root.lang, 'staleBody', { changes: errors.stale }) : null,
    }, status);
  }
}
