import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

/** A JSON log line of the supervisor or of one of its processes (they share stdout). */
export type LogLine = Record<string, unknown> & { msg?: string; pid?: number; name?: string };

export interface Supervised {
  port: number;
  baseUrl: string;
  process: ChildProcess;
  lines: LogLine[];
  /** Resolves with the first line (already seen or to come) that matches, or fails after `ms`. */
  waitForLine(match: (l: LogLine) => boolean, ms: number, what: string): Promise<LogLine>;
  /** The current pid of `api` or `worker`, as the supervisor last reported it. */
  pidOf(name: 'api' | 'worker'): number;
  /** SIGTERM to the supervisor; resolves with its exit code and signal. */
  stop(ms?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const ROOT = join(__dirname, '..', '..', '..');

/**
 * Starts `npm start`'s supervisor (backend/src/cli/supervise.ts) from the sources under ts-node, with the run's
 * schema and queue prefix (process.env, set by global-setup) and its own port. Its processes log at info so that
 * the test can see the worker come up ("worker started").
 */
export async function startSupervisor(port: number, env: NodeJS.ProcessEnv = {}): Promise<Supervised> {
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', join(ROOT, 'backend/src/cli/supervise.ts')],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: String(port),
        TS_NODE_PROJECT: join(ROOT, 'backend/tsconfig.app.json'),
        STATIC_DIR: '/nonexistent',
        LOG_LEVEL: 'info',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const lines: LogLine[] = [];
  const waiters: Array<{ match: (l: LogLine) => boolean; resolve: (l: LogLine) => void }> = [];
  const output: string[] = [];
  let buffered = '';
  const onData = (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    let nl: number;
    while ((nl = buffered.indexOf('\n')) >= 0) {
      const text = buffered.slice(0, nl);
      buffered = buffered.slice(nl + 1);
      output.push(text);
      if (output.length > 400) output.shift();
      let line: LogLine;
      try {
        line = JSON.parse(text) as LogLine;
      } catch {
        continue;
      }
      lines.push(line);
      for (const w of [...waiters])
        if (w.match(line)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(line);
        }
    }
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );

  const waitForLine = (match: (l: LogLine) => boolean, ms: number, what: string): Promise<LogLine> => {
    const seen = lines.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise<LogLine>((resolve, reject) => {
      const timer = setTimeout(() => {
        waiters.splice(waiters.indexOf(entry), 1);
        reject(new Error(`no log line "${what}" within ${ms} ms; last output:\n${output.slice(-40).join('\n')}`));
      }, ms);
      const entry = {
        match,
        resolve: (l: LogLine) => {
          clearTimeout(timer);
          resolve(l);
        },
      };
      waiters.push(entry);
    });
  };

  const sup: Supervised = {
    port,
    baseUrl: `http://127.0.0.1:${port}`,
    process: child,
    lines,
    waitForLine,
    pidOf(name) {
      const last = [...lines]
        .reverse()
        .find((l) => l.name === 'supervisor' && l.process === name && /started|restarted/.test(l.msg ?? ''));
      if (!last) throw new Error(`no ${name} started yet`);
      return last.pid as number;
    },
    async stop(ms = 30_000) {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), ms);
      try {
        return await exited;
      } finally {
        clearTimeout(timer);
      }
    },
  };

  // Up: the API answers, and the worker has finished its start-up (the reconciler's first pass included).
  await sup.waitForLine((l) => l.name === 'supervisor' && l.msg === 'worker started', 30_000, 'worker started');
  await workerReady(sup, sup.pidOf('worker'));
  await waitForHealth(sup.baseUrl, 60_000);
  return sup;
}

/** The worker process with this pid logged that it is up (NestJS context created, consumers running). */
export function workerReady(sup: Supervised, pid: number, ms = 60_000): Promise<LogLine> {
  return sup.waitForLine((l) => l.pid === pid && l.msg === 'worker started', ms, `worker ${pid} up`);
}

export async function waitForHealth(baseUrl: string, ms: number): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    try {
      if ((await fetch(`${baseUrl}/api/health`)).status === 200) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error(`${baseUrl}/api/health did not answer within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Asks /api/health every `everyMs` until stopped; returns each answer's status (0 when the request failed). */
export function pollHealth(baseUrl: string, everyMs = 100): { stop: () => Promise<number[]> } {
  const statuses: number[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      try {
        statuses.push((await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2000) })).status);
      } catch {
        statuses.push(0);
      }
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return statuses;
    },
  };
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
