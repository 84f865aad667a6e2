import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { environment } from '#libs/config';
import { EVENT_STORE, START, type EventStore } from '#libs/event-store';
import type { CommandRequest } from '../common/command-request.js';
import { uuidFromKey } from '../common/command-runner.js';
import { ExecuteInstrumentCommand } from '../instruments/execute-instrument-command.js';
import { ExecutePartyCommand } from '../parties/execute-party-command.js';
import { AccountsService } from '../identity/accounts.service.js';
import type { IdentityConfig } from '../identity/identity.config.js';
import { IDENTITY_CONFIG } from '../identity/identity.tokens.js';
import { demoStory, type DemoStep } from './cclec-story.js';
import { DEMO_ACCOUNTS_FILE, openDemoAccounts } from './demo-accounts.js';

/** The demonstration data is recorded as by the secretariat's own loader. */
const DEMO_PRINCIPAL = { accountId: 'demo-loader', displayName: 'Demonstration data loader', roles: ['legal-officer', 'depositary'] } as const;

export const demoInstrumentId = (instrumentKey: string): string => uuidFromKey('instrument', `demo:${instrumentKey}`);

/**
 * Loads the CCLEC story through the command bus, as a user of the API would. Each step carries an
 * Idempotency-Key, so loading twice records nothing new.
 */
@Injectable()
export class DemoLoader implements OnApplicationBootstrap {
  private readonly logger = new Logger('Demo');

  constructor(
    private readonly bus: CommandBus,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly accounts: AccountsService,
    @Inject(IDENTITY_CONFIG) private readonly identity: IdentityConfig,
  ) {}

  /** On the first start of an empty embedded store, unless DEMO_DATA=off. */
  async onApplicationBootstrap(): Promise<void> {
    const config = environment();
    if (config.get('DEMO_DATA') === 'off' || config.get('EVENT_STORE') !== 'embedded') return;
    if ((await this.store.headPosition()) !== START) return;
    const { recorded } = await this.load();
    this.logger.log(`Empty store: loaded the CCLEC demonstration data (${recorded} commands). Set DEMO_DATA=off to start empty.`);
    const opened = await openDemoAccounts(this.accounts, this.identity.dataDir);
    if (opened.length) {
      // Printed once to the console for whoever started the service, not to the logs (no password in a log line);
      // a silenced service (LOG_LEVEL=silent, as under test) prints nothing: the file has them.
      if (environment().get('LOG_LEVEL') !== 'silent') process.stdout.write(
        `\nDemonstration accounts (passwords shown once; also in ${DEMO_ACCOUNTS_FILE} in DATA_DIR, readable by its owner only):\n` +
          opened.map((a) => `  ${a.username.padEnd(16)} ${a.password}  ${a.role}${a.parties.length ? ` ${a.parties.join(',')}` : ''}`).join('\n') +
          '\n\n',
      );
      this.logger.log(`Opened ${opened.length} demonstration accounts; their passwords are in ${DEMO_ACCOUNTS_FILE} in DATA_DIR.`);
    }
  }

  async load(): Promise<{ recorded: number; alreadyThere: number }> {
    let recorded = 0;
    let alreadyThere = 0;
    // The event each step recorded first (a replayed step answers with the events it recorded then).
    const eventOf = new Map<string, string>();
    for (const step of demoStory()) {
      const request: CommandRequest = { principal: DEMO_PRINCIPAL, correlationId: 'demo-data', ifMatch: undefined, idempotencyKey: `demo:${step.key}` };
      const result =
        'party' in step
          ? await this.bus.execute(new ExecutePartyCommand(step.party, request))
          : await this.bus.execute(new ExecuteInstrumentCommand(demoInstrumentId(step.instrument), this.answering(eventOf, step, this.withId(step.instrument, step.command)), request));
      const first = result.events[0]?.id;
      if (first) eventOf.set(step.key, first);
      if (result.replayed) alreadyThere++;
      else recorded++;
    }
    return { recorded, alreadyThere };
  }

  /** An objection or a withdrawal names the event of the act it answers, recorded by an earlier step. */
  private answering(eventOf: ReadonlyMap<string, string>, step: DemoStep, command: ExecuteInstrumentCommand['input']): ExecuteInstrumentCommand['input'] {
    if (!('answers' in step) || !step.answers) return command;
    const id = eventOf.get(step.answers.step);
    if (!id) throw new Error(`Demonstration step ${step.key} answers ${step.answers.step}, which recorded nothing.`);
    return { ...command, data: { ...command.data, [step.answers.field]: id } } as ExecuteInstrumentCommand['input'];
  }

  private withId(instrument: string, command: ExecuteInstrumentCommand['input']): ExecuteInstrumentCommand['input'] {
    return command.type === 'CreateInstrument' ? { ...command, data: { ...command.data, instrumentId: demoInstrumentId(instrument) } } : command;
  }
}
