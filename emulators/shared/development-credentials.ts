// The development credentials every local piece agrees on: the stand-ins accept them, `npm start`
// (scripts/lib/local-env.ts) and the test setups hand them to the app, and .env.example shows them.
// None of them is a real Finch or Resend credential.
export const DEVELOPMENT_CREDENTIALS = {
  FINCH_CLIENT_ID: "finch-local-client",
  FINCH_CLIENT_SECRET: "finch-local-secret",
  /** Base64, exactly as Finch hands out webhook secrets (the SDK base64-decodes it before HMAC). */
  FINCH_WEBHOOK_SECRET: "bG9jYWwtZmluY2gtd2ViaG9vay1zZWNyZXQtMzJieXRlcw==",
  /** The Resend stand-in accepts any `re_…` key unless one is pinned; this is the local one. */
  RESEND_API_KEY: "re_local_development_key",
} as const;
