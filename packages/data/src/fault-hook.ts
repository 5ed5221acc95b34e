/**
 * Named points inside multi-step writes where a test can make the process die (a crash, a timeout,
 * a lost connection) to prove that nothing is half-written. Production code calls `fault(point)`,
 * which does nothing unless a hook was installed.
 */
export const faultPoints = ['afterReserve', 'duringRows', 'beforeFlip', 'afterFlip'] as const;
/** Points of the long jobs: after each step of a tree job, after each page of a province merge. */
export const jobFaultPoints = ['treeJobStep', 'provinceMergeStep'] as const;
export type FaultPoint = (typeof faultPoints)[number] | (typeof jobFaultPoints)[number];
export type FaultHook = (point: FaultPoint) => void | Promise<void>;

let installed: FaultHook | undefined;

export function installFaultHook(hook: FaultHook | undefined): void {
  installed = hook;
}

export async function fault(point: FaultPoint): Promise<void> {
  if (installed) await installed(point);
}

/**
 * The process kills itself with SIGKILL at that point (crash tests set it through `KD_FAULT_KILL_AT`):
 * `point`, or `point#n` for its n-th passage (the middle of a long job).
 */
export function installKillAt(at: string | undefined): void {
  if (!at) return;
  const [name, nth] = at.split('#');
  let seen = 0;
  installFaultHook((point) => {
    if (point === name && ++seen >= Number(nth ?? 1)) process.kill(process.pid, 'SIGKILL');
  });
}
