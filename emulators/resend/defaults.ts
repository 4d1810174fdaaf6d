// Defaults shared by the emulator, its runner and anyone pointing an app at it.

export const DEFAULT_HOST = "127.0.0.1";
export const DEFAULT_PORT = 4020;
