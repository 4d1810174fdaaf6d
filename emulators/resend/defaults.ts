// Defaults shared by the emulator, its runner and anyone pointing an app at it.

export const DEFAULT_HOST = "127.0.0.1";
export const DEFAULT_PORT = 4020;
/** The domains GET /domains reports verified: the app's default EMAIL_FROM is at example.com. */
export const DEFAULT_DOMAINS = "example.com";
