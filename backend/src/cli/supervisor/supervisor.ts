import { ChildProcess, spawn } from 'node:child_process';

import { nextRestart, RestartPolicy } from './restart-backoff';

/** One supervised program: a name for the log, and the command that starts it. */
export interface ProcessSpec {
  name: string;
  command: string;
  args: string[];
}

/** The few log calls the supervisor makes (pino's signature: fields first, then the message). */
export interface SupervisorLog {
  info(fields: Record<string, unknown>, msg: string): void;
  warn(fields: Record<string, unknown>, msg: string): void;
  error(fields: Record<string, unknown>, msg: string): void;
}

interface Slot {
  spec: ProcessSpec;
  child?: ChildProcess;
  pid?: number;
  startedAt: number;
  crashes: number;
  restarts: number;
  restartTimer?: NodeJS.Timeout;
}

/**
 * Runs each process, restarts one that exits with back-off while the others keep running, and on
 * stop forwards the signal to every running process and resolves when all have exited.
 *
 * Children run in their own process group (`detached`) so that a Ctrl-C in the terminal reaches the
 * supervisor only, and each child gets exactly one signal (the forwarded one): a NestJS process that
 * received a second SIGINT during its graceful shutdown would die on the spot. Each child also gets an
 * IPC channel, whose end tells it that the supervisor is gone (see child.ts), so that a supervisor
 * killed with SIGKILL does not leave orphans holding the port.
 */
export class Supervisor {
  private readonly slots: Slot[];
  private stopping = false;
  private stopped?: Promise<void>;
  private resolveStopped?: () => void;

  constructor(
    specs: ProcessSpec[],
    private readonly policy: RestartPolicy,
    private readonly log: SupervisorLog,
    private readonly hardStopMs = 30_000,
  ) {
    this.slots = specs.map((spec) => ({ spec, startedAt: 0, crashes: 0, restarts: 0 }));
  }

  start(): void {
    for (const slot of this.slots) this.spawn(slot);
  }

  /** The pid of each running process (for tests and diagnostics). */
  pids(): Record<string, number | undefined> {
    return Object.fromEntries(this.slots.map((s) => [s.spec.name, s.child ? s.pid : undefined]));
  }

  /**
   * Forwards `signal` to every running process, cancels pending restarts and resolves once every
   * process has exited. A process still running after `hardStopMs` is killed (SIGKILL). Calling it
   * again (a second Ctrl-C, or npm forwarding the same signal) changes nothing.
   */
  stop(signal: NodeJS.Signals): Promise<void> {
    if (this.stopped) return this.stopped;
    this.stopping = true;
    this.stopped = new Promise<void>((resolve) => (this.resolveStopped = resolve));
    this.log.info({ signal }, 'stopping: forwarding the signal to every process');
    for (const slot of this.slots) {
      if (slot.restartTimer) clearTimeout(slot.restartTimer);
      slot.restartTimer = undefined;
      slot.child?.kill(signal);
    }
    const hard = setTimeout(() => {
      for (const slot of this.slots) {
        if (!slot.child) continue;
        this.log.warn(
          { process: slot.spec.name, pid: slot.pid, afterMs: this.hardStopMs },
          'did not stop in time: killed',
        );
        slot.child.kill('SIGKILL');
      }
    }, this.hardStopMs);
    hard.unref();
    this.resolveIfAllStopped();
    return this.stopped.finally(() => clearTimeout(hard));
  }

  private spawn(slot: Slot): void {
    const child = spawn(slot.spec.command, slot.spec.args, {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      detached: true,
      env: process.env,
    });
    const previousPid = slot.pid;
    slot.child = child;
    slot.pid = child.pid;
    slot.startedAt = Date.now();
    let exited = false;
    const onExit = (code: number | null, signal: NodeJS.Signals | null, error?: Error) => {
      if (exited) return; // 'error' and 'exit' can both fire for one failed spawn
      exited = true;
      if (slot.child === child) slot.child = undefined;
      this.exited(slot, child.pid, code, signal, error);
    };
    child.once('exit', (code, signal) => onExit(code, signal));
    child.once('error', (err) => onExit(null, null, err));
    if (slot.restarts === 0) this.log.info({ process: slot.spec.name, pid: child.pid }, `${slot.spec.name} started`);
    else
      this.log.warn(
        { process: slot.spec.name, pid: child.pid, previousPid, restarts: slot.restarts },
        `${slot.spec.name} restarted`,
      );
  }

  private exited(
    slot: Slot,
    pid: number | undefined,
    code: number | null,
    signal: NodeJS.Signals | null,
    error: Error | undefined,
  ): void {
    const upMs = Date.now() - slot.startedAt;
    const fields = { process: slot.spec.name, pid, code, signal, upMs, ...(error ? { error: error.message } : {}) };
    if (this.stopping) {
      this.log.info(fields, `${slot.spec.name} stopped`);
      this.resolveIfAllStopped();
      return;
    }
    // Any exit that we did not ask for is a crash, even with code 0: the supervisor's job is to keep both running.
    const { crashes, delayMs } = nextRestart(this.policy, slot.crashes, upMs);
    slot.crashes = crashes;
    this.log.error({ ...fields, crashes, restartInMs: delayMs }, `${slot.spec.name} exited; restarting`);
    slot.restartTimer = setTimeout(() => {
      slot.restartTimer = undefined;
      if (this.stopping) return;
      slot.restarts++;
      this.spawn(slot);
    }, delayMs);
  }

  private resolveIfAllStopped(): void {
    if (this.stopping && this.slots.every((s) => !s.child)) this.resolveStopped?.();
  }
}
