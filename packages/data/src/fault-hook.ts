/**
 * Named points inside multi-step writes where a test can make the process die (a crash, a timeout,
 * a lost connection) to prove that nothing is half-written. Production code calls `fault(point)`,
 * which does nothing unless a hook was installed.
 */
export const faultPoints = ['afterReserve', 'duringRows', 'beforeFlip', 'afterFlip'] as const;
export type FaultPoint = (typeof faultPoints)[number];
export type FaultHook = (point: FaultPoint) => void | Promise<void>;

let installed: FaultHook | undefined;

export function installFaultHook(hook: FaultHook | undefined): void {
  installed = hook;
}

export async function fault(point: FaultPoint): Promise<void> {
  if (installed) await installed(point);
}

/** The process kills itself with SIGKILL at that point (crash tests set it through `KD_FAULT_KILL_AT`). */
export function installKillAt(at: string | undefined): void {
  if (!at) return;
  installFaultHook((point) => {
    if (point === at) process.kill(process.pid, 'SIGKILL');
  });
}
