import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, START, type EventStore, type LogPosition } from '#libs/event-store';
import { Projector, recordedAtOf } from '#libs/read-models';

/** How far the lag is counted: enough for any alert, and a bounded read of the log when far behind. */
export const LAG_COUNT_LIMIT = 10_000;

export interface ProjectionLag {
  /** The log's head position (null: an empty log). */
  readonly head: bigint | null;
  /** The position the read models reflect (null: nothing applied). */
  readonly position: bigint | null;
  /** Events after `position`, counted up to `limit` (positions are opaque: EventStoreDB's are byte offsets). */
  readonly events: number;
  /** recordedAt of the head minus recordedAt of the last event applied (0 when caught up). */
  readonly seconds: number;
}

const orNull = (position: LogPosition): bigint | null => (position === START ? null : position);

/** How far the read models are behind the log, for the metrics and the readiness check. */
@Injectable()
export class ProjectionLagProbe {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly projector: Projector,
  ) {}

  async measure(limit = LAG_COUNT_LIMIT): Promise<ProjectionLag> {
    const position = this.projector.position;
    const head = await this.store.headPosition();
    if (head === START || (position !== START && position >= head)) {
      return { head: orNull(head), position: orNull(position), events: 0, seconds: 0 };
    }
    const behind = await this.store.readAll({ after: position, limit });
    const newest = behind.at(-1);
    // Far behind, the newest event read stands for the head: the lag in seconds is then at least this.
    const applied = this.projector.lastAppliedRecordedAt ?? (behind[0] ? recordedAtOf(behind[0]) : null);
    const seconds = newest && applied ? Math.max(0, (Date.parse(recordedAtOf(newest)) - Date.parse(applied)) / 1000) : 0;
    return { head: orNull(head), position: orNull(position), events: behind.length, seconds };
  }
}
