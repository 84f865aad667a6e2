/** The one place the service reads the time; tests replace it. */
export abstract class Clock {
  abstract now(): Date;
  /** The server's calendar date (set TZ to the secretariat's zone), as yyyy-MM-dd. */
  today(): string {
    // Read on many requests: the local date's fields directly (what date-fns' format printed, at a fraction of its cost).
    const now = this.now();
    const month = now.getMonth() + 1;
    const day = now.getDate();
    return `${String(now.getFullYear()).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
  }
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}
