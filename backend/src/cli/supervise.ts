import { hostname } from 'node:os';
import { extname, join } from 'node:path';
import pino from 'pino';

import { DEFAULT_RESTART_POLICY } from './supervisor/restart-backoff';
import { ProcessSpec, Supervisor } from './supervisor/supervisor';

/**
 * `npm start` serves through this: one supervisor runs the API and the BullMQ worker. A process that
 * exits is restarted with exponential back-off (1 s doubling to 30 s, reset after a minute up) while
 * the other keeps running; every exit and restart is a JSON line on stdout. SIGINT/SIGTERM/SIGHUP are
 * forwarded to both for a graceful stop, and the supervisor exits once both have stopped.
 *
 * The children are started with the same node and node options as the supervisor (so it also runs from
 * the TypeScript sources under ts-node, as the integration tests do) and the same environment.
 */
function processes(): ProcessSpec[] {
  const ext = extname(__filename); // '.js' in dist, '.ts' under ts-node
  const entry = (file: string): string[] => [...process.execArgv, join(__dirname, '..', `${file}${ext}`)];
  return [
    { name: 'api', command: process.execPath, args: entry('main') },
    { name: 'worker', command: process.execPath, args: entry('worker') },
  ];
}

function main(): void {
  // Always at info: starts, exits and restarts are what an operator reads this log for. Written synchronously: a
  // few lines, in order, and all of them out before process.exit.
  const log = pino(
    { base: { name: 'supervisor', supervisorPid: process.pid, hostname: hostname() } },
    pino.destination({ dest: 1, sync: true }),
  );
  const supervisor = new Supervisor(processes(), DEFAULT_RESTART_POLICY, log);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      void supervisor.stop(signal === 'SIGHUP' ? 'SIGTERM' : signal).then(() => {
        log.info({}, 'all processes stopped');
        process.exit(0);
      });
    });
  }
  supervisor.start();
}

main();
