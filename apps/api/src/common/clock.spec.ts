import { format } from 'date-fns';
import { Clock } from './clock.js';

class FixedClock extends Clock {
  constructor(private readonly at: Date) {
    super();
  }
  now(): Date {
    return this.at;
  }
}

describe('the clock', () => {
  it("answers the local calendar date as yyyy-MM-dd, as date-fns' format does", () => {
    const days = [new Date(2024, 0, 1, 0, 0, 0), new Date(2024, 1, 29, 23, 59, 59), new Date(1999, 11, 31, 12), new Date(2026, 9, 9, 5)];
    for (let t = Date.UTC(2020, 0, 1); t < Date.UTC(2021, 0, 1); t += 7 * 3_600_000 + 13 * 60_000) days.push(new Date(t));
    for (const day of days) expect(new FixedClock(day).today()).toBe(format(day, 'yyyy-MM-dd'));
  });
});
