import { format } from 'date-fns';

/** The one place the service reads the time; tests replace it. */
export abstract class Clock {
  abstract now(): Date;
  /** The server's calendar date (set TZ to the secretariat's zone). */
  today(): string {
    return format(this.now(), 'yyyy-MM-dd');
  }
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}
