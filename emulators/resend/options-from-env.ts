// The Resend stand-in's options from the environment, for its own runner and `npm run emulators`.
import { portOption, stateFileOption, stringOption, type EnvSource } from "../shared/env-options";
import { DEFAULT_DOMAINS, DEFAULT_HOST, DEFAULT_PORT } from "./defaults";
import type { ResendEmulatorOptions } from "./server";

export function resendOptionsFromEnv(env: EnvSource): Omit<ResendEmulatorOptions, "log"> {
  return {
    host: stringOption(env, "RESEND_EMULATOR_HOST", DEFAULT_HOST),
    port: portOption(env, "RESEND_EMULATOR_PORT", DEFAULT_PORT),
    stateFile: stateFileOption(env, "RESEND_EMULATOR_STATE_FILE", "resend-emulator.json"),
    // The app's own key, when it has one, is the only one accepted; otherwise any `re_…` key is.
    apiKey: env.RESEND_API_KEY?.trim() || null,
    domains: stringOption(env, "RESEND_EMULATOR_DOMAINS", DEFAULT_DOMAINS),
  };
}
