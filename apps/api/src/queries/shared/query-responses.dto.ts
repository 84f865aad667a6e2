/** Response shapes for the OpenAPI document (the handlers return the library's view objects). */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class TriggerResponse {
  @ApiProperty({ enum: ['deposit', 'definitive-signature', 'notification', 'parent-parties-changed'] }) act: string;
  @ApiProperty({ nullable: true, type: String, example: 'JAM', description: 'The party whose act met the condition.' }) party: string | null;
  @ApiProperty({ example: '2020-01-15' }) on: string;
  @ApiProperty({ nullable: true, type: Number, description: 'This was the Nth counted act.' }) position: number | null;
}

export class StillRequiredResponse {
  @ApiProperty({ description: 'At least this many more instruments (or named parties’ acts, or acceptances).' }) instruments: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Of which from the qualifier’s group (null without a qualifier).' }) qualifying: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Percentage points of the weight still missing (null without a weight).' }) weightPercent: number | null;
}

export class AssessmentFlagResponse {
  @ApiProperty({ example: 'DENOMINATOR_ASSUMED' }) code: string;
  @ApiProperty() message: string;
  @ApiPropertyOptional() party?: string;
}

export class DateExplanationResponse {
  @ApiProperty({ example: '2020-01-01' }) date: string;
  @ApiProperty({ enum: ['condition-met', 'fixed-date', 'general-date', 'own-act'], description: 'Counted from the act that met the condition; the stated date; the general date shared by a party bound by then; a later party’s own act.' })
  basis: string;
  @ApiProperty({ nullable: true, type: Object, description: 'party, act (deposit, definitive-signature, notification), kind, on, position (the Nth counted)' }) act: object | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Instruments the rule requires, where it counts them.' }) required: number | null;
  @ApiProperty({ type: [Object], description: 'The arithmetic: { op: add-days | add-months | first-day-of-following-month | not-earlier-than | stated-date | not-before-general-date, …, result }' }) steps: object[];
  @ApiProperty({ example: 'The condition on the number of instruments: deposit of the second instrument (ratification) by Netherlands on 2 December 2019 (2 of the 2 required) + 30 days = 1 January 2020.' })
  text: string;
}

export class PeriodExplanationResponse {
  @ApiProperty({ example: '2021-03-01' }) date: string;
  @ApiProperty({ enum: ['withdrawal', 'expiry', 'renewal', 'termination'] }) basis: string;
  @ApiProperty({ type: Object, description: 'What the count starts from: event (withdrawal-notice | termination-notice | coming-into-effect), party, on' }) from: object;
  @ApiProperty({ nullable: true, type: Object, description: 'Termination without a notice period: the notice (party, on) that made the running period the last.' }) stoppedBy: object | null;
  @ApiProperty({ type: [Object], description: 'The arithmetic: { op: add-days | add-months | first-day-of-following-month | add-renewals | named-date, …, result }' }) steps: object[];
  @ApiProperty({ example: 'Withdrawal takes effect: notice of withdrawal by Netherlands on 1 March 2020 + 12 months = 1 March 2021.' }) text: string;
}

export class TermExplanationsResponse {
  @ApiProperty({ nullable: true, type: PeriodExplanationResponse, description: 'Why the term expires on ceasesOn (when it ends by expiry).' }) expiry: PeriodExplanationResponse | null;
  @ApiProperty({ nullable: true, type: PeriodExplanationResponse, description: 'Why the next period begins on nextRenewalOn.' }) renewal: PeriodExplanationResponse | null;
  @ApiProperty({ nullable: true, type: PeriodExplanationResponse, description: 'Why termination after notice takes effect on terminationEffectiveOn.' }) termination: PeriodExplanationResponse | null;
}

export class EntryIntoForceResponse {
  @ApiProperty({ example: 'instruments', description: 'The type of the rule in the final clauses.' }) rule: string;
  @ApiProperty({
    enum: ['not-in-force', 'pending', 'in-force', 'terminated'],
    description:
      'As at asOf: pending once the condition is met and the date is still ahead; not-in-force before (time travel to a date before the date says so); terminated once the instrument was terminated or its term ran out (date keeps the entry into force).',
  })
  status: string;
  @ApiProperty({ nullable: true, type: String, example: '2020-02-14', description: 'The general entry into force, projected while still ahead; null while the condition is not met as at asOf.' })
  date: string | null;
  @ApiProperty({ nullable: true, type: DateExplanationResponse, description: 'Why this date (null while there is none).' }) explanation: DateExplanationResponse | null;
  @ApiProperty({ nullable: true, type: String, description: 'The date the condition was met.' }) triggerMetOn: string | null;
  @ApiProperty({ nullable: true, type: TriggerResponse }) triggeredBy: TriggerResponse | null;
  @ApiProperty({ nullable: true, type: Number, description: 'N, the named parties, 2, every party, or the acceptances needed; null for a fixed date.' })
  instrumentsRequired: number | null;
  @ApiProperty({ description: 'Counting instruments standing as at asOf (withdrawals that took effect removed).' }) instrumentsDeposited: number;
  @ApiProperty({ nullable: true, type: Number }) qualifyingDeposited: number | null;
  @ApiProperty({ nullable: true, type: Number }) weightPercent: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Acceptance share: the number of parties the share is taken of.' }) shareDenominator: number | null;
  @ApiProperty({ type: StillRequiredResponse, description: 'Zero once the condition is met.' }) stillRequired: StillRequiredResponse;
  @ApiProperty({ type: [String], description: 'Named parties still to act (all-named, bilateral, definitive signature by all).' }) awaiting: string[];
  @ApiProperty({ type: [AssessmentFlagResponse] }) flags: AssessmentFlagResponse[];
}

export class TermPeriodResponse {
  @ApiProperty({ description: '1 = the initial term, 2 = the first renewal...' }) number: number;
  @ApiProperty() startsOn: string;
  @ApiProperty({ nullable: true, type: String, description: 'The last day in effect within this term.' }) lastDay: string | null;
}

export class TermResponse {
  @ApiProperty({ nullable: true, type: String }) startsOn: string | null;
  @ApiProperty({ nullable: true, type: TermPeriodResponse }) initialTerm: TermPeriodResponse | null;
  @ApiProperty({ description: 'Whether the MOU renews itself (and has not been stopped by a notice).' }) renews: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'The day a notice of termination takes effect.' }) terminationEffectiveOn: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The first day no longer in effect (expiry or termination); null while open-ended.' })
  ceasesOn: string | null;
  @ApiProperty({ nullable: true, type: String }) lastDayInEffect: string | null;
  @ApiProperty({ nullable: true, enum: ['expiry', 'termination'] }) endsBy: string | null;
  @ApiProperty({ nullable: true, enum: ['not-yet-in-effect', 'in-effect', 'expired', 'terminated'] }) status: string | null;
  @ApiProperty({ nullable: true, type: TermPeriodResponse, description: 'The term running on asOf (or the last one, once ended).' })
  currentTerm: TermPeriodResponse | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Renewals that had taken place by asOf.' }) renewals: number | null;
  @ApiProperty({ nullable: true, type: String, description: 'The first day of the next period, when the MOU renews into one.' }) nextRenewalOn: string | null;
  @ApiProperty({ type: TermExplanationsResponse, description: 'Why these dates.' }) explanations: TermExplanationsResponse;
  @ApiProperty({ type: [AssessmentFlagResponse] }) flags: AssessmentFlagResponse[];
}

export class InstrumentStatusResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['treaty', 'agreement', 'mou', 'protocol', 'amendment'] }) kind: string;
  @ApiProperty() title: string;
  @ApiProperty({ nullable: true, type: String }) parentId: string | null;
  @ApiProperty({ nullable: true, type: String }) depositary: string | null;
  @ApiProperty({ type: [String] }) languages: string[];
  @ApiProperty() createdOn: string;
  @ApiProperty({ description: 'The date the answer is as at.' }) asOf: string;
  @ApiProperty({
    enum: ['drafting', 'in-review', 'approved', 'adopted', 'open-for-signature', 'in-force', 'terminated'],
    description: 'The stage as at asOf: in force from the date, not from the act that met the condition; an MOU whose term has ended is terminated.',
  })
  stage: string;
  @ApiProperty({ nullable: true, type: Number }) currentDraftVersion: number | null;
  @ApiProperty({ nullable: true, type: Object, description: 'adoptedOn, place, method, votes, version, eventId' }) adoption: object | null;
  @ApiProperty({ nullable: true, type: Object, description: 'opensOn, closesOn, place, eventId' }) opening: object | null;
  @ApiProperty({ description: 'How many parties are eligible.' }) eligibleParties: number;
  @ApiProperty({ type: Object, example: { total: 14, definitive: 0 } }) signatures: object;
  @ApiProperty({ type: Object, example: { total: 1, byKind: { ratification: 1, acceptance: 0 } } }) consents: object;
  @ApiProperty({ type: Object, example: { reservations: 1, declarations: 1, withdrawn: 0, deemedAccepted: 1 } }) reservations: object;
  @ApiProperty({ type: Object, example: { total: 2, withdrawn: 0, opposingEntryIntoForce: 1, late: 1 }, description: 'Objections to reservations as at asOf (VCLT 20, 21).' }) objections: object;
  @ApiProperty({ type: Object, example: { applying: 2, ended: 1 }, description: 'Parties applying the instrument provisionally on asOf, and those whose provisional application had ended (VCLT 25).' }) provisionalApplication: object;
  @ApiProperty({ description: 'Declarations of territorial application made by asOf (VCLT 29).' }) territorialDeclarations: number;
  @ApiProperty({ type: Object, example: { notified: 0, effective: 0 } }) withdrawals: object;
  @ApiProperty() internalProceduresNotified: number;
  @ApiProperty({ type: EntryIntoForceResponse, description: 'The final clauses evaluated as at asOf (the same assessment as GET /api/instruments/{id}).' })
  entryIntoForce: EntryIntoForceResponse;
  @ApiProperty({ nullable: true, type: TermResponse, description: 'An MOU’s term as at asOf; null when the final clauses have none.' }) term: TermResponse | null;
  @ApiProperty({ nullable: true, type: Object }) termination: object | null;
  @ApiProperty({ nullable: true, type: Object }) terminationNotice: object | null;
  @ApiProperty({ nullable: true, type: Object, description: 'The last event dated on or before asOf: eventId, type, legalDate, recordedAt, party.' })
  lastAct: object | null;
}

export class ParticipantReservationResponse {
  @ApiProperty({ enum: ['reservation', 'declaration'] }) kind: string;
  @ApiProperty() text: string;
  @ApiProperty() madeOn: string;
  @ApiProperty({ enum: ['signature', 'deposit'] }) madeAt: string;
  @ApiProperty({ format: 'uuid' }) eventId: string;
  @ApiProperty({ nullable: true, type: String, description: 'Reservations: the last day of the twelve-month objection window (VCLT 20(5)); null for declarations.' })
  objectionWindowEndsOn: string | null;
  @ApiProperty({ description: 'The window has run out: accepted by every party that had not objected by then.' }) deemedAccepted: boolean;
  @ApiProperty({ type: [Object], description: 'The objections it drew as at asOf: eventId, party, name, text, objectedOn, opposesEntryIntoForce (VCLT 20(4)(b)), late, withdrawnOn, withdrawalEffectiveOn' }) objections: object[];
  @ApiProperty({ nullable: true, type: String, description: 'The day its withdrawal took effect (VCLT 22), once on or before asOf.' }) withdrawnOn: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'A withdrawal notified by asOf: the day it takes (took) effect.' }) withdrawalEffectiveOn: string | null;
}

export class ParticipantResponse {
  @ApiProperty({ example: 'CUB' }) party: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['state', 'territory', 'organisation'] }) partyKind: string;
  @ApiProperty({ enum: ['eligible', 'signatory', 'bound', 'withdrawn'], description: 'Where the party stands in the procedure as at asOf.' }) status: string;
  @ApiProperty({ enum: ['not-bound', 'bound-not-in-force', 'in-force', 'withdrawn'], description: 'Where it stands under the final clauses as at asOf.' })
  partyStatus: string;
  @ApiProperty({ nullable: true, type: Object, description: 'signedOn, kind (simple | definitive), signatory, place, eventId' }) signature: object | null;
  @ApiProperty({ nullable: true, type: Object, description: 'kind, depositedOn (for a succession: the notification), domesticActOn, succeededOn (the date of succession), eventId' }) consent: object | null;
  @ApiProperty({ type: [ParticipantReservationResponse] }) reservations: ParticipantReservationResponse[];
  @ApiProperty({ type: [Object], description: 'Objections the party made: eventId, reservationId, reservingParty, objectedOn, opposesEntryIntoForce, late, withdrawnOn' }) objectionsMade: object[];
  @ApiProperty({ nullable: true, type: Object, description: 'VCLT 25: basis (final-clauses | declaration), since, endedOn, endedBy (entry-into-force | notice), applied' }) provisionalApplication: object | null;
  @ApiProperty({ type: [Object], description: 'VCLT 29: territory { code, name }, extends, declaredOn, effectiveOn, inEffect, eventId' }) territories: object[];
  @ApiProperty({ nullable: true, type: Object, description: 'notifiedOn, effectiveOn, revokedOn, eventId' }) withdrawal: object | null;
  @ApiProperty({ nullable: true, type: Object }) notification: object | null;
  @ApiProperty({ nullable: true, type: String, description: 'When the party became bound under the rule.' }) boundOn: string | null;
  @ApiProperty({ nullable: true, enum: ['consent', 'definitive-signature', 'notification'] }) boundBy: string | null;
  @ApiProperty({ description: 'Whether its act counts towards the condition for entry into force.' }) counted: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'Entry into force for this party (possibly still ahead of asOf).' }) entryIntoForceOn: string | null;
  @ApiProperty({ nullable: true, type: DateExplanationResponse, description: 'Why that date.' }) entryIntoForceExplanation: DateExplanationResponse | null;
  @ApiProperty({ nullable: true, type: String, description: 'Under a lock-in: the first day the party may give notice of withdrawal.' }) withdrawalAllowedFrom: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The day its withdrawal takes (took) effect; null without a standing notice.' }) withdrawalEffectiveOn: string | null;
  @ApiProperty({ nullable: true, type: PeriodExplanationResponse, description: 'Why that date: the notice, the notice period, a later date it names.' }) withdrawalExplanation: PeriodExplanationResponse | null;
}

export class ParticipantsResponse {
  @ApiProperty({ format: 'uuid' }) instrumentId: string;
  @ApiProperty() asOf: string;
  @ApiProperty({ nullable: true, type: String }) knownAt: string | null;
  @ApiProperty({ type: [ParticipantResponse] }) participants: ParticipantResponse[];
}

export class PageResponse {
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty({ description: 'Matching items in all pages.' }) total: number;
}

export class InstrumentPageResponse extends PageResponse {
  @ApiProperty({ type: [InstrumentStatusResponse] }) items: InstrumentStatusResponse[];
}

export class PartyInstrumentResponse {
  @ApiProperty({ format: 'uuid' }) instrumentId: string;
  @ApiProperty({ nullable: true, type: String }) title: string | null;
  @ApiProperty({ nullable: true, type: String }) kind: string | null;
  @ApiProperty({ nullable: true, type: String }) stage: string | null;
  @ApiProperty() lastActOn: string;
  @ApiProperty({ type: [Object], description: 'eventId, act, type, date, recordedAt, details, corrections' }) acts: object[];
}
export class PartyInstrumentPageResponse extends PageResponse {
  @ApiProperty({ type: [PartyInstrumentResponse] }) items: PartyInstrumentResponse[];
}

export class ActivityResponse {
  @ApiProperty({ format: 'uuid' }) eventId: string;
  @ApiProperty({ description: 'Global log position.' }) position: string;
  @ApiProperty({ format: 'uuid' }) instrumentId: string;
  @ApiProperty({ nullable: true, type: String }) instrumentTitle: string | null;
  @ApiProperty({ example: 'InstrumentSigned.v1' }) type: string;
  @ApiProperty({ nullable: true, type: String }) party: string | null;
  @ApiProperty() legalDate: string;
  @ApiProperty() recordedAt: string;
  @ApiProperty() actor: string;
  @ApiProperty({ type: Object }) details: object;
  @ApiProperty({ type: [Object] }) corrections: object[];
}
export class ActivityPageResponse extends PageResponse {
  @ApiProperty({ type: [ActivityResponse] }) items: ActivityResponse[];
}

export class PendingReviewResponse {
  @ApiProperty({ format: 'uuid' }) instrumentId: string;
  @ApiProperty({ nullable: true, type: String }) title: string | null;
  @ApiProperty({ nullable: true, type: String }) kind: string | null;
  @ApiProperty() round: number;
  @ApiProperty() version: number;
  @ApiProperty({ type: [String] }) reviewers: string[];
  @ApiProperty({ nullable: true, type: String }) note: string | null;
  @ApiProperty() requestedAt: string;
  @ApiProperty() requestedBy: string;
  @ApiProperty() comments: number;
  @ApiProperty({ description: 'Whole days waiting.' }) ageDays: number;
}
export class PendingReviewPageResponse extends PageResponse {
  @ApiProperty({ type: [PendingReviewResponse] }) items: PendingReviewResponse[];
}

export class PartyResponse {
  @ApiProperty({ example: 'LCA' }) code: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['state', 'territory', 'organisation'] }) kind: string;
  @ApiPropertyOptional() registeredAt: string;
}
export class PartyPageResponse extends PageResponse {
  @ApiProperty({ type: [PartyResponse] }) items: PartyResponse[];
}
