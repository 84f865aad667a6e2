import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { EVENT_STORE, START, type EventStore } from '#libs/event-store';
import type { CommandRequest } from '../common/command-request.js';
import { uuidFromKey } from '../common/command-runner.js';
import { ExecuteInstrumentCommand } from '../instruments/execute-instrument-command.js';
import { ExecutePartyCommand } from '../parties/execute-party-command.js';
import { demoStory } from './cclec-story.js';

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
  ) {}

  /** On the first start of an empty embedded store, unless DEMO_DATA=off. */
  async onApplicationBootstrap(): Promise<void> {
    const mode = (process.env.DEMO_DATA ?? 'auto').toLowerCase();
    if (mode === 'off' || (process.env.EVENT_STORE ?? 'embedded') !== 'embedded') return;
    if ((await this.store.headPosition()) !== START) return;
    const { recorded } = await this.load();
    this.logger.log(`Empty store: loaded the CCLEC demonstration data (${recorded} commands). Set DEMO_DATA=off to start empty.`);
  }

  async load(): Promise<{ recorded: number; alreadyThere: number }> {
    let recorded = 0;
    let alreadyThere = 0;
    for (const step of demoStory()) {
      const request: CommandRequest = { actor: 'demo-loader', correlationId: 'demo-data', ifMatch: undefined, idempotencyKey: `demo:${step.key}` };
      const result =
        'party' in step
          ? await this.bus.execute(new ExecutePartyCommand(step.party, request))
          : await this.bus.execute(new ExecuteInstrumentCommand(demoInstrumentId(step.instrument), this.withId(step.instrument, step.command), request));
      if (result.replayed) alreadyThere++;
      else recorded++;
    }
    return { recorded, alreadyThere };
  }

  private withId(instrument: string, command: ExecuteInstrumentCommand['input']): ExecuteInstrumentCommand['input'] {
    return command.type === 'CreateInstrument' ? { ...command, data: { ...command.data, instrumentId: demoInstrumentId(instrument) } } : command;
  }
}
