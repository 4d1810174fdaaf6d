// The process's lifecycle, shared by the launcher (scripts/serve.ts, scripts/worker.ts) and the app's
// bundles through globalThis: whether shutdown has begun (readiness turns 503), and what to stop then.
type ShutdownHook = { name: string; run: (deadline: number) => Promise<void> };

interface Lifecycle {
  shuttingDown: boolean;
  hooks: ShutdownHook[];
}

const globalForLifecycle = globalThis as unknown as { payrollLifecycle?: Lifecycle };

function lifecycle(): Lifecycle {
  return (globalForLifecycle.payrollLifecycle ??= { shuttingDown: false, hooks: [] });
}

export function isShuttingDown(): boolean {
  return lifecycle().shuttingDown;
}

/** Registers work to stop on shutdown (job workers, pools); hooks run in the order registered. */
export function onShutdown(name: string, run: (deadline: number) => Promise<void>): void {
  lifecycle().hooks.push({ name, run });
}

/** Marks the process as stopping: from now on /api/ready answers 503. */
export function beginShutdown(): void {
  lifecycle().shuttingDown = true;
}

/**
 * Runs every hook, each given the same deadline (epoch ms) to finish by; a hook that fails or is late
 * is reported and the next one still runs. Returns the names of the hooks that did not finish cleanly.
 */
export async function runShutdownHooks(deadline: number): Promise<string[]> {
  const failed: string[] = [];
  for (const hook of lifecycle().hooks) {
    const left = Math.max(0, deadline - Date.now());
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<"late">((resolve) => (timer = setTimeout(() => resolve("late"), left + 1000)));
    const outcome = await Promise.race([hook.run(deadline).then(() => "done" as const), late]).catch(
      () => "failed" as const,
    );
    clearTimeout(timer);
    if (outcome !== "done") failed.push(`${hook.name} (${outcome})`);
  }
  return failed;
}
