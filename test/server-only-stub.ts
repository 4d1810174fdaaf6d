// Vitest runs server modules directly; the real `server-only` package throws outside a server bundle.
export {};
