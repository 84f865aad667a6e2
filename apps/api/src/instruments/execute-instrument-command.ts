import { ForbiddenException, Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { currentState, EVENT_STORE, fold, StreamStateCache, type EventStore, type HandleCommandResult } from '#libs/event-store';
import { PARTY_CODE_PATTERN } from '#libs/entry-into-force';
import { conflict, instrumentDecider, instrumentStream, legalDateOf, notFound, partyDecider, partyStream, type CreateInstrument, type DeclareTerritorialApplication, type EligibleParty, type InstrumentCommand, type InstrumentState, type Territory } from '#libs/lifecycle';
import { CommandRunner } from '../common/command-runner.js';
import type { CommandRequest } from '../common/command-request.js';

/** Creation as the API receives it: party codes and a parent id, which the handler turns into facts. */
export type CreateInstrumentInput = {
  readonly type: 'CreateInstrument';
  readonly data: Omit<CreateInstrument['data'], 'eligibleParties' | 'parent'> & {
    readonly eligibleParties: readonly string[];
    readonly parentId: string | null;
  };
};
/** A territory as the API receives it: a registered party's code, or a name. */
export type DeclareTerritorialApplicationInput = {
  readonly type: 'DeclareTerritorialApplication';
  readonly data: Omit<DeclareTerritorialApplication['data'], 'territory'> & { readonly territory: string };
};
export type InstrumentCommandInput =
  | Exclude<InstrumentCommand, CreateInstrument | DeclareTerritorialApplication>
  | CreateInstrumentInput
  | DeclareTerritorialApplicationInput;

/** The Nest bus routes by class, so one thin class carries every instrument command of the domain. */
export class ExecuteInstrumentCommand extends Command<HandleCommandResult<InstrumentState>> {
  constructor(
    readonly instrumentId: string,
    readonly input: InstrumentCommandInput,
    readonly request: CommandRequest,
  ) {
    super();
  }
}

@CommandHandler(ExecuteInstrumentCommand)
export class ExecuteInstrumentCommandHandler implements ICommandHandler<ExecuteInstrumentCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly runner: CommandRunner,
    private readonly cache: StreamStateCache,
  ) {}

  async execute({ instrumentId, input, request }: ExecuteInstrumentCommand): Promise<HandleCommandResult<InstrumentState>> {
    const command: InstrumentCommand =
      input.type === 'CreateInstrument'
        ? await this.resolveCreation(input)
        : input.type === 'DeclareTerritorialApplication'
          ? { type: input.type, data: { ...input.data, territory: await this.resolveTerritory(input.data.territory) } }
          : input;
    if ('party' in command.data) await this.requireRegistered(command.data.party);
    await this.requireEntitled(instrumentId, command, request);
    return this.runner.run({
      stream: instrumentStream(instrumentId),
      decider: instrumentDecider,
      command,
      request,
      legalDateOf,
    });
  }

  /**
   * The rules the route cannot state alone because they depend on the record: a reviewer decides and comments
   * only in a round it is named in; the depositary corrects the party acts it records, not the adoption or opening.
   */
  private async requireEntitled(instrumentId: string, command: InstrumentCommand, request: CommandRequest): Promise<void> {
    const roles = request.principal.roles;
    if (roles.includes('legal-officer')) return;
    if (command.type !== 'CommentOnReview' && command.type !== 'DecideReview' && command.type !== 'CorrectAct') return;
    const { state } = await currentState(this.store, instrumentDecider, instrumentStream(instrumentId), this.cache);
    if (state.stage === 'none') return; // the domain answers 404
    if (command.type === 'CorrectAct') {
      const act = state.acts[command.data.eventId];
      if (act && act.party === null) {
        throw new ForbiddenException({ code: 'ROLE_REQUIRED', message: 'The adoption and the opening for signature are corrected by a legal officer.' });
      }
      return;
    }
    const round = state.reviews.at(-1);
    const { accountId, displayName } = request.principal;
    if (round && !round.decision && !round.reviewers.includes(accountId) && !round.reviewers.includes(displayName)) {
      throw new ForbiddenException({ code: 'NOT_A_REVIEWER', message: `This review round's reviewers are ${round.reviewers.join(', ')}; ${displayName} is not among them.` });
    }
  }

  /** A party act names a registered party: an unknown code is a 404, as on every other route (eligibility is the domain's 409). */
  private async requireRegistered(code: string): Promise<void> {
    const { state } = await currentState(this.store, partyDecider, partyStream(code), this.cache);
    if (state.status !== 'registered') throw notFound('PARTY_NOT_FOUND', `No party is registered with code ${code}.`);
  }

  /** VCLT 29: a territory registered as a party is named by its code (and must be of kind territory); any other by its name. */
  private async resolveTerritory(named: string): Promise<Territory> {
    const trimmed = named.trim();
    if (!PARTY_CODE_PATTERN.test(trimmed)) return { code: null, name: trimmed };
    const { state } = await currentState(this.store, partyDecider, partyStream(trimmed), this.cache);
    if (state.status !== 'registered') throw notFound('PARTY_NOT_FOUND', `No party is registered with code ${trimmed} (territory); name an unregistered territory by its name.`);
    if (state.kind !== 'territory') throw conflict('NOT_A_TERRITORY', `${state.name} is registered as a party of kind ${state.kind}, not a territory.`);
    return { code: state.code, name: state.name };
  }

  /** Eligible parties must be registered; their names and kinds are copied into the instrument's record. */
  private async resolveCreation(input: CreateInstrumentInput): Promise<CreateInstrument> {
    const { eligibleParties: codes, parentId, ...rest } = input.data;
    const parties = await Promise.all(
      codes.map(async (code) => ({ code, state: fold(partyDecider, await this.store.readStream(partyStream(code))) })),
    );
    const unknown = parties.filter((p) => p.state.status !== 'registered').map((p) => p.code);
    if (unknown.length) {
      throw notFound('PARTY_NOT_FOUND', `No party is registered with code ${unknown.join(', ')}; register parties before naming them (eligibleParties).`);
    }
    const eligibleParties: EligibleParty[] = parties.map(({ state }) =>
      state.status === 'registered' ? { code: state.code, name: state.name, kind: state.kind } : (undefined as never),
    );
    let parent: CreateInstrument['data']['parent'] = null;
    if (parentId) {
      const parentState = fold(instrumentDecider, await this.store.readStream(instrumentStream(parentId)));
      if (parentState.stage === 'none') throw notFound('PARENT_NOT_FOUND', `No instrument with id ${parentId} is recorded (parentId).`);
      parent = { id: parentId, kind: parentState.kind };
    }
    return { type: 'CreateInstrument', data: { ...rest, eligibleParties, parent } };
  }
}
