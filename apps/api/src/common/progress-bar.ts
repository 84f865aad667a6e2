import cliProgress from 'cli-progress';

/** A progress bar on the terminal (stderr), with the rate; silent when `quiet` (tests, pipes that ask for it). */
export const progressBar = (label: string, quiet = false) => {
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {percentage}% | {value}/{total} events | {rate} events/s`, stream: process.stderr, hideCursor: true, noTTYOutput: true, notTTYSchedule: 2000 },
    cliProgress.Presets.shades_classic,
  );
  const started = performance.now();
  let running = false;
  const rate = (done: number) => Math.round(done / Math.max((performance.now() - started) / 1000, 1e-3));
  return {
    start(total: number) {
      if (quiet) return;
      running = true;
      bar.start(Math.max(total, 1), 0, { rate: 0 });
    },
    update(done: number, total?: number) {
      if (!running) return;
      if (total !== undefined) bar.setTotal(Math.max(total, done, 1));
      bar.update(done, { rate: rate(done) });
    },
    stop() {
      if (running) bar.stop();
      running = false;
    },
    rate,
  };
};
