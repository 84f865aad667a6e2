/**
 * `npm run demo`: loads the CCLEC demonstration data into the configured store through the command bus.
 * Safe to repeat: steps already recorded are recognised by their Idempotency-Key.
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module.js';
import { DemoLoader } from './demo-loader.js';

process.env.DEMO_DATA = 'off'; // this command loads explicitly; skip the on-start load
const app = await NestFactory.createApplicationContext(AppModule, { logger: ['error', 'warn'] });
try {
  const { recorded, alreadyThere } = await app.get(DemoLoader).load();
  console.log(`Demo data: ${recorded} commands recorded, ${alreadyThere} already there.`);
} finally {
  await app.close();
}
