/** Provisional application (VCLT 25) and territorial application (VCLT 29). */
import { conflict, invalid } from '../shared/domain-error.js';
import type { CommandContext } from '../shared/event.js';
import { assessInstrument } from './instrument.assess.js';
import type { InstrumentCommand } from './instrument.commands.js';
import type { InstrumentEvent } from './instrument.events.js';
import { isBound, nameOf, NOUN, notInFuture, participation, plausibleAhead, requireEligible, requireStage } from './instrument.invariants.js';
import type { Instrument } from './instrument.state.js';
import { provisionalApplicationStart } from './provisional-application.js';

export type ApplicationCommand = Extract<
  InstrumentCommand,
  { type: 'NotifyProvisionalApplication' | 'NotifyIntentionNotToBecomeParty' | 'DeclareTerritorialApplication' }
>;

const partyEntryIntoForceOn = (instrument: Instrument, party: string) =>
  assessInstrument(instrument).entryIntoForce.parties.find((p) => p.code === party)?.entryIntoForceOn ?? null;

export const decideApplication = (command: ApplicationCommand, instrument: Instrument, context: CommandContext): InstrumentEvent[] => {
  switch (command.type) {
    case 'NotifyProvisionalApplication': {
      const { party, notifiedOn } = command.data;
      requireStage(instrument, ['adopted', 'open-for-signature', 'in-force'], 'provisional application');
      requireEligible(instrument, party);
      notInFuture('notifiedOn', notifiedOn, context);
      const appliesFrom = command.data.appliesFrom ?? notifiedOn;
      plausibleAhead('appliesFrom', appliesFrom, context);
      const name = nameOf(instrument, party);
      const p = participation(instrument, party);
      // Provisional application stands in for entry into force: once the instrument is in force for the party, there is nothing to apply provisionally.
      const inForceOn = partyEntryIntoForceOn(instrument, party);
      if (inForceOn && inForceOn <= appliesFrom) {
        throw conflict('IN_FORCE_FOR_PARTY', `The ${NOUN[instrument.kind]} is in force for ${name} from ${inForceOn}; it cannot be applied provisionally from ${appliesFrom}.`);
      }
      if (p?.provisionalApplicationEnded) {
        throw conflict('NOT_BECOMING_PARTY', `${name} notified on ${p.provisionalApplicationEnded.notifiedOn} that it will not become a party; provisional application ended then.`);
      }
      const current = provisionalApplicationStart(instrument, party);
      if (current) {
        throw conflict('ALREADY_APPLIED_PROVISIONALLY', `${name} already applies the ${NOUN[instrument.kind]} provisionally from ${current.since} (${current.basis === 'final-clauses' ? 'under its final clauses' : 'by its declaration'}).`);
      }
      return [{ type: 'ProvisionalApplicationNotified.v1', data: { party, notifiedOn, appliesFrom } }];
    }
    case 'NotifyIntentionNotToBecomeParty': {
      const { party, notifiedOn } = command.data;
      requireEligible(instrument, party);
      notInFuture('notifiedOn', notifiedOn, context);
      const name = nameOf(instrument, party);
      const p = participation(instrument, party);
      const start = provisionalApplicationStart(instrument, party);
      if (!start) throw conflict('NO_PROVISIONAL_APPLICATION', `${name} does not apply the ${NOUN[instrument.kind]} provisionally; there is nothing for its notice to end.`);
      if (p?.provisionalApplicationEnded) throw conflict('ALREADY_NOTIFIED', `${name} already notified on ${p.provisionalApplicationEnded.notifiedOn} that it will not become a party.`);
      // A party that has consented withdraws instead (VCLT 54-56).
      if (isBound(p)) throw conflict('ALREADY_BOUND', `${name} has expressed its consent to be bound; it gives notice of withdrawal rather than of its intention not to become a party.`);
      if (notifiedOn < start.since) throw conflict('NOTICE_BEFORE_PROVISIONAL_APPLICATION', `${name}'s notice of ${notifiedOn} comes before its provisional application began (${start.since}).`);
      return [{ type: 'ProvisionalApplicationTerminated.v1', data: { party, notifiedOn } }];
    }
    case 'DeclareTerritorialApplication': {
      const { party, territory, declaredOn } = command.data;
      requireStage(instrument, ['open-for-signature', 'in-force'], 'a declaration of territorial application');
      const eligible = requireEligible(instrument, party);
      notInFuture('declaredOn', declaredOn, context);
      const name = eligible.name;
      if (eligible.kind !== 'state') {
        throw conflict('TERRITORIAL_APPLICATION_BY_STATES', `${name} is not a State; a State declares the territories for whose international relations it is responsible (VCLT 29).`);
      }
      if (territory.code === party) throw invalid('territory', `${name} cannot name itself as a territory.`, 'TERRITORY_IS_PARTY');
      const p = participation(instrument, party);
      // At signature, at consent or later: a State that has done neither has nothing to extend.
      if (!p?.signature && !p?.consent) {
        throw conflict('TERRITORIAL_DECLARATION_WITHOUT_ACT', `${name} has neither signed nor expressed its consent to be bound; it can extend the ${NOUN[instrument.kind]} to a territory only then or later.`);
      }
      const first = [p.signature?.signedOn, p.consent?.depositedOn].filter((d): d is string => !!d).sort()[0]!;
      if (declaredOn < first) throw conflict('TERRITORIAL_DECLARATION_BEFORE_ACT', `${name}'s declaration of ${declaredOn} comes before its first act on the ${NOUN[instrument.kind]} (${first}).`);
      const effectiveOn = command.data.effectiveOn ?? declaredOn;
      plausibleAhead('effectiveOn', effectiveOn, context);
      if (effectiveOn < declaredOn) throw invalid('effectiveOn', `The extension cannot take effect (${effectiveOn}) before it is declared (${declaredOn}).`, 'EFFECTIVE_BEFORE_DECLARATION');
      return [{ type: 'TerritorialApplicationDeclared.v1', data: { party, territory, extends: command.data.extends, declaredOn, effectiveOn } }];
    }
  }
};
