/**
 * Reading the read models: the answers of the query routes, from the live collections. Joins (instrument
 * titles on feed lines and party views) are done here at read time, so projections never fan out.
 */
import type { Stage } from '#libs/lifecycle';
import { ACCOUNT_DIRECTORY, type AccountDoc } from './projections/account-directory/account-directory.projection.js';
import { ACTIVITY, type ActivityDoc } from './projections/activity/activity.projection.js';
import { INSTRUMENT_STATUS, type InstrumentStatusDoc } from './projections/instrument-status/instrument-status.projection.js';
import { assessStatusDoc, presentStatus, type InstrumentStatusView } from './projections/instrument-status/instrument-status.view.js';
import { PARTICIPATION, type ParticipationDoc } from './projections/participation/participation.projection.js';
import { presentParticipant, type ParticipantView } from './projections/participation/participation.view.js';
import { PARTY_DIRECTORY, type PartyDoc } from './projections/party-directory/party-directory.projection.js';
import { PARTY_INSTRUMENTS, type PartyAct, type PartyInstrumentDoc } from './projections/party-instruments/party-instruments.projection.js';
import { REVIEW_QUEUE, type ReviewQueueDoc } from './projections/review-queue/review-queue.projection.js';
import { answersAsOf, answerTextsAsOf, INSTRUMENT_ANSWERS, type InstrumentAnswersDoc } from './projector/instrument-answers.js';
import { positionFromKey, type Filter, type ReadModelStore, type Sort } from './read-model-store.port.js';
import { todayUtc } from './time-travel.js';

export interface Page<T> {
  readonly items: readonly T[];
  readonly page: number;
  readonly pageSize: number;
  readonly total: number;
}
export interface PageRequest {
  /** 1-based. */
  readonly page?: number;
  readonly pageSize?: number;
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 200;

export const INSTRUMENT_SORTS = ['title', '-title', 'createdOn', '-createdOn', 'updatedAt', '-updatedAt', 'kind', '-kind'] as const;
export type InstrumentSort = (typeof INSTRUMENT_SORTS)[number];

export interface InstrumentListRequest extends PageRequest {
  readonly kind?: string;
  /** The stage the log last set (an act dated in the future counts from its recording). */
  readonly stage?: Stage;
  /** Instruments this party is eligible for. */
  readonly party?: string;
  readonly sort?: InstrumentSort;
  /** What the reader may see, as a filter on the status documents (the edge derives it from the principal). */
  readonly audience?: Filter | null;
}

export interface PartyInstrumentView {
  readonly instrumentId: string;
  readonly title: string | null;
  readonly kind: string | null;
  readonly stage: Stage | null;
  readonly lastActOn: string;
  readonly acts: readonly PartyAct[];
}

export interface ActivityView {
  readonly eventId: string;
  readonly position: string;
  readonly instrumentId: string;
  readonly instrumentTitle: string | null;
  readonly type: string;
  readonly party: string | null;
  readonly legalDate: string;
  readonly recordedAt: string;
  readonly actor: string;
  readonly details: Readonly<Record<string, unknown>>;
  readonly corrections: ActivityDoc['corrections'];
}
export interface ActivityRequest extends PageRequest {
  readonly instrumentId?: string;
  readonly party?: string;
  /** `legal` (default): by the date of the act; `recorded`: by when it was recorded. Newest first either way. */
  readonly order?: 'legal' | 'recorded';
  /** What the reader may see, as a filter on the activity documents (the edge derives it from the principal). */
  readonly audience?: Filter | null;
}

export interface PendingReviewView {
  readonly instrumentId: string;
  readonly title: string | null;
  readonly kind: string | null;
  readonly round: number;
  readonly version: number;
  readonly reviewers: readonly string[];
  readonly note: string | null;
  readonly requestedAt: string;
  readonly requestedBy: string;
  readonly comments: number;
  /** Whole days since the review was requested. */
  readonly ageDays: number;
}

export const PARTY_SORTS = ['code', '-code', 'name', '-name', 'registeredAt', '-registeredAt'] as const;
export type PartySort = (typeof PARTY_SORTS)[number];

export interface PartyListRequest extends PageRequest {
  readonly kind?: string;
  readonly sort?: PartySort;
}

export interface PartyView {
  readonly code: string;
  readonly name: string;
  readonly kind: string;
  readonly registeredAt: string;
}

const pageOf = ({ page = 1, pageSize = DEFAULT_PAGE_SIZE }: PageRequest) => {
  const size = Math.min(Math.max(1, Math.floor(pageSize)), MAX_PAGE_SIZE);
  const number = Math.max(1, Math.floor(page));
  return { page: number, pageSize: size, skip: (number - 1) * size, limit: size };
};

const sortOf = (sort: InstrumentSort | PartySort): Sort => (sort.startsWith('-') ? { [sort.slice(1)]: -1, _id: 1 } : { [sort]: 1, _id: 1 });

export class ReadModelQueries {
  constructor(
    private readonly store: ReadModelStore,
    private readonly today: () => string = todayUtc,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Entry into force, withdrawals and the term are the domain's assessment of the document as at `asOf`: stored
   * by the projector for today (a lookup), computed from the document for other days or once a known date passed.
   */
  async status(instrumentId: string, asOf = this.today()): Promise<InstrumentStatusView | null> {
    const stored = answersAsOf(await this.answers(instrumentId), asOf);
    if (stored) return stored.status;
    const doc = await this.store.collection<InstrumentStatusDoc>(INSTRUMENT_STATUS).findOne({ _id: instrumentId });
    return doc && presentStatus(doc, asOf);
  }

  /**
   * The stored answers of the status and participants routes as JSON text, when they hold for `asOf` (null: ask
   * status() or participants(), which compute them). Sent as they are, they cost a lookup.
   */
  async storedTexts(instrumentId: string, asOf = this.today()): Promise<{ readonly status: string; readonly participants: string } | null> {
    return answerTextsAsOf(await this.answers(instrumentId), asOf);
  }

  /** Null when the instrument is unknown. Per-party dates come from the instrument's assessment as at `asOf`. */
  async participants(instrumentId: string, asOf = this.today()): Promise<ParticipantView[] | null> {
    const stored = answersAsOf(await this.answers(instrumentId), asOf);
    if (stored) return [...stored.participants];
    const [doc, rows] = await Promise.all([
      this.store.collection<InstrumentStatusDoc>(INSTRUMENT_STATUS).findOne({ _id: instrumentId }),
      this.store.collection<ParticipationDoc>(PARTICIPATION).find({ instrumentId }, { sort: { party: 1 } }),
    ]);
    if (!doc) return null;
    const assessed = assessStatusDoc(doc, asOf);
    return rows.map((row) => presentParticipant(row, assessed, asOf));
  }

  /** Each item is the status as at `asOf` (today), entry into force (status, date, what is still required) included. */
  async instruments(request: InstrumentListRequest = {}, asOf = this.today()): Promise<Page<InstrumentStatusView>> {
    // A discarded record leaves every list (it stays in the log and its own history).
    const filter: Record<string, unknown> = { stage: { $ne: 'discarded' } };
    if (request.kind) filter.kind = request.kind;
    if (request.stage) filter.stage = request.stage === 'discarded' ? { $in: [] } : request.stage;
    if (request.party) filter.eligibleParties = request.party;
    const visible: Filter = request.audience ? { $and: [filter, request.audience] } : filter;
    const { page, pageSize, skip, limit } = pageOf(request);
    const collection = this.store.collection<InstrumentStatusDoc>(INSTRUMENT_STATUS);
    const [docs, total] = await Promise.all([
      collection.find(visible, { sort: sortOf(request.sort ?? 'title'), skip, limit }),
      collection.count(visible),
    ]);
    return { items: docs.map((d) => presentStatus(d, asOf)), page, pageSize, total };
  }

  async partyInstruments(party: string, request: PageRequest = {}): Promise<Page<PartyInstrumentView>> {
    const { page, pageSize, skip, limit } = pageOf(request);
    const collection = this.store.collection<PartyInstrumentDoc>(PARTY_INSTRUMENTS);
    const [docs, total] = await Promise.all([
      collection.find({ party }, { sort: { lastActOn: -1, _id: 1 }, skip, limit }),
      collection.count({ party }),
    ]);
    const statuses = await this.statusesOf(docs.map((d) => d.instrumentId));
    const today = this.today();
    const items = docs.map((d): PartyInstrumentView => {
      const status = statuses.get(d.instrumentId);
      const view = status && presentStatus(status, today);
      return { instrumentId: d.instrumentId, title: view?.title ?? null, kind: view?.kind ?? null, stage: view?.stage ?? null, lastActOn: d.lastActOn, acts: d.acts };
    });
    return { items, page, pageSize, total };
  }

  async activity(request: ActivityRequest = {}): Promise<Page<ActivityView>> {
    const asked: Filter = {
      ...(request.instrumentId ? { instrumentId: request.instrumentId } : {}),
      ...(request.party ? { party: request.party } : {}),
    };
    const filter: Filter = request.audience ? { $and: [asked, request.audience] } : asked;
    const sort: Sort = request.order === 'recorded' ? { position: -1 } : { legalDate: -1, position: -1 };
    const { page, pageSize, skip, limit } = pageOf(request);
    const collection = this.store.collection<ActivityDoc>(ACTIVITY);
    const [docs, total] = await Promise.all([collection.find(filter, { sort, skip, limit }), collection.count(filter)]);
    const statuses = await this.statusesOf(docs.map((d) => d.instrumentId));
    const items = docs.map(
      (d): ActivityView => ({
        eventId: d._id,
        position: String(positionFromKey(d.position)),
        instrumentId: d.instrumentId,
        instrumentTitle: statuses.get(d.instrumentId)?.title ?? null,
        type: d.type,
        party: d.party,
        legalDate: d.legalDate,
        recordedAt: d.recordedAt,
        actor: d.actor,
        details: d.details,
        corrections: d.corrections,
      }),
    );
    return { items, page, pageSize, total };
  }

  /** Oldest request first: what has waited longest is reviewed first. */
  async pendingReviews(request: PageRequest & { readonly reviewer?: string } = {}): Promise<Page<PendingReviewView>> {
    const filter: Filter = request.reviewer ? { reviewers: request.reviewer } : {};
    const { page, pageSize, skip, limit } = pageOf(request);
    const collection = this.store.collection<ReviewQueueDoc>(REVIEW_QUEUE);
    const [docs, total] = await Promise.all([collection.find(filter, { sort: { requestedAt: 1, _id: 1 }, skip, limit }), collection.count(filter)]);
    const statuses = await this.statusesOf(docs.map((d) => d.instrumentId));
    const now = this.now();
    const items = docs.map(
      (d): PendingReviewView => ({
        instrumentId: d.instrumentId,
        title: statuses.get(d.instrumentId)?.title ?? null,
        kind: statuses.get(d.instrumentId)?.kind ?? null,
        round: d.round,
        version: d.version,
        reviewers: d.reviewers,
        note: d.note,
        requestedAt: d.requestedAt,
        requestedBy: d.requestedBy,
        comments: d.comments,
        ageDays: Math.max(0, Math.floor((now - Date.parse(d.requestedAt)) / 86_400_000)),
      }),
    );
    return { items, page, pageSize, total };
  }

  async parties(request: { readonly kind?: string } = {}): Promise<PartyView[]> {
    const docs = await this.store.collection<PartyDoc>(PARTY_DIRECTORY).find(request.kind ? { kind: request.kind } : {}, { sort: { _id: 1 } });
    return docs.map(({ code, name, kind, registeredAt }) => ({ code, name, kind, registeredAt }));
  }

  /** The party directory paged and sorted as the instrument list is (by code by default). */
  async partyList(request: PartyListRequest = {}): Promise<Page<PartyView>> {
    const filter: Filter = request.kind ? { kind: request.kind } : {};
    const { page, pageSize, skip, limit } = pageOf(request);
    const collection = this.store.collection<PartyDoc>(PARTY_DIRECTORY);
    const [docs, total] = await Promise.all([collection.find(filter, { sort: sortOf(request.sort ?? 'code'), skip, limit }), collection.count(filter)]);
    return { items: docs.map(({ code, name, kind, registeredAt }) => ({ code, name, kind, registeredAt })), page, pageSize, total };
  }

  /** The accounts, by username (for administrators: roles, parties, tokens' labels and expiry, never secrets). */
  async accounts(request: PageRequest = {}): Promise<Page<Pick<AccountDoc, 'username' | 'displayName' | 'status' | 'source' | 'roles' | 'parties' | 'tokens'>>> {
    const { page, pageSize, skip, limit } = pageOf(request);
    const collection = this.store.collection<AccountDoc>(ACCOUNT_DIRECTORY);
    const [docs, total] = await Promise.all([collection.find({}, { sort: { _id: 1 }, skip, limit }), collection.count({})]);
    return {
      items: docs.map(({ username, displayName, status, source, roles, parties, tokens }) => ({ username, displayName, status, source, roles, parties, tokens })),
      page,
      pageSize,
      total,
    };
  }

  /** What decides who may see an instrument: its stage and the parties eligible for it (null: not recorded). */
  async audienceOf(instrumentId: string): Promise<{ readonly stage: Stage; readonly eligibleParties: readonly string[] } | null> {
    // The stored answers carry it (one small document); the status document is the fallback.
    const answers = await this.answers(instrumentId);
    if (answers?.audience) return answers.audience;
    const doc = await this.store.collection<InstrumentStatusDoc>(INSTRUMENT_STATUS).findOne({ _id: instrumentId });
    return doc && { stage: doc.stage, eligibleParties: doc.eligibleParties };
  }

  async party(code: string): Promise<PartyView | null> {
    const doc = await this.store.collection<PartyDoc>(PARTY_DIRECTORY).findOne({ _id: code });
    return doc && { code: doc.code, name: doc.name, kind: doc.kind, registeredAt: doc.registeredAt };
  }

  private answers(instrumentId: string): Promise<InstrumentAnswersDoc | null> {
    return this.store.collection<InstrumentAnswersDoc>(INSTRUMENT_ANSWERS).findOne({ _id: instrumentId });
  }

  private async statusesOf(ids: readonly string[]): Promise<Map<string, InstrumentStatusDoc>> {
    if (ids.length === 0) return new Map();
    const docs = await this.store.collection<InstrumentStatusDoc>(INSTRUMENT_STATUS).find({ _id: { $in: [...new Set(ids)] } });
    return new Map(docs.map((d) => [d._id, d]));
  }
}
