/** Response shapes for the OpenAPI document (the handlers return the library's view objects). */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class EntryIntoForceResponse {
  @ApiProperty({ enum: ['in-force', 'not-yet-in-force'] }) status: string;
  @ApiProperty({ nullable: true, type: String, description: 'The date, when determined (possibly still ahead).' }) date: string | null;
  @ApiProperty({ example: 'definitive-signature-by-all' }) rule: string;
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
  @ApiProperty({ enum: ['drafting', 'in-review', 'approved', 'adopted', 'open-for-signature', 'in-force', 'terminated'] }) stage: string;
  @ApiProperty({ nullable: true, type: Number }) currentDraftVersion: number | null;
  @ApiProperty({ nullable: true, type: Object, description: 'adoptedOn, place, method, votes, version, eventId' }) adoption: object | null;
  @ApiProperty({ nullable: true, type: Object, description: 'opensOn, closesOn, place, eventId' }) opening: object | null;
  @ApiProperty({ description: 'How many parties are eligible.' }) eligibleParties: number;
  @ApiProperty({ type: Object, example: { total: 14, definitive: 0 } }) signatures: object;
  @ApiProperty({ type: Object, example: { total: 1, byKind: { ratification: 1, acceptance: 0 } } }) consents: object;
  @ApiProperty({ type: Object, example: { reservations: 0, declarations: 1 } }) reservations: object;
  @ApiProperty({ type: Object, example: { notified: 0, effective: 0 } }) withdrawals: object;
  @ApiProperty() internalProceduresNotified: number;
  @ApiProperty({ type: EntryIntoForceResponse }) entryIntoForce: EntryIntoForceResponse;
  @ApiProperty({ nullable: true, type: Object }) termination: object | null;
  @ApiProperty({ nullable: true, type: Object }) terminationNotice: object | null;
  @ApiProperty({ nullable: true, type: Object, description: 'The last event dated on or before asOf: eventId, type, legalDate, recordedAt, party.' })
  lastAct: object | null;
}

export class ParticipantResponse {
  @ApiProperty({ example: 'CUB' }) party: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['state', 'territory', 'organisation'] }) partyKind: string;
  @ApiProperty({ enum: ['eligible', 'signatory', 'bound', 'withdrawn'] }) status: string;
  @ApiProperty({ nullable: true, type: Object, description: 'signedOn, kind (simple | definitive), signatory, place, eventId' }) signature: object | null;
  @ApiProperty({ nullable: true, type: Object, description: 'kind, depositedOn, domesticActOn, eventId' }) consent: object | null;
  @ApiProperty({ type: [Object], description: 'kind (reservation | declaration), text, madeOn, madeAt, eventId' }) reservations: object[];
  @ApiProperty({ nullable: true, type: Object, description: 'notifiedOn, effectiveOn, revokedOn, eventId' }) withdrawal: object | null;
  @ApiProperty({ nullable: true, type: Object }) notification: object | null;
  @ApiProperty({ nullable: true, type: String }) boundOn: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Entry into force for this party, as far as the log says.' }) entryIntoForce: string | null;
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
