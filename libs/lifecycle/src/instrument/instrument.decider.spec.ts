import { defaultRule } from '#libs/entry-into-force';
import { DeciderSpecification, recorded, type GivenEvent } from '../testing/decider-spec.js';
import { entryIntoForceDate, instrumentDecider, type CreateInstrument, type InstrumentCommand, instrumentStream, legalDateOf, stageAsOf, type ConsentKind, type CorrectableEventType, type EligibleParty, type EntryIntoForceRule, type Instrument, type InstrumentEvent, type InstrumentKind, type InstrumentState, type InstrumentText } from '../index.js';

// ---- fixtures --------------------------------------------------------------------------------------------
// The story: a customs council's treaty, 2019-2021. "Today" (the server's calendar day) is 2021-12-31.

const TODAY = '2021-12-31';
const DEFAULT_ENTRY_INTO_FORCE_RULE = defaultRule;
const spec = DeciderSpecification.for(instrumentDecider, { today: TODAY });

const JAM: EligibleParty = { code: 'JAM', name: 'Jamaica', kind: 'state' };
const BRB: EligibleParty = { code: 'BRB', name: 'Barbados', kind: 'state' };
const CCLEC: EligibleParty = { code: 'CCLEC', name: 'Caribbean Customs Law Enforcement Council', kind: 'organisation' };
const CPU: EligibleParty = { code: 'CPU', name: 'Caribbean Postal Union', kind: 'organisation' };
const ID = 'a6f0c1de-0000-4000-8000-000000000001';
const PARENT_ID = 'a6f0c1de-0000-4000-8000-000000000000';

const text = (...numbers: string[]): InstrumentText => ({
  preamble: 'The Parties to this Treaty,',
  articles: numbers.map((number) => ({ number, heading: `Article ${number}`, body: `Body of article ${number}.` })),
});
const TEXT_V1 = text('1', '2');
const TEXT_V2 = text('1', '2', '3');

const createCommand = (data: Partial<CreateInstrument['data']> = {}): InstrumentCommand => ({
  type: 'CreateInstrument',
  data: {
    instrumentId: ID,
    kind: 'treaty',
    title: 'Treaty establishing the Caribbean Customs Law Enforcement Council',
    parent: null,
    languages: [],
    depositary: null,
    eligibleParties: [JAM, BRB, CCLEC],
    entryIntoForce: null,
    text: null,
    ...data,
  },
});

const created = (
  kind: InstrumentKind = 'treaty',
  parties: readonly EligibleParty[] = [JAM, BRB, CCLEC],
  entryIntoForce: EntryIntoForceRule = DEFAULT_ENTRY_INTO_FORCE_RULE,
): InstrumentEvent => ({
  type: 'InstrumentCreated.v1',
  data: {
    instrumentId: ID,
    kind,
    title: `A ${kind}`,
    parentId: kind === 'protocol' || kind === 'amendment' ? PARENT_ID : null,
    languages: ['en'],
    depositary: null,
    eligibleParties: parties,
    entryIntoForce,
    createdOn: '2019-01-10',
  },
});
const drafted = (version: number, t: InstrumentText = TEXT_V1, summary = `Draft ${version}.`, preparedOn = '2019-01-10'): InstrumentEvent => ({
  type: 'DraftVersionRecorded.v2',
  data: { version, text: t, summary, preparedOn },
});
const reviewRequested = (round: number, version: number): InstrumentEvent => ({
  type: 'ReviewRequested.v1',
  data: { round, version, reviewers: ['legal@cclec.example'], note: null },
});
const reviewDecided = (round: number, decision: 'approve' | 'request-changes'): InstrumentEvent => ({
  type: 'ReviewDecided.v1',
  data: { round, decision, comment: null },
});
const adopted = (adoptedOn = '2019-05-10'): InstrumentEvent => ({
  type: 'TextAdopted.v1',
  data: { adoptedOn, place: 'Saint Lucia', method: 'consensus', votes: null, version: 1 },
});
const opened = (opensOn = '2019-06-01', closesOn: string | null = '2020-06-01'): InstrumentEvent => ({
  type: 'SignatureOpened.v1',
  data: { opensOn, closesOn, place: 'Castries' },
});
const signed = (party: string, signedOn: string, definitive = false, place: string | null = 'Castries'): InstrumentEvent => ({
  type: 'InstrumentSigned.v1',
  data: { party, signedOn, signatory: { name: `Envoy of ${party}`, title: 'Minister' }, definitive, place },
});
const consented = (party: string, kind: ConsentKind, depositedOn: string, domesticActOn: string | null = null): InstrumentEvent => ({
  type: 'ConsentDeposited.v1',
  data: { party, kind, depositedOn, domesticActOn },
});
const reserved = (party: string, madeOn: string, madeAt: 'signature' | 'deposit'): InstrumentEvent => ({
  type: 'ReservationMade.v1',
  data: { party, kind: 'reservation', text: 'Article 2 does not apply to ...', madeOn, madeAt },
});
const withdrawn = (party: string, notifiedOn: string, effectiveOn: string): InstrumentEvent => ({
  type: 'WithdrawalNotified.v1',
  data: { party, notifiedOn, effectiveOn },
});
const inForce = (date: string, supersedes: string | null = null): InstrumentEvent => ({
  type: 'EntryIntoForceDetermined.v1',
  data: { date, rule: 'definitive-signature-by-all', supersedes },
});
const terminated = (terminatedOn = '2021-06-30'): InstrumentEvent => ({
  type: 'InstrumentTerminated.v1',
  data: { terminatedOn, reason: 'Replaced by a later treaty.' },
});

type History = (InstrumentEvent | GivenEvent<InstrumentEvent>)[];

const drafting = (kind: InstrumentKind = 'treaty', parties?: readonly EligibleParty[]): History => [created(kind, parties), drafted(1)];
const inReview = (kind?: InstrumentKind, parties?: readonly EligibleParty[]): History => [...drafting(kind, parties), reviewRequested(1, 1)];
const approved = (kind?: InstrumentKind, parties?: readonly EligibleParty[]): History => [
  ...inReview(kind, parties),
  reviewDecided(1, 'approve'),
];
/** Adopted 2019-05-10; the adoption event has the id 'evt-adoption'. */
const adoptedTreaty = (parties?: readonly EligibleParty[]): History => [...approved('treaty', parties), recorded(adopted(), 'evt-adoption')];
/** Open 2019-06-01 to 2020-06-01; the opening event has the id 'evt-opening'. */
const openTreaty = (parties?: readonly EligibleParty[]): History => [
  ...adoptedTreaty(parties),
  recorded(opened(), 'evt-opening'),
];
/** An MOU between two organisations, signed definitively by both: in force on 2019-07-02. */
const mouInForce = (): History => [
  ...approved('mou', [CCLEC, CPU]),
  opened('2019-06-01', null),
  recorded(signed('CCLEC', '2019-06-20', true), 'evt-sig-cclec'),
  recorded(signed('CPU', '2019-07-02', true), 'evt-sig-cpu'),
  recorded(inForce('2019-07-02'), 'evt-eif'),
];

const sign = (party: string, signedOn: string, definitive = false, place: string | null = 'Castries'): InstrumentCommand => ({
  type: 'SignInstrument',
  data: { party, signedOn, signatory: { name: `Envoy of ${party}`, title: 'Minister' }, definitive, place },
});
const deposit = (party: string, kind: ConsentKind, depositedOn: string, domesticActOn: string | null = null): InstrumentCommand => ({
  type: 'DepositConsent',
  data: { party, kind, depositedOn, domesticActOn },
});
const reserve = (party: string, madeOn: string, madeAt: 'signature' | 'deposit' | null = null): InstrumentCommand => ({
  type: 'MakeReservation',
  data: { party, kind: 'reservation', text: 'Article 2 does not apply to ...', madeOn, madeAt },
});
const withdraw = (party: string, notifiedOn: string, effectiveOn: string | null = null): InstrumentCommand => ({
  type: 'NotifyWithdrawal',
  data: { party, notifiedOn, effectiveOn },
});
const correct = (eventId: string, changes: Record<string, unknown>, reason = 'Error in the depositary record.'): InstrumentCommand => ({
  type: 'CorrectAct',
  data: { eventId, reason, changes },
});
const terminate = (terminatedOn = '2021-06-30'): InstrumentCommand => ({
  type: 'TerminateInstrument',
  data: { terminatedOn, reason: 'Replaced by a later treaty.' },
});

const asInstrument = (state: InstrumentState): Instrument => {
  if (state.stage === 'none') throw new Error('expected an instrument');
  return state;
};

// ---- creation --------------------------------------------------------------------------------------------

describe('instrument decider', () => {
  describe('CreateInstrument', () => {
    it('creates a treaty with its text as draft version 1, with defaults for languages and the entry-into-force rule', () => {
      const state = asInstrument(
        spec
          .given([])
          .when(createCommand({ title: '  Treaty of Castries ', text: TEXT_V1 }))
          .then([
            {
              type: 'InstrumentCreated.v1',
              data: {
                instrumentId: ID,
                kind: 'treaty',
                title: 'Treaty of Castries',
                parentId: null,
                languages: ['en'],
                depositary: null,
                eligibleParties: [JAM, BRB, CCLEC],
                entryIntoForce: { type: 'definitive-signature-by-all' },
                createdOn: TODAY,
              },
            },
            { type: 'DraftVersionRecorded.v2', data: { version: 1, text: TEXT_V1, summary: 'First draft.', preparedOn: TODAY } },
          ]),
      );
      expect(state.stage).toBe('drafting');
      expect(state.drafts.map((d) => d.version)).toEqual([1]);
      expect(state.drafts[0].text).toEqual(TEXT_V1);
    });

    it('creates an instrument without text: drafting, no draft yet; languages, depositary and rule as given', () => {
      const rule = { type: 'instruments', count: 3, timing: { kind: 'days-after', days: 30 } } as const;
      const state = asInstrument(
        spec
          .given([])
          .when(createCommand({ languages: ['en', 'fr', 'es'], depositary: 'CCLEC Secretariat', entryIntoForce: rule }))
          .thenEvents((events) => {
            expect(events.map((e) => e.type)).toEqual(['InstrumentCreated.v1']);
          }).state,
      );
      expect(state).toMatchObject({
        stage: 'drafting',
        languages: ['en', 'fr', 'es'],
        depositary: 'CCLEC Secretariat',
        entryIntoForceRule: rule,
        drafts: [],
        createdOn: TODAY,
      });
    });

    it.each(['protocol', 'amendment'] as const)('creates a %s that names its parent treaty', (kind) => {
      const state = asInstrument(
        spec
          .given([])
          .when(createCommand({ kind, parent: { id: PARENT_ID, kind: 'treaty' } }))
          .thenEvents((events) => expect(events).toHaveLength(1)).state,
      );
      expect(state.parentId).toBe(PARENT_ID);
      expect(state.kind).toBe(kind);
    });

    it.each(['protocol', 'amendment'] as const)('refuses a %s without a parent', (kind) => {
      spec.given([]).when(createCommand({ kind })).thenThrows('PARENT_REQUIRED', { kind: 'invalid', field: 'parentId' });
    });

    it.each(['treaty', 'mou'] as const)('refuses a %s with a parent', (kind) => {
      spec
        .given([])
        .when(createCommand({ kind, parent: { id: PARENT_ID, kind: 'treaty' } }))
        .thenThrows('PARENT_NOT_ALLOWED', { kind: 'invalid', field: 'parentId' });
    });

    it('refuses an agreement with a parent too', () => {
      spec
        .given([])
        .when(createCommand({ kind: 'agreement', eligibleParties: [JAM, BRB], parent: { id: PARENT_ID, kind: 'treaty' } }))
        .thenThrows('PARENT_NOT_ALLOWED');
    });

    it('refuses a protocol to a protocol', () => {
      spec
        .given([])
        .when(createCommand({ kind: 'protocol', parent: { id: PARENT_ID, kind: 'protocol' } }))
        .thenThrows('PARENT_KIND', { field: 'parentId' });
    });

    it('creates a bilateral agreement between two parties', () => {
      spec
        .given([])
        .when(createCommand({ kind: 'agreement', eligibleParties: [JAM, BRB] }))
        .thenEvents((events) => expect(events).toHaveLength(1));
    });

    it.each([
      ['one party', [JAM]],
      ['three parties', [JAM, BRB, CCLEC]],
      ['no party', []],
    ])('refuses a bilateral agreement with %s', (_label, parties) => {
      spec
        .given([])
        .when(createCommand({ kind: 'agreement', eligibleParties: parties }))
        .thenThrows('BILATERAL_PARTIES', { kind: 'invalid', field: 'eligibleParties' });
    });

    it('refuses a party listed twice', () => {
      spec
        .given([])
        .when(createCommand({ eligibleParties: [JAM, BRB, JAM] }))
        .thenThrows('DUPLICATE_PARTY', { field: 'eligibleParties', message: 'JAM' });
    });

    it('refuses a text with an article number twice, naming the offending article', () => {
      spec
        .given([])
        .when(createCommand({ text: text('1', '2', '2') }))
        .thenThrows('DUPLICATE_ARTICLE', { kind: 'invalid', field: 'text.articles.2.number', message: 'Article 2' });
    });

    it.each(['', '   '])('refuses an empty title (%j)', (title) => {
      spec.given([]).when(createCommand({ title })).thenThrows('INVALID_INPUT', { field: 'title' });
    });

    it('refuses to create the same instrument twice', () => {
      spec.given([created()]).when(createCommand()).thenThrows('INSTRUMENT_EXISTS');
    });

    it('refuses any other command on an instrument that does not exist', () => {
      spec.given([]).when(sign('JAM', '2020-01-01')).thenThrows('INSTRUMENT_NOT_FOUND', { kind: 'not-found' });
    });
  });

  // ---- drafting and review ---------------------------------------------------------------------------------

  describe('RecordDraft', () => {
    const record = (t: InstrumentText = TEXT_V2, summary = 'Adds article 3.'): InstrumentCommand => ({
      type: 'RecordDraft',
      data: { text: t, summary },
    });

    it('records the first draft as version 1 on an instrument created without text', () => {
      spec.given([created()]).when(record(TEXT_V1, 'First draft.')).then([drafted(1, TEXT_V1, 'First draft.', TODAY)]);
    });

    it('numbers versions consecutively', () => {
      const state = asInstrument(spec.given([created(), drafted(1), drafted(2)]).when(record()).then([drafted(3, TEXT_V2, 'Adds article 3.', TODAY)]));
      expect(state.drafts.map((d) => d.version)).toEqual([1, 2, 3]);
      expect(state.stage).toBe('drafting');
    });

    it('continues the numbering after changes were requested', () => {
      spec
        .given([...inReview(), reviewDecided(1, 'request-changes')])
        .when(record())
        .then([drafted(2, TEXT_V2, 'Adds article 3.', TODAY)]);
    });

    it.each([
      ['in-review', inReview()],
      ['approved', approved()],
      ['adopted', adoptedTreaty()],
    ])('refuses a draft at stage %s', (stage, history) => {
      spec.given(history).when(record()).thenThrows('ILLEGAL_STAGE', { kind: 'conflict', message: `"${stage}"` });
    });

    it('refuses a draft with an article number twice', () => {
      spec.given(drafting()).when(record(text('1', '1'))).thenThrows('DUPLICATE_ARTICLE', { field: 'text.articles.1.number' });
    });
  });

  describe('RequestReview', () => {
    const request = (reviewers: string[] = ['legal@cclec.example'], note: string | null = 'Please check article 2.'): InstrumentCommand => ({
      type: 'RequestReview',
      data: { reviewers, note },
    });

    it('sends the latest draft for review as round 1', () => {
      const state = asInstrument(
        spec
          .given([created(), drafted(1), drafted(2, TEXT_V2)])
          .when(request(['a@x.example', 'b@x.example']))
          .then([{ type: 'ReviewRequested.v1', data: { round: 1, version: 2, reviewers: ['a@x.example', 'b@x.example'], note: 'Please check article 2.' } }]),
      );
      expect(state.stage).toBe('in-review');
      expect(state.reviews).toEqual([
        expect.objectContaining({ round: 1, version: 2, comments: [], decision: null, decisionComment: null }),
      ]);
    });

    it('opens a new round on the new version after changes were requested', () => {
      const state = asInstrument(
        spec
          .given([...inReview(), reviewDecided(1, 'request-changes'), drafted(2, TEXT_V2)])
          .when(request(['legal@cclec.example'], null))
          .then([{ type: 'ReviewRequested.v1', data: { round: 2, version: 2, reviewers: ['legal@cclec.example'], note: null } }]),
      );
      expect(state.reviews.map((r) => [r.round, r.version, r.decision])).toEqual([
        [1, 1, 'request-changes'],
        [2, 2, null],
      ]);
    });

    it('needs a draft', () => {
      spec.given([created()]).when(request()).thenThrows('NO_DRAFT', { kind: 'conflict' });
    });

    it('needs at least one reviewer', () => {
      spec.given(drafting()).when(request([])).thenThrows('INVALID_INPUT', { kind: 'invalid', field: 'reviewers' });
    });

    it.each([
      ['in-review', inReview()],
      ['approved', approved()],
    ])('refuses a review request at stage %s', (_stage, history) => {
      spec.given(history).when(request()).thenThrows('ILLEGAL_STAGE');
    });
  });

  describe('CommentOnReview', () => {
    const comment = (article: string | null): InstrumentCommand => ({
      type: 'CommentOnReview',
      data: { author: 'Counsel', text: 'The definition is too broad.', article },
    });

    it('records a comment on an article of the version under review', () => {
      const state = asInstrument(
        spec
          .given(inReview())
          .when(comment('2'))
          .then([{ type: 'ReviewCommentAdded.v1', data: { round: 1, author: 'Counsel', text: 'The definition is too broad.', article: '2' } }]),
      );
      expect(state.reviews[0].comments).toEqual([
        expect.objectContaining({ author: 'Counsel', text: 'The definition is too broad.', article: '2' }),
      ]);
      expect(state.stage).toBe('in-review');
    });

    it('records a general comment (no article)', () => {
      spec
        .given(inReview())
        .when(comment(null))
        .then([{ type: 'ReviewCommentAdded.v1', data: { round: 1, author: 'Counsel', text: 'The definition is too broad.', article: null } }]);
    });

    it('refuses a comment on an article the version under review does not have', () => {
      spec.given(inReview()).when(comment('3')).thenThrows('UNKNOWN_ARTICLE', { kind: 'invalid', field: 'article', message: /version 1.*article 3/ });
    });

    it('checks articles against the version under review in the current round', () => {
      const history: History = [...inReview(), reviewDecided(1, 'request-changes'), drafted(2, TEXT_V2), reviewRequested(2, 2)];
      spec
        .given(history)
        .when(comment('3'))
        .then([{ type: 'ReviewCommentAdded.v1', data: { round: 2, author: 'Counsel', text: 'The definition is too broad.', article: '3' } }]);
    });

    it.each([
      ['drafting', drafting()],
      ['approved', approved()],
    ])('refuses a comment at stage %s', (_stage, history) => {
      spec.given(history).when(comment(null)).thenThrows('ILLEGAL_STAGE');
    });
  });

  describe('DecideReview', () => {
    const decide = (decision: 'approve' | 'request-changes', comment: string | null = null): InstrumentCommand => ({
      type: 'DecideReview',
      data: { decision, comment },
    });

    it('approves the draft: stage approved', () => {
      const state = asInstrument(spec.given(inReview()).when(decide('approve', 'Good to go.')).then([
        { type: 'ReviewDecided.v1', data: { round: 1, decision: 'approve', comment: 'Good to go.' } },
      ]));
      expect(state.stage).toBe('approved');
      expect(state.reviews[0]).toMatchObject({ decision: 'approve', decisionComment: 'Good to go.' });
    });

    it('requests changes: back to drafting', () => {
      const state = asInstrument(spec.given(inReview()).when(decide('request-changes', 'See comments.')).then([
        { type: 'ReviewDecided.v1', data: { round: 1, decision: 'request-changes', comment: 'See comments.' } },
      ]));
      expect(state.stage).toBe('drafting');
    });

    it('decides the current round', () => {
      spec
        .given([...inReview(), reviewDecided(1, 'request-changes'), drafted(2, TEXT_V2), reviewRequested(2, 2)])
        .when(decide('approve'))
        .then([{ type: 'ReviewDecided.v1', data: { round: 2, decision: 'approve', comment: null } }]);
    });

    it.each([
      ['drafting', drafting()],
      ['approved', approved()],
    ])('refuses a decision at stage %s', (_stage, history) => {
      spec.given(history).when(decide('approve')).thenThrows('ILLEGAL_STAGE');
    });
  });

  // ---- adoption and opening ------------------------------------------------------------------------------

  describe('AdoptText', () => {
    const adopt = (
      method: 'consensus' | 'vote',
      votes: { for: number; against: number; abstentions: number } | null = null,
      adoptedOn = '2019-05-10',
    ): InstrumentCommand => ({ type: 'AdoptText', data: { adoptedOn, place: 'Saint Lucia', method, votes } });

    it('adopts the approved text by consensus, naming the version adopted', () => {
      const history: History = [...inReview(), reviewDecided(1, 'request-changes'), drafted(2, TEXT_V2), reviewRequested(2, 2), reviewDecided(2, 'approve')];
      const state = asInstrument(
        spec.given(history).when(adopt('consensus')).then([
          { type: 'TextAdopted.v1', data: { adoptedOn: '2019-05-10', place: 'Saint Lucia', method: 'consensus', votes: null, version: 2 } },
        ]),
      );
      expect(state.stage).toBe('adopted');
      expect(state.adoption).toMatchObject({ adoptedOn: '2019-05-10', version: 2 });
    });

    it('adopts by vote with the count', () => {
      const votes = { for: 20, against: 2, abstentions: 3 };
      spec.given(approved()).when(adopt('vote', votes)).then([
        { type: 'TextAdopted.v1', data: { adoptedOn: '2019-05-10', place: 'Saint Lucia', method: 'vote', votes, version: 1 } },
      ]);
    });

    it('requires the count when adopted by vote', () => {
      spec.given(approved()).when(adopt('vote')).thenThrows('VOTES_REQUIRED', { kind: 'invalid', field: 'votes' });
    });

    it('forbids a count when adopted by consensus', () => {
      spec.given(approved()).when(adopt('consensus', { for: 1, against: 0, abstentions: 0 })).thenThrows('VOTES_NOT_ALLOWED', { field: 'votes' });
    });

    it('accepts an adoption dated today but not tomorrow', () => {
      spec.given(approved()).when(adopt('consensus', null, TODAY)).thenEvents((events) => expect(events).toHaveLength(1));
      spec.given(approved()).when(adopt('consensus', null, '2022-01-01')).thenThrows('DATE_IN_FUTURE', { kind: 'invalid', field: 'adoptedOn' });
    });

    it.each([
      ['drafting', drafting()],
      ['in-review', inReview()],
      ['adopted', adoptedTreaty()],
    ])('refuses adoption at stage %s', (_stage, history) => {
      spec.given(history).when(adopt('consensus')).thenThrows('ILLEGAL_STAGE');
    });
  });

  describe('OpenForSignature', () => {
    const open = (opensOn = '2019-06-01', closesOn: string | null = '2020-06-01'): InstrumentCommand => ({
      type: 'OpenForSignature',
      data: { opensOn, closesOn, place: 'Castries' },
    });

    it('opens an adopted treaty for signature', () => {
      const state = asInstrument(spec.given(adoptedTreaty()).when(open()).then([opened()]));
      expect(state.stage).toBe('open-for-signature');
      expect(state.signatureOpening).toMatchObject({ opensOn: '2019-06-01', closesOn: '2020-06-01', place: 'Castries' });
    });

    it('opens without a closing date', () => {
      spec.given(adoptedTreaty()).when(open('2019-06-01', null)).then([opened('2019-06-01', null)]);
    });

    it('may open on the day of adoption', () => {
      spec.given(adoptedTreaty()).when(open('2019-05-10')).then([opened('2019-05-10')]);
    });

    it('lets an MOU open for signature straight from approval, without adoption', () => {
      const state = asInstrument(spec.given(approved('mou', [CCLEC, CPU])).when(open()).then([opened()]));
      expect(state.stage).toBe('open-for-signature');
      expect(state.adoption).toBeNull();
    });

    it('lets an MOU that was adopted open too', () => {
      spec.given([...approved('mou', [CCLEC, CPU]), adopted()]).when(open()).then([opened()]);
    });

    it.each(['treaty', 'agreement', 'protocol'] as const)('does not let a %s open without adoption', (kind) => {
      const parties = kind === 'agreement' ? [JAM, BRB] : undefined;
      spec.given(approved(kind, parties)).when(open()).thenThrows('ILLEGAL_STAGE', { message: /"approved".*"adopted"/ });
    });

    it('accepts an opening announced for a date still ahead: not open as at today, and no signature before it', () => {
      const history: History = [...adoptedTreaty(), opened('2022-02-01', null)];
      const state = asInstrument(spec.given(adoptedTreaty()).when(open('2022-02-01', null)).then([opened('2022-02-01', null)]));
      expect(state.stage).toBe('open-for-signature');
      expect(stageAsOf(state, TODAY)).toBe('adopted');
      spec.given(history).when(sign('JAM', TODAY)).thenThrows('SIGNATURE_BEFORE_OPENING');
    });

    it('refuses an opening before the adoption of the text', () => {
      spec.given(adoptedTreaty()).when(open('2019-05-09')).thenThrows('OPENING_BEFORE_ADOPTION', { message: '2019-05-10' });
    });

    it('refuses a signature period that closes before it opens', () => {
      spec.given(adoptedTreaty()).when(open('2019-06-01', '2019-05-31')).thenThrows('SIGNATURE_PERIOD_INVALID', { field: 'closesOn' });
    });

    it('refuses to open twice', () => {
      spec.given(openTreaty()).when(open()).thenThrows('ILLEGAL_STAGE');
    });

    it('refuses to open a text still in drafting', () => {
      spec.given(drafting('mou', [CCLEC, CPU])).when(open()).thenThrows('ILLEGAL_STAGE');
    });
  });

  // ---- signature and entry into force --------------------------------------------------------------------

  describe('SignInstrument', () => {
    it('records a simple signature (subject to ratification): no entry into force', () => {
      const state = asInstrument(spec.given(openTreaty()).when(sign('JAM', '2019-06-10')).then([signed('JAM', '2019-06-10')]));
      expect(state.participants.JAM.signature).toMatchObject({ signedOn: '2019-06-10', definitive: false, signatory: { name: 'Envoy of JAM', title: 'Minister' } });
      expect(state.stage).toBe('open-for-signature');
      expect(entryIntoForceDate(state)).toBeNull();
    });

    it('records a definitive signature without a place', () => {
      spec.given(openTreaty()).when(sign('BRB', '2019-06-10', true, null)).then([signed('BRB', '2019-06-10', true, null)]);
    });

    it('accepts signatures on the opening day and on the closing day', () => {
      spec.given(openTreaty()).when(sign('JAM', '2019-06-01')).then([signed('JAM', '2019-06-01')]);
      spec.given(openTreaty()).when(sign('JAM', '2020-06-01')).then([signed('JAM', '2020-06-01')]);
    });

    it('refuses a signature before the opening date', () => {
      spec.given(openTreaty()).when(sign('JAM', '2019-05-31')).thenThrows('SIGNATURE_BEFORE_OPENING', { kind: 'conflict', message: /Jamaica.*2019-05-31.*2019-06-01/ });
    });

    it('refuses a signature after the closing date', () => {
      spec.given(openTreaty()).when(sign('JAM', '2020-06-02')).thenThrows('SIGNATURE_AFTER_CLOSING', { message: /Jamaica.*2020-06-01/ });
    });

    it('refuses a second signature by the same party', () => {
      spec.given([...openTreaty(), signed('JAM', '2019-06-10')]).when(sign('JAM', '2019-06-11')).thenThrows('ALREADY_SIGNED', { message: /Jamaica.*2019-06-10/ });
    });

    it('refuses a signature by a party that is not eligible', () => {
      spec.given(openTreaty()).when(sign('GUY', '2019-06-10')).thenThrows('PARTY_NOT_ELIGIBLE', { kind: 'conflict', message: 'GUY' });
    });

    it.each([
      ['drafting', drafting()],
      ['approved', approved()],
      ['adopted', adoptedTreaty()],
    ])('refuses a signature before the instrument is open (stage %s)', (_stage, history) => {
      spec.given(history).when(sign('JAM', '2019-06-10')).thenThrows('ILLEGAL_STAGE', { message: /signature is possible only at stage "open-for-signature"/ });
    });

    it('refuses a signature dated in the future', () => {
      spec.given(openTreaty()).when(sign('JAM', '2020-01-15'), { today: '2020-01-14' }).thenThrows('DATE_IN_FUTURE', { kind: 'invalid', field: 'signedOn' });
    });

    it('refuses a signature by a party that has already acceded', () => {
      spec.given([...openTreaty(), consented('JAM', 'accession', '2019-07-01')]).when(sign('JAM', '2019-07-02')).thenThrows('ALREADY_CONSENTED');
    });

    describe('entry into force under the default rule (definitive signature by all eligible parties)', () => {
      const twoSigned: History = [...openTreaty(), signed('JAM', '2019-09-01', true), signed('BRB', '2019-06-15', true)];

      it('is not determined while some eligible party has not signed definitively', () => {
        const state = asInstrument(spec.given(openTreaty()).when(sign('JAM', '2019-06-10', true)).then([signed('JAM', '2019-06-10', true)]));
        expect(state.stage).toBe('open-for-signature');
        expect(state.entryIntoForce).toBeNull();
      });

      it('is determined when the last eligible party signs definitively, on the latest signature date', () => {
        // CCLEC signs last in the log, but JAM's signature bears the latest date.
        const state = asInstrument(
          spec
            .given(twoSigned)
            .when(sign('CCLEC', '2019-08-20', true))
            .then([signed('CCLEC', '2019-08-20', true), inForce('2019-09-01')]),
        );
        expect(state.stage).toBe('in-force');
        expect(state.entryIntoForce?.date).toBe('2019-09-01');
      });

      it('takes the last signature date when it is the latest', () => {
        spec
          .given(twoSigned)
          .when(sign('CCLEC', '2019-10-05', true))
          .then([signed('CCLEC', '2019-10-05', true), inForce('2019-10-05')]);
      });

      it('is not determined while one party signed only simply', () => {
        const state = asInstrument(
          spec
            .given([...openTreaty(), signed('JAM', '2019-09-01', false), signed('BRB', '2019-06-15', true)])
            .when(sign('CCLEC', '2019-10-05', true))
            .then([signed('CCLEC', '2019-10-05', true)]),
        );
        expect(state.stage).toBe('open-for-signature');
        expect(entryIntoForceDate(state)).toBeNull();
      });

      it('is brought about by the last party to be bound, whether by definitive signature or by ratification', () => {
        spec
          .given([...openTreaty(), signed('JAM', '2019-06-10'), signed('BRB', '2019-06-15', true), signed('CCLEC', '2019-06-20', true)])
          .when(deposit('JAM', 'ratification', '2019-11-01'))
          .then([consented('JAM', 'ratification', '2019-11-01'), inForce('2019-11-01')]);
      });

      it('is determined for an MOU signed definitively by both organisations', () => {
        spec
          .given([...approved('mou', [CCLEC, CPU]), opened('2019-06-01', null), signed('CCLEC', '2019-06-20', true)])
          .when(sign('CPU', '2019-07-02', true))
          .then([signed('CPU', '2019-07-02', true), inForce('2019-07-02')]);
      });

      it('is not determined by signatures under another rule', () => {
        spec
          .given([created('mou', [CCLEC, CPU], { type: 'instruments', count: 2, timing: { kind: 'days-after', days: 30 } }), drafted(1), reviewRequested(1, 1), reviewDecided(1, 'approve'), opened('2019-06-01', null), signed('CCLEC', '2019-06-20', true)])
          .when(sign('CPU', '2019-07-02', true))
          .then([signed('CPU', '2019-07-02', true)]);
      });
    });
  });

  // ---- consent to be bound -------------------------------------------------------------------------------

  describe('DepositConsent', () => {
    const jamSigned: History = [...openTreaty(), signed('JAM', '2019-06-10')];
    const cclecSigned: History = [...openTreaty(), signed('CCLEC', '2019-06-10')];

    it('records a ratification after a simple signature, with the date of the domestic act', () => {
      const state = asInstrument(
        spec
          .given(jamSigned)
          .when(deposit('JAM', 'ratification', '2019-11-15', '2019-10-01'))
          .then([consented('JAM', 'ratification', '2019-11-15', '2019-10-01')]),
      );
      expect(state.participants.JAM.consent).toMatchObject({ kind: 'ratification', depositedOn: '2019-11-15', domesticActOn: '2019-10-01' });
      expect(state.participants.JAM.signature).not.toBeNull();
    });

    it.each(['acceptance', 'approval', 'succession'] as const)('records %s by a signatory State', (kind) => {
      spec.given(jamSigned).when(deposit('JAM', kind, '2019-11-15')).then([consented('JAM', kind, '2019-11-15')]);
    });

    it.each(['accession', 'succession'] as const)('records %s by a State that has not signed', (kind) => {
      spec.given(openTreaty()).when(deposit('BRB', kind, '2019-11-15')).then([consented('BRB', kind, '2019-11-15')]);
    });

    it('records formal confirmation by an international organisation that signed', () => {
      spec.given(cclecSigned).when(deposit('CCLEC', 'formal-confirmation', '2019-12-01')).then([consented('CCLEC', 'formal-confirmation', '2019-12-01')]);
    });

    it('accepts a domestic act on the day of deposit', () => {
      spec.given(jamSigned).when(deposit('JAM', 'ratification', '2019-11-15', '2019-11-15')).thenEvents((e) => expect(e).toHaveLength(1));
    });

    it.each(['ratification', 'acceptance', 'approval'] as const)(
      'refuses %s without a signature: accession is the right act',
      (kind) => {
        spec.given(openTreaty()).when(deposit('BRB', kind, '2019-11-15')).thenThrows('SIGNATURE_REQUIRED', { kind: 'conflict', message: /Barbados has not signed.*accession/ });
      },
    );

    it('refuses accession by a signatory', () => {
      spec.given(jamSigned).when(deposit('JAM', 'accession', '2019-11-15')).thenThrows('ACCESSION_NOT_FOR_SIGNATORY', { message: /Jamaica.*ratification/ });
    });

    it('refuses ratification by an international organisation', () => {
      spec.given(cclecSigned).when(deposit('CCLEC', 'ratification', '2019-11-15')).thenThrows('ORGANISATION_CONFIRMS', { message: /formal confirmation/ });
    });

    it('refuses formal confirmation by a State', () => {
      spec.given(jamSigned).when(deposit('JAM', 'formal-confirmation', '2019-11-15')).thenThrows('FORMAL_CONFIRMATION_FOR_ORGANISATIONS', { message: 'Jamaica' });
    });

    it('refuses a second instrument of consent', () => {
      spec
        .given([...jamSigned, consented('JAM', 'ratification', '2019-11-15')])
        .when(deposit('JAM', 'acceptance', '2019-12-01'))
        .thenThrows('ALREADY_CONSENTED', { message: /ratification on 2019-11-15/ });
    });

    it('refuses consent after a definitive signature: the party is already bound', () => {
      spec
        .given([...openTreaty(), signed('JAM', '2019-06-10', true)])
        .when(deposit('JAM', 'ratification', '2019-11-15'))
        .thenThrows('ALREADY_BOUND', { message: '2019-06-10' });
    });

    it('refuses a deposit dated before the signature', () => {
      spec.given(jamSigned).when(deposit('JAM', 'ratification', '2019-06-09')).thenThrows('DEPOSIT_BEFORE_SIGNATURE', { message: /2019-06-09.*2019-06-10/ });
    });

    it('refuses a domestic act dated after the deposit', () => {
      spec.given(jamSigned).when(deposit('JAM', 'ratification', '2019-11-15', '2019-11-16')).thenThrows('DOMESTIC_ACT_AFTER_DEPOSIT');
    });

    it('refuses an accession dated before the opening', () => {
      spec.given(openTreaty()).when(deposit('BRB', 'accession', '2019-05-20')).thenThrows('DEPOSIT_BEFORE_OPENING');
    });

    it('refuses a deposit dated in the future', () => {
      spec.given(jamSigned).when(deposit('JAM', 'ratification', '2019-11-15'), { today: '2019-11-14' }).thenThrows('DATE_IN_FUTURE', { field: 'depositedOn' });
    });

    it('refuses a domestic act dated in the future', () => {
      spec.given(jamSigned).when(deposit('JAM', 'ratification', '2019-11-15', '2019-11-16'), { today: '2019-11-15' }).thenThrows('DATE_IN_FUTURE', { field: 'domesticActOn' });
    });

    it('refuses a deposit by a party that is not eligible', () => {
      spec.given(openTreaty()).when(deposit('GUY', 'accession', '2019-11-15')).thenThrows('PARTY_NOT_ELIGIBLE');
    });

    it('refuses a deposit before the instrument is open', () => {
      spec.given(adoptedTreaty()).when(deposit('JAM', 'accession', '2019-11-15')).thenThrows('ILLEGAL_STAGE');
    });
  });

  // ---- reservations and declarations ---------------------------------------------------------------------

  describe('MakeReservation', () => {
    it('records a reservation made at signature (the default for a party that has only signed)', () => {
      const state = asInstrument(
        spec
          .given([...openTreaty(), signed('JAM', '2019-06-10')])
          .when(reserve('JAM', '2019-06-10'))
          .then([reserved('JAM', '2019-06-10', 'signature')]),
      );
      expect(state.participants.JAM.reservations).toEqual([expect.objectContaining({ madeAt: 'signature', madeOn: '2019-06-10' })]);
    });

    it('records a declaration made at deposit (the default for a party that has deposited)', () => {
      spec
        .given([...openTreaty(), signed('JAM', '2019-06-10'), consented('JAM', 'ratification', '2019-11-15')])
        .when({ type: 'MakeReservation', data: { party: 'JAM', kind: 'declaration', text: 'Jamaica declares ...', madeOn: '2019-11-15', madeAt: null } })
        .then([{ type: 'ReservationMade.v1', data: { party: 'JAM', kind: 'declaration', text: 'Jamaica declares ...', madeOn: '2019-11-15', madeAt: 'deposit' } }]);
    });

    it('records a reservation said to be made at signature by a party that has since ratified', () => {
      spec
        .given([...openTreaty(), signed('JAM', '2019-06-10'), consented('JAM', 'ratification', '2019-11-15')])
        .when(reserve('JAM', '2019-06-10', 'signature'))
        .then([reserved('JAM', '2019-06-10', 'signature')]);
    });

    it('refuses a reservation by a party that has neither signed nor deposited', () => {
      spec.given(openTreaty()).when(reserve('JAM', '2019-06-10')).thenThrows('RESERVATION_WITHOUT_ACT', { message: 'Jamaica' });
    });

    it('refuses a reservation at signature by a party that acceded', () => {
      spec
        .given([...openTreaty(), consented('BRB', 'accession', '2019-07-01')])
        .when(reserve('BRB', '2019-07-01', 'signature'))
        .thenThrows('RESERVATION_WITHOUT_ACT');
    });

    it('refuses a reservation at deposit by a party that has only signed', () => {
      spec.given([...openTreaty(), signed('JAM', '2019-06-10')]).when(reserve('JAM', '2019-06-10', 'deposit')).thenThrows('RESERVATION_WITHOUT_ACT');
    });

    it('refuses a reservation dated before the act it accompanies', () => {
      spec.given([...openTreaty(), signed('JAM', '2019-06-10')]).when(reserve('JAM', '2019-06-09')).thenThrows('RESERVATION_BEFORE_ACT');
    });

    it('refuses a reservation dated in the future', () => {
      spec.given([...openTreaty(), signed('JAM', '2019-06-10')]).when(reserve('JAM', '2022-01-01')).thenThrows('DATE_IN_FUTURE', { field: 'madeOn' });
    });

    it('refuses a reservation by a party that is not eligible', () => {
      spec.given(openTreaty()).when(reserve('GUY', '2019-06-10')).thenThrows('PARTY_NOT_ELIGIBLE');
    });
  });

  // ---- withdrawal and termination ------------------------------------------------------------------------

  describe('NotifyWithdrawal', () => {
    const jamRatified: History = [...openTreaty(), signed('JAM', '2019-06-10'), consented('JAM', 'ratification', '2019-11-15')];

    it.each([
      ['2020-01-31', '2021-01-31'],
      ['2020-02-29', '2021-02-28'],
      ['2020-12-31', '2021-12-31'],
      ['2019-11-15', '2020-11-15'],
    ])('takes effect twelve months after a notice given on %s (%s) by default', (notifiedOn, effectiveOn) => {
      const state = asInstrument(
        spec.given(jamRatified).when(withdraw('JAM', notifiedOn)).then([withdrawn('JAM', notifiedOn, effectiveOn)]),
      );
      expect(state.participants.JAM.withdrawal).toMatchObject({ notifiedOn, effectiveOn });
    });

    it('takes effect on a later date named in the notice', () => {
      spec.given(jamRatified).when(withdraw('JAM', '2020-01-31', '2021-06-30')).then([withdrawn('JAM', '2020-01-31', '2021-06-30')]);
    });

    it('is open to a party bound by definitive signature', () => {
      spec
        .given(mouInForce())
        .when(withdraw('CPU', '2020-03-01', '2021-04-01'))
        .then([withdrawn('CPU', '2020-03-01', '2021-04-01')]);
    });

    it('refuses an effective date before the end of the notice period', () => {
      spec
        .given(jamRatified)
        .when(withdraw('JAM', '2020-01-31', '2020-01-30'))
        .thenThrows('WITHDRAWAL_NOTICE_PERIOD', { kind: 'invalid', field: 'effectiveOn', message: '2021-01-31' });
      spec.given(jamRatified).when(withdraw('JAM', '2020-01-31', '2021-01-30')).thenThrows('WITHDRAWAL_NOTICE_PERIOD');
    });

    it('refuses a notice dated before the party was bound', () => {
      spec.given(jamRatified).when(withdraw('JAM', '2019-11-14')).thenThrows('WITHDRAWAL_BEFORE_CONSENT', { message: '2019-11-15' });
    });

    it('refuses a notice by a party that only signed (not bound)', () => {
      spec.given([...openTreaty(), signed('JAM', '2019-06-10')]).when(withdraw('JAM', '2020-01-31')).thenThrows('NOT_BOUND', { message: 'Jamaica' });
    });

    it('refuses a notice by a party that never acted', () => {
      spec.given(openTreaty()).when(withdraw('BRB', '2020-01-31')).thenThrows('NOT_BOUND');
    });

    it('refuses a second notice', () => {
      spec
        .given([...jamRatified, withdrawn('JAM', '2020-01-31', '2021-01-31')])
        .when(withdraw('JAM', '2020-02-01'))
        .thenThrows('ALREADY_WITHDRAWING', { message: '2020-01-31' });
    });

    it('refuses a notice dated in the future', () => {
      spec.given(jamRatified).when(withdraw('JAM', '2022-01-01')).thenThrows('DATE_IN_FUTURE', { field: 'notifiedOn' });
    });

    it('refuses a notice by a party that is not eligible', () => {
      spec.given(jamRatified).when(withdraw('GUY', '2020-01-31')).thenThrows('PARTY_NOT_ELIGIBLE');
    });
  });

  describe('TerminateInstrument', () => {
    it('terminates an instrument in force', () => {
      const state = asInstrument(spec.given(mouInForce()).when(terminate('2021-06-30')).then([terminated('2021-06-30')]));
      expect(state.stage).toBe('terminated');
      expect(state.termination).toEqual({ terminatedOn: '2021-06-30', reason: 'Replaced by a later treaty.' });
    });

    it.each([
      ['adopted', adoptedTreaty()],
      ['open-for-signature', openTreaty()],
    ])('terminates an instrument at stage %s', (_stage, history) => {
      spec.given(history).when(terminate()).then([terminated()]);
    });

    it.each([
      ['drafting', drafting()],
      ['approved', approved()],
    ])('refuses termination at stage %s', (_stage, history) => {
      spec.given(history).when(terminate()).thenThrows('ILLEGAL_STAGE');
    });

    it('refuses a termination dated before the entry into force', () => {
      spec.given(mouInForce()).when(terminate('2019-07-01')).thenThrows('TERMINATION_TOO_EARLY', { message: '2019-07-02' });
    });

    it('refuses a termination dated in the future', () => {
      spec.given(mouInForce()).when(terminate('2022-01-01')).thenThrows('DATE_IN_FUTURE', { field: 'terminatedOn' });
    });

    describe('after termination, no act can be recorded', () => {
      const ended: History = [...mouInForce(), terminated('2021-06-30')];
      it.each<[string, InstrumentCommand]>([
        ['a signature', sign('CPU', '2021-07-01')],
        ['a deposit', deposit('CPU', 'formal-confirmation', '2021-07-01')],
        ['a reservation', reserve('CPU', '2021-07-01')],
        ['a withdrawal', withdraw('CPU', '2021-07-01')],
        ['a correction', correct('evt-sig-cpu', { place: 'Kingston' })],
        ['a draft', { type: 'RecordDraft', data: { text: TEXT_V2, summary: 'Too late.' } }],
        ['a second termination', terminate('2021-07-01')],
      ])('%s', (_label, command) => {
        spec.given(ended).when(command).thenThrows('INSTRUMENT_TERMINATED', { message: 'terminated on 2021-06-30' });
      });
    });
  });

  // ---- corrections ---------------------------------------------------------------------------------------

  describe('CorrectAct', () => {
    const corrected = (
      correctedEventId: string,
      correctedType: CorrectableEventType,
      changes: Record<string, unknown>,
      reason = 'Error in the depositary record.',
    ): InstrumentEvent => ({ type: 'ActCorrected.v1', data: { correctedEventId, correctedType, reason, changes } });

    const withActs: History = [
      ...openTreaty(),
      recorded(signed('JAM', '2019-06-10'), 'evt-sig-jam'),
      recorded(consented('JAM', 'ratification', '2019-11-15', '2019-10-01'), 'evt-consent-jam'),
      recorded(reserved('JAM', '2019-11-15', 'deposit'), 'evt-res-jam'),
      recorded(withdrawn('JAM', '2020-01-31', '2021-01-31'), 'evt-wd-jam'),
      recorded(signed('BRB', '2019-06-15'), 'evt-sig-brb'),
    ];

    describe('of each correctable act', () => {
      it('corrects the adoption (date and place)', () => {
        const state = asInstrument(
          spec
            .given(withActs)
            .when(correct('evt-adoption', { adoptedOn: '2019-05-09', place: 'Gros Islet' }, '  Date misread from the final act. '))
            .then([corrected('evt-adoption', 'TextAdopted.v1', { adoptedOn: '2019-05-09', place: 'Gros Islet' }, 'Date misread from the final act.')]),
        );
        expect(state.adoption).toMatchObject({ adoptedOn: '2019-05-09', place: 'Gros Islet', eventId: 'evt-adoption' });
      });

      it('corrects the adoption method to a vote, with its count', () => {
        const votes = { for: 12, against: 0, abstentions: 1 };
        const state = asInstrument(spec.given(withActs).when(correct('evt-adoption', { method: 'vote', votes })).then([corrected('evt-adoption', 'TextAdopted.v1', { method: 'vote', votes })]));
        expect(state.adoption).toMatchObject({ method: 'vote', votes });
      });

      it('corrects the opening (closing date, even one still ahead)', () => {
        const state = asInstrument(
          spec
            .given(withActs)
            .when(correct('evt-opening', { closesOn: '2022-06-01' }))
            .then([corrected('evt-opening', 'SignatureOpened.v1', { closesOn: '2022-06-01' })]),
        );
        expect(state.signatureOpening).toMatchObject({ opensOn: '2019-06-01', closesOn: '2022-06-01' });
      });

      it('corrects a signature (signatory and place)', () => {
        const changes = { signatory: { name: 'Hon. K. Smith', title: 'Foreign Minister' }, place: 'Kingston' };
        const state = asInstrument(spec.given(withActs).when(correct('evt-sig-brb', changes)).then([corrected('evt-sig-brb', 'InstrumentSigned.v1', changes)]));
        expect(state.participants.BRB.signature).toMatchObject({ ...changes, signedOn: '2019-06-15', eventId: 'evt-sig-brb' });
        expect(state.participants.JAM.signature?.place).toBe('Castries');
      });

      it('corrects a consent (kind and dates)', () => {
        // The deposit date stays: the reservation made at deposit bears it (moving it is refused, below).
        const changes = { kind: 'acceptance', domesticActOn: '2019-09-30' };
        const state = asInstrument(spec.given(withActs).when(correct('evt-consent-jam', changes)).then([corrected('evt-consent-jam', 'ConsentDeposited.v1', changes)]));
        expect(state.participants.JAM.consent).toMatchObject({ kind: 'acceptance', depositedOn: '2019-11-15', domesticActOn: '2019-09-30' });
      });

      it('corrects a reservation (text and kind)', () => {
        const changes = { kind: 'declaration', text: 'Jamaica declares that ...' };
        const state = asInstrument(spec.given(withActs).when(correct('evt-res-jam', changes)).then([corrected('evt-res-jam', 'ReservationMade.v1', changes)]));
        expect(state.participants.JAM.reservations).toEqual([expect.objectContaining({ ...changes, madeOn: '2019-11-15', eventId: 'evt-res-jam' })]);
      });

      it('corrects a withdrawal notice (effective date still ahead)', () => {
        const state = asInstrument(
          spec
            .given(withActs)
            .when(correct('evt-wd-jam', { effectiveOn: '2022-03-01' }))
            .then([corrected('evt-wd-jam', 'WithdrawalNotified.v1', { effectiveOn: '2022-03-01' })]),
        );
        expect(state.participants.JAM.withdrawal).toMatchObject({ notifiedOn: '2020-01-31', effectiveOn: '2022-03-01' });
      });

      it('applies successive corrections of one act on top of each other', () => {
        const state = asInstrument(
          spec
            .given([...withActs, corrected('evt-sig-brb', 'InstrumentSigned.v1', { place: 'Kingston' })])
            .when(correct('evt-sig-brb', { signedOn: '2019-06-16' }))
            .then([corrected('evt-sig-brb', 'InstrumentSigned.v1', { signedOn: '2019-06-16' })]),
        );
        expect(state.participants.BRB.signature).toMatchObject({ place: 'Kingston', signedOn: '2019-06-16' });
      });
    });

    describe('moving the entry into force', () => {
      const signedByAll: History = [
        ...openTreaty(),
        recorded(signed('JAM', '2019-06-10', true), 'evt-sig-jam'),
        recorded(signed('BRB', '2019-06-15', true), 'evt-sig-brb'),
        recorded(signed('CCLEC', '2019-07-01', true), 'evt-sig-cclec'),
        recorded(inForce('2019-07-01'), 'evt-eif'),
      ];

      it('determines a new date, superseding the earlier determination, when the last signature date is corrected', () => {
        const state = asInstrument(
          spec
            .given(signedByAll)
            .when(correct('evt-sig-cclec', { signedOn: '2019-07-03' }))
            .then([corrected('evt-sig-cclec', 'InstrumentSigned.v1', { signedOn: '2019-07-03' }), inForce('2019-07-03', 'evt-eif')]),
        );
        expect(state.stage).toBe('in-force');
        expect(state.entryIntoForce?.date).toBe('2019-07-03');
      });

      it('moves the date earlier when the latest signature was recorded with a wrong date', () => {
        spec
          .given(signedByAll)
          .when(correct('evt-sig-cclec', { signedOn: '2019-06-12' }))
          .then([corrected('evt-sig-cclec', 'InstrumentSigned.v1', { signedOn: '2019-06-12' }), inForce('2019-06-15', 'evt-eif')]);
      });

      it('leaves the date alone when the corrected signature was not the latest', () => {
        spec.given(signedByAll).when(correct('evt-sig-jam', { signedOn: '2019-06-11' })).then([corrected('evt-sig-jam', 'InstrumentSigned.v1', { signedOn: '2019-06-11' })]);
      });

      it('determines entry into force when a signature recorded as simple is corrected to definitive', () => {
        spec
          .given([...openTreaty(), signed('JAM', '2019-06-10', true), signed('BRB', '2019-06-15', true), recorded(signed('CCLEC', '2019-07-01'), 'evt-sig-cclec')])
          .when(correct('evt-sig-cclec', { definitive: true }))
          .then([corrected('evt-sig-cclec', 'InstrumentSigned.v1', { definitive: true }), inForce('2019-07-01')]);
      });
    });

    describe('refusals', () => {
      it('refuses a field that cannot be corrected, listing the fields that can', () => {
        const error = spec
          .given(withActs)
          .when(correct('evt-sig-jam', { party: 'BRB' }))
          .thenThrows('FIELD_NOT_CORRECTABLE', { kind: 'invalid', field: 'changes.party' });
        expect(error.message).toContain('signedOn, signatory, definitive, place');
      });

      it('refuses the version of an adoption (not a correctable field)', () => {
        spec.given(withActs).when(correct('evt-adoption', { version: 2 })).thenThrows('FIELD_NOT_CORRECTABLE', { field: 'changes.version' });
      });

      it('refuses an unknown event id', () => {
        spec.given(withActs).when(correct('no-such-event', { place: 'Kingston' })).thenThrows('ACT_NOT_FOUND', { kind: 'not-found', message: 'no-such-event' });
      });

      it('refuses to correct an event that is not a correctable act (a draft)', () => {
        spec
          .given([...openTreaty(), recorded(drafted(2), 'evt-draft')])
          .when(correct('evt-draft', { summary: 'x' }))
          .thenThrows('ACT_NOT_FOUND');
      });

      it('refuses a correction without a reason', () => {
        spec.given(withActs).when(correct('evt-sig-jam', { place: 'Kingston' }, '  ')).thenThrows('INVALID_INPUT', { field: 'reason' });
      });

      it('refuses a correction that changes nothing', () => {
        spec.given(withActs).when(correct('evt-sig-jam', {})).thenThrows('NOTHING_TO_CORRECT', { field: 'changes' });
      });

      it('refuses a corrected date in the future', () => {
        spec.given(withActs).when(correct('evt-sig-jam', { signedOn: '2022-01-01' })).thenThrows('DATE_IN_FUTURE', { field: 'changes.signedOn' });
      });

      it.each<[string, string, Record<string, unknown>, string]>([
        ['a signature moved before the opening', 'evt-sig-brb', { signedOn: '2019-05-31' }, 'SIGNATURE_BEFORE_OPENING'],
        ['a signature moved after the deposit', 'evt-sig-jam', { signedOn: '2019-11-16' }, 'DEPOSIT_BEFORE_SIGNATURE'],
        ['a signatory\'s ratification turned into accession', 'evt-consent-jam', { kind: 'accession' }, 'ACCESSION_NOT_FOR_SIGNATORY'],
        ['a domestic act moved after the deposit', 'evt-consent-jam', { domesticActOn: '2019-11-20' }, 'DOMESTIC_ACT_AFTER_DEPOSIT'],
        ['a deposit moved after the withdrawal notice', 'evt-consent-jam', { depositedOn: '2020-02-01' }, 'WITHDRAWAL_BEFORE_CONSENT'],
        ['a deposit moved after a reservation made at deposit', 'evt-consent-jam', { depositedOn: '2019-11-16' }, 'RESERVATION_BEFORE_ACT'],
        ['an opening moved after a signature', 'evt-opening', { opensOn: '2019-06-12' }, 'SIGNATURE_BEFORE_OPENING'],
        ['an opening moved before the adoption', 'evt-opening', { opensOn: '2019-05-01' }, 'OPENING_BEFORE_ADOPTION'],
        ['a closing date before a signature', 'evt-opening', { closesOn: '2019-06-12' }, 'SIGNATURE_AFTER_CLOSING'],
        ['a closing date before the opening', 'evt-opening', { closesOn: '2019-05-31' }, 'SIGNATURE_PERIOD_INVALID'],
        ['an adoption moved after the opening', 'evt-adoption', { adoptedOn: '2019-06-02' }, 'OPENING_BEFORE_ADOPTION'],
        ['an adoption by vote without a count', 'evt-adoption', { method: 'vote' }, 'VOTES_REQUIRED'],
        ['a count on an adoption by consensus', 'evt-adoption', { votes: { for: 1, against: 0, abstentions: 0 } }, 'VOTES_NOT_ALLOWED'],
        ['a reservation moved to signature... before the signature', 'evt-res-jam', { madeAt: 'signature', madeOn: '2019-06-01' }, 'RESERVATION_BEFORE_ACT'],
        ['a withdrawal effective before its notice', 'evt-wd-jam', { effectiveOn: '2020-01-30' }, 'WITHDRAWAL_EFFECTIVE_BEFORE_NOTICE'],
        ['a withdrawal notice moved before the deposit', 'evt-wd-jam', { notifiedOn: '2019-11-01' }, 'WITHDRAWAL_BEFORE_CONSENT'],
      ])('refuses a correction that would break an invariant: %s', (_label, eventId, changes, code) => {
        spec.given(withActs).when(correct(eventId, changes)).thenThrows(code);
      });

      it.each<[string, string, Record<string, unknown>, string]>([
        ['an unknown consent kind', 'evt-consent-jam', { kind: 'ratifcation' }, 'kind'],
        ['an unknown reservation kind', 'evt-res-jam', { kind: 'objection' }, 'kind'],
        ['an unknown moment of a reservation', 'evt-res-jam', { madeAt: 'adoption' }, 'madeAt'],
        ['an unknown adoption method', 'evt-adoption', { method: 'acclamation' }, 'method'],
        ['a signature date removed', 'evt-sig-jam', { signedOn: null }, 'signedOn'],
        ['a deposit date removed', 'evt-consent-jam', { depositedOn: null }, 'depositedOn'],
        ['the opening date removed', 'evt-opening', { opensOn: null }, 'opensOn'],
        ['a withdrawal\'s effective date removed', 'evt-wd-jam', { effectiveOn: null }, 'effectiveOn'],
      ])('refuses a corrected value that does not fit the act: %s', (_label, eventId, changes, field) => {
        spec.given(withActs).when(correct(eventId, changes)).thenThrows('INVALID_CORRECTION', { kind: 'invalid', field: `changes.${field}` });
      });
    });
  });

  // ---- reading the state -----------------------------------------------------------------------------------

  describe('negotiation steps with their own dates', () => {
    const draftedIn2016: History = [created(), drafted(1, TEXT_V1, 'Draft 1.', '2016-09-01')];
    it('records the dates given for a draft, a review request and a decision, and uses them as legal dates', () => {
      spec
        .given(draftedIn2016)
        .when({ type: 'RecordDraft', data: { text: TEXT_V1, summary: 'Revised.', preparedOn: '2016-10-01' } })
        .then([{ type: 'DraftVersionRecorded.v2', data: { version: 2, text: TEXT_V1, summary: 'Revised.', preparedOn: '2016-10-01' } }]);
      const requested = { type: 'ReviewRequested.v1', data: { round: 1, version: 1, reviewers: ['EXCO'], note: null, requestedOn: '2016-11-08' } } as const;
      spec.given(draftedIn2016).when({ type: 'RequestReview', data: { reviewers: ['EXCO'], note: null, requestedOn: '2016-11-08' } }).then([requested]);
      const decided = spec
        .given([...draftedIn2016, requested])
        .when({ type: 'DecideReview', data: { decision: 'approve', comment: null, decidedOn: '2016-11-09' } })
        .then([{ type: 'ReviewDecided.v1', data: { round: 1, decision: 'approve', comment: null, decidedOn: '2016-11-09' } }]);
      expect(asInstrument(decided).reviews[0]).toMatchObject({ requestedOn: '2016-11-08', decidedOn: '2016-11-09', decision: 'approve' });
      expect(legalDateOf(requested, TODAY)).toBe('2016-11-08');
    });

    it('refuses a step dated before the previous dated step, or in the future', () => {
      const requested = { type: 'ReviewRequested.v1', data: { round: 1, version: 1, reviewers: ['EXCO'], note: null, requestedOn: '2016-11-08' } } as const;
      spec
        .given([...draftedIn2016, requested])
        .when({ type: 'DecideReview', data: { decision: 'approve', comment: null, decidedOn: '2016-11-07' } })
        .thenThrows('NEGOTIATION_OUT_OF_ORDER', { kind: 'invalid', field: 'decidedOn', message: '2016-11-08' });
      spec
        .given(draftedIn2016)
        .when({ type: 'RequestReview', data: { reviewers: ['EXCO'], note: null, requestedOn: '2999-01-01' } })
        .thenThrows('DATE_IN_FUTURE', { field: 'requestedOn' });
    });
  });

  describe('stageAsOf', () => {
    const stateOf = (history: History): Instrument => asInstrument(spec.given(history).state);

    it('is the current stage for an instrument still being negotiated', () => {
      expect(stageAsOf(stateOf(drafting()), '2000-01-01')).toBe('drafting');
      expect(stageAsOf(stateOf(inReview()), TODAY)).toBe('in-review');
      expect(stageAsOf(stateOf(approved()), TODAY)).toBe('approved');
    });

    it('walks the review rounds by their dates where they were recorded with one', () => {
      const state = stateOf([
        created(),
        { type: 'DraftVersionRecorded.v2', data: { version: 1, text: TEXT_V1, summary: 'Draft 1.', preparedOn: '2016-10-01' } },
        { type: 'ReviewRequested.v1', data: { round: 1, version: 1, reviewers: ['EXCO'], note: null, requestedOn: '2016-11-08' } },
        { type: 'ReviewDecided.v1', data: { round: 1, decision: 'request-changes', comment: null, decidedOn: '2016-11-09' } },
        drafted(2),
        { type: 'ReviewRequested.v1', data: { round: 2, version: 2, reviewers: ['Conference'], note: null, requestedOn: '2017-05-23' } },
        { type: 'ReviewDecided.v1', data: { round: 2, decision: 'approve', comment: null, decidedOn: '2017-05-25' } },
        adopted('2019-05-10'),
      ]);
      expect(stageAsOf(state, '2016-11-07')).toBe('drafting');
      expect(stageAsOf(state, '2016-11-08')).toBe('in-review');
      expect(stageAsOf(state, '2017-01-01')).toBe('drafting');
      expect(stageAsOf(state, '2017-05-24')).toBe('in-review');
      expect(stageAsOf(state, '2017-05-25')).toBe('approved');
      expect(stageAsOf(state, '2019-05-10')).toBe('adopted');
    });

    it('reports an instrument in force only from its entry-into-force date', () => {
      const state = stateOf(mouInForce()); // opened 2019-06-01, in force 2019-07-02
      expect(state.stage).toBe('in-force');
      expect(stageAsOf(state, '2019-07-01')).toBe('open-for-signature');
      expect(stageAsOf(state, '2019-07-02')).toBe('in-force');
      expect(stageAsOf(state, TODAY)).toBe('in-force');
    });

    it('reports an instrument open only from its opening date, adopted only from its adoption date', () => {
      const state = stateOf(openTreaty()); // adopted 2019-05-10, opens 2019-06-01
      expect(stageAsOf(state, '2019-06-01')).toBe('open-for-signature');
      expect(stageAsOf(state, '2019-05-31')).toBe('adopted');
      expect(stageAsOf(state, '2019-05-10')).toBe('adopted');
      expect(stageAsOf(state, '2019-05-09')).toBe('approved');
    });

    it('reports an MOU opened without adoption as approved before its opening date', () => {
      const state = stateOf(mouInForce());
      expect(stageAsOf(state, '2019-05-31')).toBe('approved');
    });

    it('reports a terminated instrument as terminated only from its termination date', () => {
      const state = stateOf([...mouInForce(), terminated('2021-06-30')]);
      expect(state.stage).toBe('terminated');
      expect(stageAsOf(state, '2021-06-30')).toBe('terminated');
      expect(stageAsOf(state, '2021-06-29')).toBe('in-force');
      expect(stageAsOf(state, '2019-06-15')).toBe('open-for-signature');
    });

    it('follows a correction of the entry-into-force date', () => {
      const state = stateOf([...mouInForce(), signatureCorrected('evt-sig-cpu', { signedOn: '2019-07-05' }), inForce('2019-07-05', 'evt-eif')]);
      expect(stageAsOf(state, '2019-07-04')).toBe('open-for-signature');
      expect(stageAsOf(state, '2019-07-05')).toBe('in-force');
    });
  });

  describe('legalDateOf', () => {
    const RECORDED = '2021-12-31';
    it.each<[string, InstrumentEvent, string]>([
      ['an adoption: the adoption date', adopted('2019-05-10'), '2019-05-10'],
      ['an opening: the opening date', opened('2019-06-01'), '2019-06-01'],
      ['a signature: the signature date', signed('JAM', '2019-06-10'), '2019-06-10'],
      ['a consent: the deposit date, not the domestic act', consented('JAM', 'ratification', '2019-11-15', '2019-10-01'), '2019-11-15'],
      ['a reservation: the date it was made', reserved('JAM', '2019-11-16', 'deposit'), '2019-11-16'],
      ['a withdrawal: the notice date', withdrawn('JAM', '2020-01-31', '2021-01-31'), '2020-01-31'],
      ['an entry into force: its date', inForce('2019-07-02'), '2019-07-02'],
      ['a termination: its date', terminated('2021-06-30'), '2021-06-30'],
      ['a creation: the day the record was opened', created(), '2019-01-10'],
      ['a draft: the day it was prepared', drafted(1, TEXT_V1, 'Draft 1.', '2016-09-01'), '2016-09-01'],
      ['a review request: the recording day', reviewRequested(1, 1), RECORDED],
      ['a review decision: the recording day', reviewDecided(1, 'approve'), RECORDED],
      ['a correction: the recording day', signatureCorrected('evt-sig-jam', { place: 'Kingston' }), RECORDED],
    ])('of %s', (_label, event, expected) => {
      expect(legalDateOf(event, RECORDED)).toBe(expected);
    });
  });

  it('names instrument streams instrument-<id>', () => {
    expect(instrumentStream(ID)).toBe(`instrument-${ID}`);
  });
});

/** A correction of a signature, as already recorded. */
function signatureCorrected(correctedEventId: string, changes: Record<string, unknown>): InstrumentEvent {
  return { type: 'ActCorrected.v1', data: { correctedEventId, correctedType: 'InstrumentSigned.v1', reason: 'Error.', changes } };
}

// ---- dates that hold, discarding, the catalogue's consequences (the write-path issue) ------------------------

describe('instrument decider: dates that hold', () => {
  it('dates the first draft of a creation by preparedOn, else by the day it is recorded', () => {
    const decided = instrumentDecider.decide(createCommand({ text: TEXT_V1, preparedOn: '2016-10-03' }), { stage: 'none' }, { actor: 'a', now: `${TODAY}T10:00:00Z`, today: TODAY, correlationId: 'c', commandId: 'd' });
    expect(decided[1]).toEqual({ type: 'DraftVersionRecorded.v2', data: { version: 1, text: TEXT_V1, summary: 'First draft.', preparedOn: '2016-10-03' } });
    const undated = instrumentDecider.decide(createCommand({ text: TEXT_V1 }), { stage: 'none' }, { actor: 'a', now: `${TODAY}T10:00:00Z`, today: TODAY, correlationId: 'c', commandId: 'd' });
    expect(undated[1]).toMatchObject({ data: { preparedOn: TODAY } });
  });

  it('refuses an adoption dated before the approval of the text or before the adopted version was prepared', () => {
    const approvedIn2024: History = [created(), drafted(1, TEXT_V1, 'Draft 1.', '2016-09-01'), { type: 'ReviewRequested.v1', data: { round: 1, version: 1, reviewers: ['EXCO'], note: null, requestedOn: '2021-03-01' } }, { type: 'ReviewDecided.v1', data: { round: 1, decision: 'approve', comment: null, decidedOn: '2021-03-02' } }];
    spec
      .given(approvedIn2024)
      .when({ type: 'AdoptText', data: { adoptedOn: '2020-05-10', place: 'Miami', method: 'consensus', votes: null } })
      .thenThrows('ADOPTION_BEFORE_APPROVAL', { message: '2021-03-02' });
    spec
      .given([created(), drafted(1, TEXT_V1, 'Draft 1.', '2019-06-01'), reviewRequested(1, 1), reviewDecided(1, 'approve')])
      .when({ type: 'AdoptText', data: { adoptedOn: '2019-05-10', place: 'Miami', method: 'consensus', votes: null } })
      .thenThrows('ADOPTION_BEFORE_APPROVAL', { message: '2019-06-01' });
  });

  it('refuses to open an MOU for signature before its text was approved', () => {
    spec
      .given([created('mou', [CCLEC, CPU]), drafted(1, TEXT_V1, 'Draft 1.', '2017-01-10'), reviewRequested(1, 1), reviewDecided(1, 'approve')])
      .when({ type: 'OpenForSignature', data: { opensOn: '2016-12-01', closesOn: null, place: 'Miami' } })
      .thenThrows('OPENING_BEFORE_APPROVAL');
  });

  it('refuses a reservation dated after the act it is made at (VCLT 19, 23), and dates one without a moment by its act', () => {
    const ratified: History = [...openTreaty(), signed('JAM', '2019-06-10'), consented('JAM', 'ratification', '2019-11-15')];
    spec.given(ratified).when(reserve('JAM', '2020-02-01')).thenThrows('RESERVATION_AFTER_ACT', { message: 'VCLT 19' });
    spec.given(ratified).when(reserve('JAM', '2019-11-15')).then([reserved('JAM', '2019-11-15', 'deposit')]);
    spec.given(ratified).when(reserve('JAM', '2019-06-10')).then([reserved('JAM', '2019-06-10', 'signature')]);
  });

  it('takes the signature of an MOU as definitive unless the caller says otherwise; a treaty’s awaits ratification', () => {
    const openMou: History = [...approved('mou', [CCLEC, CPU]), opened('2019-06-01', null)];
    const undecided = (party: string, signedOn: string): InstrumentCommand => ({
      type: 'SignInstrument',
      data: { party, signedOn, signatory: { name: `Envoy of ${party}`, title: 'Minister' }, place: 'Castries' },
    });
    spec.given([...openMou, signed('CCLEC', '2019-06-20', true)]).when(undecided('CPU', '2019-07-02')).then([signed('CPU', '2019-07-02', true), inForce('2019-07-02')]);
    spec.given(openTreaty()).when(undecided('JAM', '2019-06-10')).then([signed('JAM', '2019-06-10', false)]);
  });

  it('refuses implausible legal dates (year 0001) with the field named', () => {
    spec.given(openTreaty()).when(sign('JAM', '0001-01-01')).thenThrows('DATE_OUT_OF_RANGE', { kind: 'invalid', field: 'signedOn' });
  });

  it('refuses final clauses naming a party that is not eligible (a typo would change the count)', () => {
    spec
      .given([])
      .when(createCommand({ entryIntoForce: { type: 'all-named', parties: ['JAM', 'BRX'] } as EntryIntoForceRule }))
      .thenThrows('INVALID_FINAL_CLAUSES', { kind: 'invalid', message: 'BRX' });
    spec.given([]).when(createCommand({ eligibleParties: [] })).thenThrows('NO_ELIGIBLE_PARTIES', { field: 'eligibleParties' });
  });
});

describe('instrument decider: discarding a record created by mistake', () => {
  const discard = (reason = 'Recorded twice by mistake.'): InstrumentCommand => ({ type: 'DiscardInstrument', data: { reason, discardedOn: '2021-12-30' } });
  const discarded: InstrumentEvent = { type: 'InstrumentDiscarded.v1', data: { reason: 'Recorded twice by mistake.', discardedOn: '2021-12-30' } };

  it.each<[string, History]>([
    ['drafting', drafting()],
    ['in review', inReview()],
    ['approved', approved()],
  ])('discards a record that is %s, with its reason', (_label, history) => {
    const state = spec.given(history).when(discard()).then([discarded]) as Instrument;
    expect(state.stage).toBe('discarded');
    expect(stageAsOf(state, '2019-01-10')).toBe('discarded');
  });

  it('refuses to discard an adopted instrument (it is terminated instead), and any act after discarding', () => {
    spec.given(adoptedTreaty()).when(discard()).thenThrows('ILLEGAL_STAGE');
    spec.given([...drafting(), discarded]).when({ type: 'RecordDraft', data: { text: TEXT_V2, summary: 'Again.' } }).thenThrows('INSTRUMENT_DISCARDED', { kind: 'conflict' });
    spec.given(drafting()).when(discard('   ')).thenThrows('REASON_REQUIRED', { field: 'reason' });
  });
});

describe('stored events come in through one decoder', () => {
  it('reads a stored DraftVersionRecorded.v1 without a date into v2, dated by its legal date', () => {
    const stored = {
      id: 'e1',
      type: 'DraftVersionRecorded.v1',
      revision: 1n,
      data: { version: 1, text: TEXT_V1, summary: 'First draft.' },
      metadata: { actor: 'a', recordedAt: '2026-12-01T09:00:00.000Z', legalDate: '2026-12-01', correlationId: 'c', causationId: 'd' },
    };
    expect(instrumentDecider.decode(stored).event).toEqual({ type: 'DraftVersionRecorded.v2', data: { version: 1, text: TEXT_V1, summary: 'First draft.', preparedOn: '2026-12-01' } });
    const dated = { ...stored, data: { ...stored.data, preparedOn: '2016-10-03' } };
    expect(instrumentDecider.decode(dated).event).toMatchObject({ type: 'DraftVersionRecorded.v2', data: { preparedOn: '2016-10-03' } });
    // current shapes pass through unchanged
    const current = { ...stored, type: 'ReviewRequested.v1', data: { round: 1, version: 1, reviewers: ['x'], note: null } };
    expect(instrumentDecider.decode(current).event).toEqual({ type: 'ReviewRequested.v1', data: current.data });
  });
});

describe('instrument decider: dates ahead stay within a century', () => {
  it('refuses a signature period closing, or a withdrawal taking effect, in the year 9999', () => {
    spec
      .given(adoptedTreaty())
      .when({ type: 'OpenForSignature', data: { opensOn: '2019-06-01', closesOn: '9999-12-31', place: 'Castries' } })
      .thenThrows('DATE_OUT_OF_RANGE', { field: 'closesOn' });
    spec
      .given([...openTreaty(), signed('JAM', '2019-06-10'), consented('JAM', 'ratification', '2019-11-15')])
      .when({ type: 'NotifyWithdrawal', data: { party: 'JAM', notifiedOn: '2021-01-04', effectiveOn: '9999-12-31' } })
      .thenThrows('DATE_OUT_OF_RANGE', { field: 'effectiveOn' });
  });
});
