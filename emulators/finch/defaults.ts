// Development defaults shared by the emulator and the app's .env.example, so both sides agree
// without anyone copying secrets around. None of these are real Finch credentials.
export const DEFAULT_FINCH_CLIENT_ID = "finch-local-client";
export const DEFAULT_FINCH_CLIENT_SECRET = "finch-local-secret";
/** Base64, exactly as Finch hands out webhook secrets (the SDK base64-decodes it before HMAC). */
export const DEFAULT_FINCH_WEBHOOK_SECRET = "bG9jYWwtZmluY2gtd2ViaG9vay1zZWNyZXQtMzJieXRlcw==";
export const DEFAULT_FINCH_EMULATOR_HOST = "127.0.0.1";
export const DEFAULT_FINCH_EMULATOR_PORT = 4010;
export const DEFAULT_FINCH_EMULATOR_STATE_FILE = ".data/finch-emulator.json";
export const DEFAULT_FINCH_WEBHOOK_URLS = ["http://localhost:3000/api/finch/webhook"];
export const DEFAULT_WEBHOOK_RETRY_DELAYS_MS = [1_000, 5_000, 30_000, 120_000];
/** The one password the Connect sign-in form accepts, for any username. */
export const CONNECT_PASSWORD = "letmein";
/** Usernames starting with this prefix sign in to a different company (tests the app's same-account check). */
export const OTHER_COMPANY_USERNAME_PREFIX = "other";
