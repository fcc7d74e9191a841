/**
 * Reads `read()` until `done(value)` holds or `ms` pass, and returns the last value read — the caller asserts on it,
 * so a timeout fails with what the state was. For waiting on what a user would see (a row's status after a job),
 * never a fixed pause: it returns as soon as the state is there, however busy the machine.
 */
export async function pollUntil<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 20_000): Promise<T> {
  const stop = Date.now() + ms;
  let value = await read();
  while (!done(value) && Date.now() < stop) {
    await new Promise((r) => setTimeout(r, 100));
    value = await read();
  }
  return value;
}
