// Local defaults for the embedded product: the stand-ins' development credentials and secrets that
// are generated once and kept in the git-ignored data folder, so sessions and tokens survive restarts.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { DEVELOPMENT_CREDENTIALS } from "../../emulators/shared/development-credentials";

export const DATA_DIR = path.resolve(process.env.DATA_DIR ?? path.join(__dirname, "..", "..", ".data"));

export const LOCAL_PORTS = {
  app: Number(process.env.PORT ?? 3000),
  finch: Number(process.env.FINCH_EMULATOR_PORT ?? 4010),
  resend: Number(process.env.RESEND_EMULATOR_PORT ?? 4020),
  hooks: Number(process.env.HOOKS_EMULATOR_PORT ?? 4030),
  db: Number(process.env.EMBEDDED_DB_PORT ?? 54329),
};

interface LocalSecrets {
  AUTH_SECRET: string;
  TOKEN_ENCRYPTION_KEYS: string;
}

function localSecrets(): LocalSecrets {
  const file = path.join(DATA_DIR, "local-secrets.json");
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, "utf8")) as LocalSecrets;
  const secrets: LocalSecrets = {
    AUTH_SECRET: crypto.randomBytes(32).toString("base64url"),
    TOKEN_ENCRYPTION_KEYS: `local-1:${crypto.randomBytes(32).toString("base64")}`,
  };
  fs.mkdirSync(DATA_DIR, { recursive: true });
  fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

/**
 * Fills what the environment leaves unset for a local run: the stand-ins' URLs and credentials and
 * generated secrets. Values already set (a .env file, the shell) always win.
 */
export function withLocalDefaults(base: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const appUrl = base.APP_URL || `http://localhost:${LOCAL_PORTS.app}`;
  const finchUrl = `http://127.0.0.1:${LOCAL_PORTS.finch}`;
  const defaults: Record<string, string> = {
    ...DEVELOPMENT_CREDENTIALS,
    EMAIL_FROM: "Payroll Connections <connections@example.com>",
    ...localSecrets(),
    APP_URL: appUrl,
    NEXTAUTH_URL: appUrl,
    FINCH_BASE_URL: finchUrl,
    FINCH_CONNECT_URL: finchUrl,
    RESEND_BASE_URL: `http://127.0.0.1:${LOCAL_PORTS.resend}`,
    LOCAL_RUN: "on",
    HOOKS_INBOX_URL: `http://127.0.0.1:${LOCAL_PORTS.hooks}`,
  };
  const merged: NodeJS.ProcessEnv = { ...base };
  for (const [key, value] of Object.entries(defaults)) if (!merged[key]) merged[key] = value;
  return merged;
}
