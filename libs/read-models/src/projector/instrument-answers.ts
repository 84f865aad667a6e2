/**
 * What the status and participants routes answer for today, stored by the projector so that a request costs a
 * lookup. The answers are the views' own output (presentStatus, presentParticipant) computed at projection time
 * for every instrument a batch touched; whatever the views learn to say flows through unchanged.
 *
 * An assessment changes with the date only at dates the record knows (entry into force, a withdrawal's effect,
 * the end of a term or of an objection window): `validUntil` is the first date after `asOf` found anywhere in the
 * documents or the answers. Until then the stored answers hold (re-dated: `asOf` is the only field that moves);
 * from then on the routes compute them again and the projector refreshes them (see Projector). Time travel
 * (`asOf` in the past, `knownAt`) keeps folding the log.
 */
import { INSTRUMENT_STATUS, type InstrumentStatusDoc } from '../projections/instrument-status/instrument-status.projection.js';
import { assessStatusDoc, presentStatus, type InstrumentStatusView } from '../projections/instrument-status/instrument-status.view.js';
import { PARTICIPATION, type ParticipationDoc } from '../projections/participation/participation.projection.js';
import { presentParticipant, type ParticipantView } from '../projections/participation/participation.view.js';
import { POSITION_FIELD, positionFromKey, positionKey, type ReadModelDoc } from '../read-model-store.port.js';
import type { ProjectionBatch } from './projection-batch.js';

export const INSTRUMENT_ANSWERS = 'instrument_answers';

export interface InstrumentAnswers {
  /** The day the answers were computed for. */
  readonly asOf: string;
  /** The first known date after `asOf` (exclusive end of the answers' validity), or null: they hold from now on. */
  readonly validUntil: string | null;
  /**
   * The status view as the route sends it, JSON text with `asOf` first: a request sends it as it is (no parse,
   * no serialisation), and another day of its window replaces those ten characters (see answerTextsAsOf).
   */
  readonly status: string;
  /** The participants views as JSON text (they carry no asOf). */
  readonly participants: string;
  /** What decides who may read the instrument (stage and eligible parties), so a request needs no other lookup. */
  readonly audience: { readonly stage: InstrumentStatusDoc['stage']; readonly eligibleParties: InstrumentStatusDoc['eligibleParties'] };
}

export interface InstrumentAnswersDoc extends ReadModelDoc, InstrumentAnswers {}


const DAY = /^\d{4}-\d{2}-\d{2}/;

/** The earliest date after `after` in any string of `value` (ISO dates and timestamps alike). */
const firstDateAfter = (value: unknown, after: string, found: string | null = null): string | null => {
  if (typeof value === 'string') {
    if (!DAY.test(value)) return found;
    const day = value.slice(0, 10);
    return day > after && (found === null || day < found) ? day : found;
  }
  if (value === null || typeof value !== 'object') return found;
  for (const child of Array.isArray(value) ? value : Object.values(value)) found = firstDateAfter(child, after, found);
  return found;
};

const byParty = (a: ParticipationDoc, b: ParticipationDoc) => (a.party < b.party ? -1 : a.party > b.party ? 1 : 0);

const AS_OF_PREFIX = '{"asOf":"';
const DAY_LENGTH = 'YYYY-MM-DD'.length;

/** The status view's JSON text with `asOf` first. */
const statusText = ({ asOf, ...rest }: InstrumentStatusView): string => `${AS_OF_PREFIX}${asOf}",${JSON.stringify(rest).slice(1)}`;

/** The same text for another day of its window. */
const redated = (text: string, asOf: string): string => {
  if (!text.startsWith(AS_OF_PREFIX) || text[AS_OF_PREFIX.length + DAY_LENGTH] !== '"' || asOf.length !== DAY_LENGTH) {
    throw new Error(`A stored status answer does not begin with its asOf: ${text.slice(0, 30)}`);
  }
  return `${AS_OF_PREFIX}${asOf}${text.slice(AS_OF_PREFIX.length + DAY_LENGTH)}`;
};

/** The answers of both routes as at `today`, from the status document and the instrument's participation rows. */
export const answersFor = (doc: InstrumentStatusDoc, rows: readonly ParticipationDoc[], today: string): InstrumentAnswers => {
  const assessed = assessStatusDoc(doc, today);
  const status = presentStatus(doc, today, assessed);
  const participants = [...rows].sort(byParty).map((row) => presentParticipant(row, assessed, today));
  const validUntil = firstDateAfter([doc, rows, status, participants], today);
  return { asOf: today, validUntil, status: statusText(status), participants: JSON.stringify(participants), audience: { stage: doc.stage, eligibleParties: doc.eligibleParties } };
};

/** The functions whose output is stored here (part of the read models' fingerprint). */
export const ANSWER_FUNCTIONS = [assessStatusDoc, presentStatus, presentParticipant, answersFor, statusText];

const holds = (doc: InstrumentAnswersDoc | null, asOf: string): doc is InstrumentAnswersDoc =>
  doc !== null && asOf >= doc.asOf && (doc.validUntil === null || asOf < doc.validUntil);

/** The stored answers as at `asOf` as the routes send them (JSON text), or null when they do not hold for that day. */
export const answerTextsAsOf = (doc: InstrumentAnswersDoc | null, asOf: string): { readonly status: string; readonly participants: string } | null =>
  holds(doc, asOf) ? { status: asOf === doc.asOf ? doc.status : redated(doc.status, asOf), participants: doc.participants } : null;

/** The stored answers as at `asOf`, or null when they do not hold for that day (compute them instead). */
export const answersAsOf = (doc: InstrumentAnswersDoc | null, asOf: string): { readonly status: InstrumentStatusView; readonly participants: readonly ParticipantView[] } | null => {
  const texts = answerTextsAsOf(doc, asOf);
  return texts && { status: JSON.parse(texts.status) as InstrumentStatusView, participants: JSON.parse(texts.participants) as ParticipantView[] };
};

/** The latest `_position` among documents: the answers carry it, so a rebuild and the live projector agree. */
const latestPosition = (docs: readonly (ReadModelDoc | null)[]): bigint =>
  docs.reduce((max, d) => {
    const p = positionFromKey(d?.[POSITION_FIELD] as string | undefined);
    return p !== 'start' && p > max ? p : max;
  }, 0n);

export interface AnswerCollections {
  readonly status: string;
  readonly participation: string;
  readonly answers: string;
}

export const LIVE_ANSWER_COLLECTIONS: AnswerCollections = { status: INSTRUMENT_STATUS, participation: PARTICIPATION, answers: INSTRUMENT_ANSWERS };

/** The answers document of one instrument as the batch sees it (null: no such instrument). */
export const answersDocOf = async (
  batch: Pick<ProjectionBatch, 'get' | 'byFilter'>,
  instrumentId: string,
  today: string,
  names: AnswerCollections = LIVE_ANSWER_COLLECTIONS,
): Promise<InstrumentAnswersDoc | null> => {
  const doc = (await batch.get(names.status, instrumentId)) as InstrumentStatusDoc | null;
  if (!doc) return null;
  const rows = (await batch.byFilter(names.participation, { instrumentId })).map(([, row]) => row).filter((row): row is ParticipationDoc => row !== null);
  return answersDoc(instrumentId, doc, rows, today);
};

const answersDoc = (instrumentId: string, doc: InstrumentStatusDoc, rows: readonly ParticipationDoc[], today: string): InstrumentAnswersDoc => ({
  _id: instrumentId,
  ...answersFor(doc, rows, today),
  [POSITION_FIELD]: positionKey(latestPosition([doc, ...rows])),
});

/** Recomputes the answers of every instrument the batch touched, as part of the batch. */
export const deriveAnswers = async (batch: ProjectionBatch, today: string, names: AnswerCollections = LIVE_ANSWER_COLLECTIONS): Promise<void> => {
  // The rows this page changed, by instrument (one pass, not one scan per instrument).
  const changedRows = new Map<string, Map<string, ParticipationDoc | null>>();
  const rowsOf = (instrumentId: string) => {
    let rows = changedRows.get(instrumentId);
    if (!rows) changedRows.set(instrumentId, (rows = new Map()));
    return rows;
  };
  const ids = new Set(batch.changedIds(names.status));
  for (const [id, row] of batch.changedDocs(names.participation)) {
    const instrumentId = (row as ParticipationDoc | null)?.instrumentId ?? id.slice(0, id.lastIndexOf(':'));
    rowsOf(instrumentId).set(id, row as ParticipationDoc | null);
    ids.add(instrumentId);
  }
  for (const id of ids) {
    const doc = (await batch.get(names.status, id)) as InstrumentStatusDoc | null;
    if (!doc) {
      batch.put(names.answers, id, null, batch.lastEvent!.position);
      continue;
    }
    const mine = changedRows.get(id);
    const stored = await batch.storedMatching(names.participation, { instrumentId: id });
    const rows = [...stored.filter((row) => !mine?.has(row._id)), ...[...(mine?.values() ?? [])].filter((row) => row !== null)] as ParticipationDoc[];
    const answers = answersDoc(id, doc, rows, today);
    batch.put(names.answers, id, answers, positionFromKey(answers[POSITION_FIELD] as string) as bigint);
  }
};
