/**
 * Called by the API and the worker at start-up. When started by the supervisor, the process has an
 * IPC channel to it; the channel closes when the supervisor ends for any reason — SIGKILL included,
 * which no signal handler sees — and the process then stops gracefully (the same SIGTERM path as a
 * normal stop) instead of living on as an orphan that holds the port. Without a supervisor (a
 * process started by hand, a container) there is no channel and this does nothing.
 */
export function stopWhenSupervisorGoes(): void {
  if (!process.connected || !process.channel) return;
  // The channel must not keep the process alive on its own.
  process.channel.unref();
  process.once('disconnect', () => {
    console.warn(JSON.stringify({ level: 40, time: Date.now(), pid: process.pid, msg: 'supervisor gone: stopping' }));
    process.kill(process.pid, 'SIGTERM');
  });
}
