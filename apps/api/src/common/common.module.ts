import { Global, Module } from '@nestjs/common';
import { Clock, SystemClock } from './clock.js';
import { CommandRunner } from './command-runner.js';
import { KeyedMutex } from './keyed-mutex.js';

@Global()
@Module({
  providers: [{ provide: Clock, useClass: SystemClock }, KeyedMutex, CommandRunner],
  exports: [Clock, KeyedMutex, CommandRunner],
})
export class CommonModule {}
