/**
 * What if: the instrument's status, entry into force and each party's dates as they would be after hypothetical
 * acts, recording nothing. The acts are decided by the domain's decider on the folded stream, and the answer is
 * the time-travel fold of the stream with those events after it: the same engine, rules and presenters as the
 * real answer, so once the same acts are recorded the real answer equals the projection (what-if.spec.ts).
 */
import type { RecordedEvent } from '#libs/event-store';
import { addYearsTo } from '#libs/entry-into-force';
import { decideHypotheticalAct, evolveInstrument, invalid, legalDateOf, notFound, YEARS_AHEAD, type CommandContext, type HypotheticalAct, type InstrumentState } from '#libs/lifecycle';
import { foldInstrument, instrumentAsOfEvents, type InstrumentAsOf } from './time-travel.js';

export interface WhatIfAnswer extends InstrumentAsOf {
  /** The events each hypothetical act would record, in order (entry-into-force determinations included). */
  readonly acts: readonly { readonly act: HypotheticalAct; readonly events: readonly { readonly type: string; readonly data: unknown }[] }[];
}

/** `asOf` defaults to the last act's date or `context.today`, whichever is later. */
export const whatIf = (events: readonly RecordedEvent[], acts: readonly HypotheticalAct[], context: CommandContext, asOf?: string): WhatIfAnswer => {
  if (asOf && asOf > addYearsTo(context.today, YEARS_AHEAD)) throw invalid('asOf', `asOf (${asOf}) is more than ${YEARS_AHEAD} years ahead; check the year.`, 'DATE_OUT_OF_RANGE');
  let state: InstrumentState = foldInstrument(events);
  if (state.stage === 'none') throw notFound('INSTRUMENT_NOT_FOUND', 'No such instrument has been recorded.');
  const stream = events[0]!.stream;
  let revision = events.at(-1)!.revision;
  let position = events.at(-1)!.position;
  const hypothetical: RecordedEvent[] = [];
  const answers = acts.map((act, i) => {
    const decided = decideHypotheticalAct(state, act, i, context);
    for (const [j, event] of decided.entries()) {
      revision += 1n;
      position += 1n;
      const recorded: RecordedEvent = {
        id: `00000000-0000-4000-9000-${(i * 100 + j).toString(16).padStart(12, '0')}`,
        stream,
        revision,
        position,
        type: event.type,
        data: event.data as unknown as Record<string, unknown>,
        metadata: { actor: 'what-if', recordedAt: context.now, legalDate: legalDateOf(event, context.today), correlationId: context.correlationId, causationId: context.commandId },
        createdAt: context.now,
      };
      hypothetical.push(recorded);
      state = evolveInstrument(state, { event, id: recorded.id, revision, metadata: recorded.metadata as never });
    }
    return { act, events: decided.map(({ type, data }) => ({ type, data })) };
  });
  const last = acts.reduce((latest, a) => (a.date > latest ? a.date : latest), context.today);
  const answer = instrumentAsOfEvents([...events, ...hypothetical], { asOf: asOf ?? last })!;
  return { ...answer, acts: answers };
};
