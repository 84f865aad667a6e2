import type { RecordedEvent } from '#libs/event-store';
import { LogBuilder } from '../fixtures/log-builder.fixture.js';
import { DocumentRenderer, instrumentRecord, type InstrumentRecord } from '../index.js';

const ID = '00000000-0000-4000-8000-0000000000d1';
const text = (body: string) => ({ preamble: 'The Parties,', articles: [{ number: '1', heading: 'Scope', body }] });

/**
 * A treaty whose drafts are recorded in December 2026, years after they were prepared: the first at the
 * negotiating session of 9 May 2016, the second on 15 March 2017. The first is created with the instrument;
 * `preparedOn` is set on its event as every DraftVersionRecorded will carry it.
 */
const lateRecordedDrafts = (): RecordedEvent[] => {
  const log = new LogBuilder();
  log.instrument(ID, '2026-12-01', {
    type: 'CreateInstrument',
    data: {
      instrumentId: ID,
      kind: 'treaty',
      title: 'Agreement establishing the Caribbean Customs Organization',
      parent: null,
      languages: ['en'],
      depositary: 'CCLEC',
      eligibleParties: [{ code: 'CUB', name: 'Cuba', kind: 'state' }],
      entryIntoForce: null,
      text: text('The Parties shall cooperate.'),
      preparedOn: '2016-05-09',
    },
  });
  log.instrument(ID, '2026-12-02', { type: 'RecordDraft', data: { text: text('The Parties shall cooperate closely.'), summary: 'Second reading.', preparedOn: '2017-03-15' } });
  return log.stream(ID).map((e) => (e.type === 'DraftVersionRecorded.v1' && e.data.version === 1 ? { ...e, data: { ...e.data, preparedOn: '2016-05-09' } } : e));
};

/** An event recorded before drafts carried `preparedOn`: its legal date is the only date it has. */
const withoutPreparedOn = (events: readonly RecordedEvent[], version: number, legalDate: string): RecordedEvent[] =>
  events.map((e) => {
    if (e.type !== 'DraftVersionRecorded.v2' || e.data.version !== version) return e;
    // Stored as the v1 shape did: no preparedOn; the decoder upcasts it from the legal date.
    const { preparedOn: _, ...data } = e.data;
    return { ...e, type: 'DraftVersionRecorded.v1', data, metadata: { ...e.metadata, legalDate } };
  });

const renderer = new DocumentRenderer({ organisation: { name: 'Caribbean Customs Law Enforcement Council' } });
const formats = ['html', 'md', 'txt'] as const;
const render = (record: InstrumentRecord, request: { type: 'text'; version: number } | { type: 'redline'; from: number; to: number }) =>
  formats.map((format) => renderer.render({ ...request, record, format }).body);

describe('the date of a draft version', () => {
  const record = instrumentRecord(lateRecordedDrafts());

  it('is the day it was prepared in the text, in every format, not the day it was recorded', () => {
    for (const body of render(record, { type: 'text', version: 1 })) {
      expect(body).toContain('Draft version 1 of 9 May 2016');
      expect(body).not.toContain('December 2026');
    }
    for (const body of render(record, { type: 'text', version: 2 })) expect(body).toContain('Draft version 2 of 15 March 2017');
  });

  it('is the day each version was prepared in the redline', () => {
    for (const body of render(record, { type: 'redline', from: 1, to: 2 })) {
      expect(body).toContain('Changes from draft version 1 (9 May 2016) to draft version 2 (15 March 2017)');
      expect(body).not.toContain('December 2026');
    }
  });

  it('falls back, for a draft recorded without preparedOn, to its event’s legal date', () => {
    // Recorded on 2 December 2026 at 10:00 UTC; the legal date says which day it was for the secretariat.
    const legacy = instrumentRecord(withoutPreparedOn(lateRecordedDrafts(), 2, '2026-12-01'));
    expect(legacy.state.drafts[1]!.preparedOn).toBe('2026-12-01');
    for (const body of render(legacy, { type: 'redline', from: 1, to: 2 })) {
      expect(body).toContain('Changes from draft version 1 (9 May 2016) to draft version 2 (1 December 2026)');
    }
    for (const body of render(legacy, { type: 'text', version: 2 })) expect(body).toContain('Draft version 2 of 1 December 2026');
  });
});
