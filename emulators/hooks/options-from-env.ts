// The hooks stand-in's options from the environment, for `npm run emulators`.
import { portOption, stringOption, type EnvSource } from "../shared/env-options";
import type { HooksEmulatorOptions } from "./server";

export function hooksOptionsFromEnv(env: EnvSource): Omit<HooksEmulatorOptions, "log"> {
  return {
    host: stringOption(env, "HOOKS_EMULATOR_HOST", "127.0.0.1"),
    port: portOption(env, "HOOKS_EMULATOR_PORT", 4030),
  };
}
