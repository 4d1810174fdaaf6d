// Defaults shared by the emulator, its runner and anyone pointing an app at it.

/** The key a local app uses when none is configured; any `re_…` key works unless one is pinned. */
export const DEFAULT_RESEND_API_KEY = "re_local_development_key";

export const DEFAULT_HOST = "127.0.0.1";
export const DEFAULT_PORT = 4020;
export const DEFAULT_STATE_FILE = ".data/resend-emulator.json";
