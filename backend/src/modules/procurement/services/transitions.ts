import { Actor } from '../../../platform/access';
import { ProcurementError, ProcurementErrorCode } from '../domain/procurement.errors';
import { checkTransition, MachineActor, Transition } from '../domain/state-machines';

/** Throws the context's 409 when a transition is not in the machine's table for this actor. */
export function assertTransition<S extends string>(
  table: readonly Transition<S>[],
  what: string,
  code: ProcurementErrorCode,
  from: S,
  to: S,
  actor: Actor,
  system = false,
): void {
  const as: MachineActor[] = system ? ['SYSTEM'] : actor.roles;
  const problem = checkTransition(table, what, from, to, as);
  if (problem) throw new ProcurementError(code, problem, { from, to });
}
