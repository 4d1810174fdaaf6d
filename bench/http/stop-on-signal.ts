// What a stopped benchmark must not leave behind (the app server, the throwaway database): registered
// while alive, run on SIGTERM or SIGINT (bench/run.ts sends SIGTERM when a suite outlives its limit).
const cleanups = new Set<() => Promise<void>>();

export function cleanUpOnSignal(cleanup: () => Promise<void>): () => void {
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    console.error(`http bench: ${signal}, cleaning up`);
    void Promise.allSettled([...cleanups].map((cleanup) => cleanup())).then(() => process.exit(1));
  });
}
