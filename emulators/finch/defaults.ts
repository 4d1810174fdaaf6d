// The Finch stand-in's defaults. Its development credentials are in ../shared/development-credentials.ts.
export const DEFAULT_FINCH_EMULATOR_HOST = "127.0.0.1";
export const DEFAULT_FINCH_EMULATOR_PORT = 4010;
export const DEFAULT_FINCH_WEBHOOK_URLS = ["http://localhost:3000/api/finch/webhook"];
export const DEFAULT_WEBHOOK_RETRY_DELAYS_MS = [1_000, 5_000, 30_000, 120_000];
/** The one password the Connect sign-in form accepts, for any username. */
export const CONNECT_PASSWORD = "letmein";
/** Usernames starting with this prefix sign in to a different company (tests the app's same-account check). */
export const OTHER_COMPANY_USERNAME_PREFIX = "other";
/** Usernames starting with this prefix sign in to an employer with three entities (multi-entity mode). */
export const MULTI_ENTITY_USERNAME_PREFIX = "multi";
/** Usernames starting with this prefix see only two of that employer's three entities. */
export const MULTI_PARTIAL_USERNAME_PREFIX = "multi-partial";
