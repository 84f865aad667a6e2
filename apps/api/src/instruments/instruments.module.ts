import { Module } from '@nestjs/common';
import { NotifyTerminationHttpController } from './notify-termination/notify-termination.http.controller.js';
import { RevokeWithdrawalHttpController } from './revoke-withdrawal/revoke-withdrawal.http.controller.js';
import { NotifyInternalProceduresHttpController } from './notify-internal-procedures/notify-internal-procedures.http.controller.js';
import { ReviseFinalClausesHttpController } from './revise-final-clauses/revise-final-clauses.http.controller.js';
import { AdoptTextHttpController } from './adopt-text/adopt-text.http.controller.js';
import { CommentOnReviewHttpController } from './comment-on-review/comment-on-review.http.controller.js';
import { CorrectActHttpController } from './correct-act/correct-act.http.controller.js';
import { CreateInstrumentHttpController } from './create-instrument/create-instrument.http.controller.js';
import { DecideReviewHttpController } from './decide-review/decide-review.http.controller.js';
import { DepositConsentHttpController } from './deposit-consent/deposit-consent.http.controller.js';
import { ExecuteInstrumentCommandHandler } from './execute-instrument-command.js';
import { GetInstrumentEventsHttpController } from './get-instrument-events/get-instrument-events.http.controller.js';
import { GetInstrumentHttpController } from './get-instrument/get-instrument.http.controller.js';
import { MakeReservationHttpController } from './make-reservation/make-reservation.http.controller.js';
import { NotifyWithdrawalHttpController } from './notify-withdrawal/notify-withdrawal.http.controller.js';
import { OpenForSignatureHttpController } from './open-for-signature/open-for-signature.http.controller.js';
import { RecordDraftHttpController } from './record-draft/record-draft.http.controller.js';
import { RequestReviewHttpController } from './request-review/request-review.http.controller.js';
import { InstrumentCommands } from './shared/instrument-commands.js';
import { SignInstrumentHttpController } from './sign-instrument/sign-instrument.http.controller.js';
import { DiscardInstrumentHttpController } from './discard-instrument/discard-instrument.http.controller.js';
import { TerminateInstrumentHttpController } from './terminate-instrument/terminate-instrument.http.controller.js';

import { ObjectToReservationHttpController } from './object-to-reservation/object-to-reservation.http.controller.js';
import { WithdrawReservationHttpController } from './withdraw-reservation/withdraw-reservation.http.controller.js';
import { WithdrawObjectionHttpController } from './withdraw-objection/withdraw-objection.http.controller.js';
import { NotifyProvisionalApplicationHttpController } from './notify-provisional-application/notify-provisional-application.http.controller.js';
import { NotifyIntentionNotToBecomePartyHttpController } from './notify-intention-not-to-become-party/notify-intention-not-to-become-party.http.controller.js';
import { DeclareTerritorialApplicationHttpController } from './declare-territorial-application/declare-territorial-application.http.controller.js';

@Module({
  controllers: [
    CreateInstrumentHttpController,
    GetInstrumentHttpController,
    GetInstrumentEventsHttpController,
    RecordDraftHttpController,
    RequestReviewHttpController,
    CommentOnReviewHttpController,
    DecideReviewHttpController,
    AdoptTextHttpController,
    OpenForSignatureHttpController,
    SignInstrumentHttpController,
    DepositConsentHttpController,
    MakeReservationHttpController,
    NotifyWithdrawalHttpController,
    TerminateInstrumentHttpController,
    DiscardInstrumentHttpController,
    CorrectActHttpController,
    ReviseFinalClausesHttpController,
    NotifyInternalProceduresHttpController,
    RevokeWithdrawalHttpController,
    NotifyTerminationHttpController,
    ObjectToReservationHttpController,
    WithdrawReservationHttpController,
    WithdrawObjectionHttpController,
    NotifyProvisionalApplicationHttpController,
    NotifyIntentionNotToBecomePartyHttpController,
    DeclareTerritorialApplicationHttpController,
  ],
  providers: [ExecuteInstrumentCommandHandler, InstrumentCommands],
})
export class InstrumentsModule {}
