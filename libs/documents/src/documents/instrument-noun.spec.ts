import type { InstrumentKind } from '#libs/lifecycle';
import { LogBuilder } from '../fixtures/log-builder.fixture.js';
import { DocumentRenderer, instrumentRecord, notifiableActs, type DocumentRequest, type InstrumentRecord } from '../index.js';
import { nounForms } from '../language/instrument-nouns.js';

/**
 * The noun comes from the instrument's kind, never from its title: each title below begins with another
 * kind's noun, or with a noun that is no kind at all.
 */
const MISLEADING_TITLES: Readonly<Record<InstrumentKind, string>> = {
  treaty: 'Agreement establishing the Caribbean Customs Organization',
  agreement: 'Treaty-level Arrangement on Customs Cooperation',
  mou: 'Protocol of Cooperation between the Customs Administrations',
  protocol: 'Additional Protocol to the Convention on Customs Cooperation',
  amendment: 'Agreement amending the Convention on Customs Cooperation',
};

const PARENT_ID = '00000000-0000-4000-8000-0000000000a0';

/** An instrument of `kind` through to one signature and one ratification (Cuba), and a second signature (Saint Lucia). */
const instrumentOf = (kind: InstrumentKind): { record: InstrumentRecord; signature: string; ratification: string } => {
  const log = new LogBuilder();
  const id = `00000000-0000-4000-8000-0000000000${(Object.keys(MISLEADING_TITLES).indexOf(kind) + 1).toString(16).padStart(2, '0')}`;
  log.instrument(id, '2021-01-04', {
    type: 'CreateInstrument',
    data: {
      instrumentId: id,
      kind,
      title: MISLEADING_TITLES[kind],
      parent: kind === 'protocol' || kind === 'amendment' ? { id: PARENT_ID, kind: 'treaty' } : null,
      languages: ['en', 'fr', 'es'],
      depositary: 'CCLEC',
      eligibleParties: [
        { code: 'CUB', name: 'Cuba', kind: 'state' },
        { code: 'LCA', name: 'Saint Lucia', kind: 'state' },
      ],
      entryIntoForce: { type: 'instruments', count: 2, timing: { kind: 'days-after', days: 30 } },
      text: { preamble: 'The Parties,', articles: [{ number: '1', heading: 'Scope', body: 'The Parties shall cooperate.' }] },
    },
  });
  log.instrument(id, '2021-01-05', { type: 'RequestReview', data: { reviewers: ['legal-officer'], note: null } });
  log.instrument(id, '2021-01-06', { type: 'DecideReview', data: { decision: 'approve', comment: null } });
  log.instrument(id, '2021-02-01', { type: 'AdoptText', data: { adoptedOn: '2021-02-01', place: 'Castries', method: 'consensus', votes: null } });
  log.instrument(id, '2021-02-01', { type: 'OpenForSignature', data: { opensOn: '2021-02-01', closesOn: null, place: 'Castries' } });
  const [signature] = log.instrument(id, '2021-02-02', { type: 'SignInstrument', data: { party: 'CUB', signedOn: '2021-02-02', signatory: { name: 'A. Pérez', title: 'Minister' }, definitive: false, place: 'Castries' } });
  log.instrument(id, '2021-02-02', { type: 'SignInstrument', data: { party: 'LCA', signedOn: '2021-02-02', signatory: { name: 'B. Charles', title: 'Minister' }, definitive: false, place: 'Castries' } });
  const [ratification] = log.instrument(id, '2021-06-01', { type: 'DepositConsent', data: { party: 'CUB', kind: 'ratification', depositedOn: '2021-06-01', domesticActOn: null } });
  return { record: instrumentRecord(log.stream(id)), signature: signature!.id, ratification: ratification!.id };
};

const renderer = new DocumentRenderer({ organisation: { name: 'Caribbean Customs Law Enforcement Council', acronym: 'CCLEC' } });
const txt = (request: DocumentRequest): string => renderer.render({ ...request, format: 'txt' }).body;
const KINDS = Object.keys(MISLEADING_TITLES) as InstrumentKind[];

describe('the instrument’s noun, from its kind', () => {
  it.each([
    ['en', 'treaty', 'the above-mentioned Treaty', 'of the above-mentioned Treaty', 'to the above-mentioned Treaty', 'The Treaty'],
    ['en', 'mou', 'the above-mentioned Memorandum of Understanding', 'of the above-mentioned Memorandum of Understanding', 'to the above-mentioned Memorandum of Understanding', 'The Memorandum of Understanding'],
    ['fr', 'treaty', 'le Traité susmentionné', 'du Traité susmentionné', 'au Traité susmentionné', 'Le Traité'],
    ['fr', 'agreement', "l'Accord susmentionné", "de l'Accord susmentionné", "à l'Accord susmentionné", "L'Accord"],
    ['fr', 'amendment', "l'Amendement susmentionné", "de l'Amendement susmentionné", "à l'Amendement susmentionné", "L'Amendement"],
    ['fr', 'mou', "le Mémorandum d'accord susmentionné", "du Mémorandum d'accord susmentionné", "au Mémorandum d'accord susmentionné", "Le Mémorandum d'accord"],
    ['es', 'protocol', 'el Protocolo mencionado', 'del Protocolo mencionado', 'al Protocolo mencionado', 'El Protocolo'],
    ['es', 'amendment', 'la Enmienda mencionada', 'de la Enmienda mencionada', 'a la Enmienda mencionada', 'La Enmienda'],
  ] as const)('%s %s: %s, %s, %s; %s', (lang, kind, mentioned, of, to, start) => {
    const forms = nounForms(kind, lang);
    expect([forms.theNounMentioned, forms.ofTheNounMentioned, forms.toTheNounMentioned, forms.TheNoun]).toEqual([mentioned, of, to, start]);
  });

  describe.each(KINDS)('kind %s, titled with another noun', (kind) => {
    const { record, signature, ratification } = instrumentOf(kind);
    const en = nounForms(kind, 'en').noun;

    it('is named by its kind on the signature page, in the notifications and in the model instruments', () => {
      expect(txt({ type: 'signature-page', record })).toContain(`have signed this ${en}.`);
      expect(txt({ type: 'notification', record, eventId: signature })).toContain(`On 2 February 2021, Cuba signed the above-mentioned ${en}.`);
      expect(txt({ type: 'notification', record, eventId: signature })).toContain(`The ${en} was signed by A. Pérez, Minister, at Castries.`);
      expect(txt({ type: 'notification', record, eventId: ratification })).toContain(`Cuba deposited its instrument of ratification of the above-mentioned ${en}.`);
      const consent = txt({ type: 'instrument-of-consent', record, party: 'LCA' });
      expect(consent).toContain(`AND WHEREAS the said ${en} was signed on behalf of the Government of Saint Lucia`);
      expect(consent).toContain(`having considered the above-mentioned ${en}, ratifies the same`);
    });

    it('is named by its kind in the progress report', () => {
      const md = renderer.render({ type: 'progress-report', records: [record], asOf: '2021-12-31', format: 'md' }).body;
      expect(md).toContain(`| ${MISLEADING_TITLES[kind]} (${en}) |`);
    });

    it('is named by its kind in French and Spanish notifications', () => {
      const fr = nounForms(kind, 'fr');
      const es = nounForms(kind, 'es');
      expect(txt({ type: 'notification', record, eventId: ratification, lang: 'fr' })).toContain(`un instrument de ratification ${fr.ofTheNounMentioned} a été déposé par Cuba.`);
      expect(txt({ type: 'notification', record, eventId: signature, lang: 'fr' })).toContain(`${fr.TheNoun} a été signé par A. Pérez, Minister, à Castries.`);
      expect(txt({ type: 'notification', record, eventId: ratification, lang: 'es' })).toContain(`el instrumento de ratificación ${es.ofTheNounMentioned} fue depositado por Cuba.`);
      expect(txt({ type: 'notification', record, eventId: signature, lang: 'es' })).toContain(`El 2 de febrero de 2021, Cuba firmó ${es.theNounMentioned}.`);
    });

    it('passes the noun of its kind to the final clauses', () => {
      const seen: string[] = [];
      const spy = new DocumentRenderer({ entryIntoForce: { finalClauses: (_, wording) => (seen.push(wording.noun), [`This ${wording.noun} shall enter into force.`]) } });
      expect(spy.render({ type: 'text', record, format: 'txt' }).body).toContain(`This ${en} shall enter into force.`);
      expect(spy.render({ type: 'status-report', record, asOf: '2021-12-31', format: 'txt' }).body).toContain(`This ${en} shall enter into force.`);
      expect(new Set(seen)).toEqual(new Set([en]));
    });
  });

  it('names the instrument in the final clauses written by the entry-into-force library', () => {
    expect(txt({ type: 'text', record: instrumentOf('treaty').record })).toContain('This Treaty shall enter into force on the thirtieth day');
    expect(txt({ type: 'text', record: instrumentOf('protocol').record })).toContain('This Protocol shall enter into force on the thirtieth day');
    // An MOU's clauses are worded as an MOU's: it "comes into effect" between "Participants".
    expect(txt({ type: 'text', record: instrumentOf('mou').record })).toMatch(/This Memorandum shall come into effect/);
  });

  it('agrees the Spanish sentence with a feminine noun (la Enmienda)', () => {
    const { record, ratification } = instrumentOf('amendment');
    const acts = notifiableActs(record);
    expect(acts.some((a) => a.eventId === ratification)).toBe(true);
    const body = txt({ type: 'notification', record, eventId: ratification, lang: 'es' });
    expect(body).toContain('el instrumento de ratificación de la Enmienda mencionada fue depositado por Cuba.');
    expect(body).not.toMatch(/del Enmienda|el Enmienda|Enmienda mencionado/);
  });
});
