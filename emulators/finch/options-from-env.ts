// The Finch stand-in's options from the environment, for its own runner and `npm run emulators`.
import { DEVELOPMENT_CREDENTIALS } from "../shared/development-credentials";
import { listOption, portOption, stateFileOption, stringOption, type EnvSource } from "../shared/env-options";
import {
  DEFAULT_FINCH_EMULATOR_HOST,
  DEFAULT_FINCH_EMULATOR_PORT,
  DEFAULT_FINCH_WEBHOOK_URLS,
} from "./defaults";
import type { FinchEmulatorOptions } from "./server";

export function finchOptionsFromEnv(env: EnvSource): Omit<FinchEmulatorOptions, "log"> {
  return {
    host: stringOption(env, "FINCH_EMULATOR_HOST", DEFAULT_FINCH_EMULATOR_HOST),
    port: portOption(env, "FINCH_EMULATOR_PORT", DEFAULT_FINCH_EMULATOR_PORT),
    publicUrl: env.FINCH_EMULATOR_PUBLIC_URL?.trim() || undefined,
    stateFile: stateFileOption(env, "FINCH_EMULATOR_STATE_FILE", "finch-emulator.json"),
    clientId: stringOption(env, "FINCH_CLIENT_ID", DEVELOPMENT_CREDENTIALS.FINCH_CLIENT_ID),
    clientSecret: stringOption(env, "FINCH_CLIENT_SECRET", DEVELOPMENT_CREDENTIALS.FINCH_CLIENT_SECRET),
    webhookSecret: stringOption(env, "FINCH_WEBHOOK_SECRET", DEVELOPMENT_CREDENTIALS.FINCH_WEBHOOK_SECRET),
    webhookUrls: listOption(env, "FINCH_EMULATOR_WEBHOOK_URLS", DEFAULT_FINCH_WEBHOOK_URLS),
  };
}
