import { randomUUID } from 'node:crypto';
import { Controller, Get, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { PARTY_ACT, type AccessRule } from '../../identity/access-rule.js';
import { RouteAccess } from '../../common/route-declarations.js';
import { ok, type ApiClient, type ApiError } from '../shared/api-client.js';
import { message } from '../shared/page-messages.js';
import { actLabel } from '../shared/web-data.js';
import { link, pageOf, sendPage, WebErrorFilter, type PageRoot } from '../shared/web-page.js';
import { apiForms, bodyFromForm, errorsByField, type ApiForm } from './api-forms.js';
import { NotFoundException } from '@nestjs/common';

/** The instrument's own acts (adoption, opening, review rounds, corrections, discarding…): the API decides who exactly. */
export const INSTRUMENT_ACT_FORM: AccessRule = { roles: ['legal-officer', 'depositary', 'reviewer'] };

interface FormState {
  readonly values: Record<string, string>;
  readonly key: string;
  readonly revision: number;
  readonly errors?: Record<string, string[]>;
  readonly general?: readonly string[];
  readonly stale?: readonly string[];
}

const instrumentOf = async (api: ApiClient, id: string) => ok(await api.get<{ id: string; title: string; revision: number; eligibleParties: { code: string; name: string }[] }>(`/api/instruments/${id}`));

/** What was recorded on the instrument since the revision the form was opened at, in words. */
export const changesSince = async (api: ApiClient, id: string, revision: number): Promise<string[]> => {
  const events = ok(await api.get<{ events: { type: string; revision: number; data: Record<string, unknown>; metadata: { legalDate: string } }[] }>(`/api/instruments/${id}/events`)).events;
  return events.filter((e) => e.revision > revision).map((e) => `${actLabel(e.type, e.data)}${typeof e.data.party === 'string' ? ` (${e.data.party})` : ''}, ${e.metadata.legalDate}`);
};

/**
 * Every write route's form, made from its request schema: opened with the record's revision and a fresh
 * idempotency key, submitted to the API with both; a stale revision says what changed and keeps the input;
 * the API's errors stand beside the fields they name; a recorded act answers with the updated instrument page.
 */
@ApiExcludeController()
@UseFilters(WebErrorFilter)
@Controller('instruments/:id')
export class ActFormPageController {
  @Get('parties/:code/acts/:act')
  @RouteAccess(PARTY_ACT)
  async partyForm(@Param('id') id: string, @Param('code') code: string, @Param('act') act: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    await this.open(request, response, id, this.formOf('party', act), code);
  }

  @Post('parties/:code/acts/:act')
  @RouteAccess(PARTY_ACT)
  async partySubmit(@Param('id') id: string, @Param('code') code: string, @Param('act') act: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    await this.submit(request, response, id, this.formOf('party', act), code);
  }

  @Get('acts/:act')
  @RouteAccess(INSTRUMENT_ACT_FORM)
  async instrumentForm(@Param('id') id: string, @Param('act') act: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    await this.open(request, response, id, this.formOf('instrument', act), null);
  }

  @Post('acts/:act')
  @RouteAccess(INSTRUMENT_ACT_FORM)
  async instrumentSubmit(@Param('id') id: string, @Param('act') act: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    await this.submit(request, response, id, this.formOf('instrument', act), null);
  }

  private formOf(scope: ApiForm['scope'], slug: string): ApiForm {
    const form = apiForms().find(scope, slug);
    if (!form) throw new NotFoundException({ code: 'FORM_NOT_FOUND', message: `No act ${slug} is recorded through a form.` });
    return form;
  }

  private async open(request: Request, response: Response, id: string, form: ApiForm, party: string | null): Promise<void> {
    const { api, root } = pageOf(request);
    const instrument = await instrumentOf(api, id);
    // Links may pre-fill fields (?kind=ratification from the member state's to-do list).
    const values = Object.fromEntries(form.fields.flatMap((f) => (typeof request.query[f.name] === 'string' ? [[f.name, request.query[f.name] as string]] : [])));
    this.render(response, root, instrument, form, party, { values, key: randomUUID(), revision: instrument.revision });
  }

  private async submit(request: Request, response: Response, id: string, form: ApiForm, party: string | null): Promise<void> {
    const { api, root } = pageOf(request);
    const posted = (request.body ?? {}) as Record<string, unknown>;
    const values = Object.fromEntries(Object.entries(posted).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
    const key = /^[\x21-\x7e]{1,200}$/.test(values._key ?? '') ? values._key! : randomUUID();
    const revision = Number.isInteger(Number(values._revision)) && values._revision !== '' ? Number(values._revision) : null;
    const path = form.route.replace('{id}', encodeURIComponent(id)).replace('{code}', encodeURIComponent(party ?? ''));
    const answer = await api.post<ApiError & { eventIds?: string[] }>(path, bodyFromForm(form, values), {
      'idempotency-key': key,
      ...(values._csrf ? { 'x-csrf-token': values._csrf } : {}),
      ...(revision !== null ? { 'if-match': `"${revision}"` } : {}),
    });
    if (answer.status === 201) {
      // Post, redirect, get: the instrument page as it now stands, the act in its history.
      response.redirect(303, link(root, `/instruments/${id}`, { recorded: answer.body.eventIds?.[0] ?? '' }));
      return;
    }
    const instrument = await instrumentOf(api, id);
    if (answer.status === 412) {
      const stale = await changesSince(api, id, revision ?? -1);
      this.render(response, root, instrument, form, party, { values, key, revision: instrument.revision, stale }, 409);
      return;
    }
    const { byField, general } = errorsByField(answer.body?.errors, form);
    const summary = answer.body?.message ?? `HTTP ${answer.status}`;
    this.render(response, root, instrument, form, party, { values, key, revision: revision ?? instrument.revision, errors: byField, general: [summary, ...general.filter((g) => g !== summary)] }, answer.status >= 400 && answer.status < 600 ? answer.status : 400);
  }

  private render(response: Response, root: PageRoot, instrument: { id: string; title: string; eligibleParties: { code: string; name: string }[] }, form: ApiForm, party: string | null, state: FormState, status = 200): void {
    const partyName = party ? (instrument.eligibleParties.find((p) => p.code === party)?.name ?? party) : null;
    const action = party ? `/instruments/${instrument.id}/parties/${party}/acts/${form.slug}` : `/instruments/${instrument.id}/acts/${form.slug}`;
    sendPage(response, 'act-form', {
      ...root,
      title: `${form.summary} — ${instrument.title}`,
      instrument: { ...instrument, href: link(root, `/instruments/${instrument.id}`) },
      form,
      partyName,
      action: link(root, action),
      key: state.key,
      revision: state.revision,
      stale: state.stale ?? null,
      staleBody: state.stale ? message(root.lang, 'staleBody', { changes: state.stale.join('; ') || '—' }) : null,
      general: state.general?.length ? state.general : null,
      fields: form.fields.map((f) => {
        const id = `field-${f.name.replaceAll('.', '-')}`;
        const value = state.values[f.name] ?? '';
        const errors = state.errors?.[f.name] ?? null;
        return {
          ...f,
          id,
          value,
          errors,
          describedBy: [f.hint ? `${id}-hint` : null, errors ? `${id}-error` : null].filter(Boolean).join(' ') || null,
          options: f.control === 'boolean' ? [{ value: '', label: '—' }, { value: 'true', label: message(root.lang, 'yes') }, { value: 'false', label: message(root.lang, 'no') }].map((o) => ({ ...o, selected: o.value === value })) : f.choices.map((c) => ({ value: c, label: c, selected: c === value })),
          isSelect: f.control === 'select' || f.control === 'boolean',
          isTextarea: f.control === 'textarea' || f.control === 'lines',
          inputType: f.control === 'date' ? 'date' : f.control === 'number' ? 'number' : 'text',
        };
      }),
    }, status);
  }
}
