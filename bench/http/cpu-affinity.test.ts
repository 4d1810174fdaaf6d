import os from "node:os";
import { afterEach, describe, expect, it, vi } from "vitest";
import { cpuSplit, onCpus } from "./cpu-affinity";

describe("cpuSplit", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  it("is off when BENCH_PIN=off", () => {
    vi.stubEnv("BENCH_PIN", "off");
    expect(cpuSplit()).toBeUndefined();
  });

  it("needs a second CPU", () => {
    vi.spyOn(os, "availableParallelism").mockReturnValue(1);
    expect(cpuSplit()).toBeUndefined();
  });

  it("gives CPU 0 to the server and the rest to everything else", () => {
    vi.spyOn(os, "availableParallelism").mockReturnValue(4);
    // The machines this runs on have util-linux's taskset (Debian's, here and in CI).
    expect(cpuSplit()).toEqual({ server: "0", rest: "1-3", all: "0-3" });
  });

  it("names a single other CPU as itself", () => {
    vi.spyOn(os, "availableParallelism").mockReturnValue(2);
    expect(cpuSplit()?.rest).toBe("1");
  });
});

describe("onCpus", () => {
  it("runs the command under taskset only when given CPUs", () => {
    expect(onCpus("0", ["node", "server.js"])).toEqual(["taskset", "-c", "0", "node", "server.js"]);
    expect(onCpus(undefined, ["node", "server.js"])).toEqual(["node", "server.js"]);
  });
});
