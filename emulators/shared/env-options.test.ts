import path from "node:path";
import { describe, expect, it } from "vitest";
import { finchOptionsFromEnv } from "../finch/options-from-env";
import { resendOptionsFromEnv } from "../resend/options-from-env";
import { listOption, portOption, stateFileOption, stringOption } from "./env-options";

describe("stand-in options from the environment", () => {
  it("treats unset and empty values as the default, and names a malformed port", () => {
    expect(stringOption({}, "HOST", "127.0.0.1")).toBe("127.0.0.1");
    expect(stringOption({ HOST: " " }, "HOST", "127.0.0.1")).toBe("127.0.0.1");
    expect(portOption({ PORT: "0" }, "PORT", 4010)).toBe(0);
    expect(portOption({ PORT: "" }, "PORT", 4010)).toBe(4010);
    expect(() => portOption({ PORT: "http" }, "PORT", 4010)).toThrow(/PORT must be a port number/);
    expect(() => portOption({ PORT: "70000" }, "PORT", 4010)).toThrow(/PORT/);
  });

  it("reads lists and state files: an empty list is none, an empty state file is memory only", () => {
    expect(listOption({}, "URLS", ["a"])).toEqual(["a"]);
    expect(listOption({ URLS: "" }, "URLS", ["a"])).toEqual([]);
    expect(listOption({ URLS: " b, ,c " }, "URLS", ["a"])).toEqual(["b", "c"]);
    expect(stateFileOption({ STATE: "" }, "STATE", "x.json")).toBeNull();
    expect(stateFileOption({ DATA_DIR: "/tmp/d" }, "STATE", "x.json")).toBe(path.join("/tmp/d", "x.json"));
    expect(stateFileOption({}, "STATE", "x.json")).toBe(path.resolve(".data", "x.json"));
  });

  it("gives every stand-in the same reading of the shared settings", () => {
    const env = { DATA_DIR: "/tmp/run", FINCH_EMULATOR_PORT: "0", RESEND_EMULATOR_STATE_FILE: "" };
    expect(finchOptionsFromEnv(env)).toMatchObject({
      port: 0,
      stateFile: "/tmp/run/finch-emulator.json",
      clientId: "finch-local-client",
    });
    expect(resendOptionsFromEnv(env)).toMatchObject({ port: 4020, stateFile: null, apiKey: null });
  });
});
