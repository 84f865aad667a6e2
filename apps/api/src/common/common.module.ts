import { Global, Module } from '@nestjs/common';
import { environment } from '#libs/config';
import { StreamStateCache } from '#libs/event-store';
import { Clock, SystemClock } from './clock.js';
import { CommandRunner } from './command-runner.js';
import { KeyedMutex } from './keyed-mutex.js';

@Global()
@Module({
  providers: [
    { provide: Clock, useClass: SystemClock },
    KeyedMutex,
    // read when the module is built, so a bad COMMAND_STATE_CACHE_SIZE fails the start
    { provide: StreamStateCache, useFactory: () => new StreamStateCache(environment().get('COMMAND_STATE_CACHE_SIZE')) },
    CommandRunner,
  ],
  exports: [Clock, KeyedMutex, StreamStateCache, CommandRunner],
})
export class CommonModule {}
