/** The reads the pages make, each through the API's own routes (so each reader sees what the API lets them see). */
import { INSTRUMENT_ACTS, PARTY_ACTS } from '#libs/lifecycle';
import type { ApiClient } from './api-client.js';
import { ok } from './api-client.js';

export interface InstrumentSummary {
  readonly id: string;
  readonly kind: string;
  readonly title: string;
  readonly stage: string;
  readonly eligibleParties: number;
  readonly signatures: { readonly total: number };
  readonly consents: { readonly total: number };
  readonly adoption: { readonly adoptedOn: string; readonly place: string } | null;
  readonly opening: { readonly opensOn: string; readonly place: string } | null;
  readonly entryIntoForce: {
    readonly rule: string;
    readonly status: string;
    readonly date: string | null;
    readonly instrumentsRequired: number | null;
    readonly instrumentsDeposited: number | null;
    readonly stillRequired: { readonly instruments: number | null } | null;
  };
  readonly lastAct: { readonly type: string; readonly legalDate: string; readonly party: string | null } | null;
}

export interface Participant {
  readonly party: string;
  readonly name: string;
  readonly partyKind: string;
  readonly status: string;
  readonly partyStatus: string;
  readonly signature: { readonly signedOn: string; readonly kind: string; readonly signatory: { name: string; title: string }; readonly place: string | null; readonly eventId: string } | null;
  readonly consent: { readonly kind: string; readonly depositedOn: string; readonly domesticActOn: string | null; readonly eventId: string } | null;
  readonly reservations: readonly { readonly kind: string; readonly text: string; readonly madeOn: string; readonly objectionWindowEndsOn: string | null; readonly eventId: string }[];
  readonly withdrawal: { readonly notifiedOn: string; readonly effectiveOn: string; readonly revokedOn: string | null } | null;
  readonly entryIntoForceOn: string | null;
}

export interface Activity {
  readonly eventId: string;
  readonly instrumentId: string;
  readonly instrumentTitle: string | null;
  readonly type: string;
  readonly party: string | null;
  readonly legalDate: string;
  readonly details: Record<string, unknown>;
}

/** Every instrument the reader may see, as at the date (time travel) or today (the read model). */
export const instrumentsAsOf = async (api: ApiClient, asOf: string | null, filter: { kind?: string; stage?: string } = {}): Promise<InstrumentSummary[]> => {
  const query = new URLSearchParams({ pageSize: '200', ...(filter.kind ? { kind: filter.kind } : {}), ...(!asOf && filter.stage ? { stage: filter.stage } : {}) });
  const list = ok(await api.get<{ items: InstrumentSummary[] }>(`/api/instruments?${query}`)).items;
  if (!asOf) return list;
  const folded = await Promise.all(
    list.map(async (item) => {
      const answer = await api.get<InstrumentSummary>(`/api/instruments/${item.id}/status?asOf=${asOf}`);
      // Not yet recorded on that date: not on the dashboard of that date.
      return answer.status === 200 ? answer.body : null;
    }),
  );
  return folded.filter((i): i is InstrumentSummary => i !== null && (!filter.stage || i.stage === filter.stage));
};

export const participantsAsOf = async (api: ApiClient, id: string, asOf: string | null): Promise<Participant[]> =>
  ok(await api.get<{ participants: Participant[] }>(`/api/instruments/${id}/participants${asOf ? `?asOf=${asOf}` : ''}`)).participants;

export const activityAsOf = async (api: ApiClient, asOf: string | null, options: { instrumentId?: string; party?: string; limit?: number } = {}): Promise<Activity[]> => {
  const query = new URLSearchParams({ pageSize: asOf ? '200' : String(options.limit ?? 10), ...(options.instrumentId ? { instrumentId: options.instrumentId } : {}), ...(options.party ? { party: options.party } : {}) });
  const items = ok(await api.get<{ items: Activity[] }>(`/api/activity?${query}`)).items;
  const dated = asOf ? items.filter((a) => a.legalDate <= asOf) : items;
  return options.limit ? dated.slice(0, options.limit) : dated;
};

const INSTRUMENT_EVENT_LABELS: Readonly<Record<string, string>> = {
  'InstrumentCreated.v1': 'record opened',
  'DraftVersionRecorded.v2': 'draft version',
  'ReviewRequested.v1': 'review requested',
  'ReviewCommentAdded.v1': 'review comment',
  'ReviewDecided.v1': 'review decided',
  'FinalClausesRevised.v1': 'final clauses revised',
  'EntryIntoForceDetermined.v1': 'entry into force determined',
  'EntryIntoForceDeterminationRevoked.v1': 'entry into force revoked',
  'InstrumentTerminated.v1': 'termination',
  'ActCorrected.v1': 'correction',
  'InstrumentDiscarded.v1': 'discarded',
};

/** The act in words, from the domain's catalogue (a new act brings its own label). */
export const actLabel = (type: string, details: Record<string, unknown> = {}): string => {
  const act = (PARTY_ACTS as Record<string, { label: string }>)[type] ?? (INSTRUMENT_ACTS as Record<string, { label: string }>)[type];
  const base = act?.label ?? INSTRUMENT_EVENT_LABELS[type] ?? type.replace(/\.v\d+$/, '').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return typeof details.kind === 'string' && type === 'ConsentDeposited.v1' ? `${details.kind}` : base;
};
