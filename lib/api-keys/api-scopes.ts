// What an API key may do: each /api/v1 endpoint names the one scope it needs.
export const API_SCOPES = [
  "connections:read",
  "connections:write",
  "tokens:read",
  "links:write",
  "webhooks:write",
] as const;

export type ApiScope = (typeof API_SCOPES)[number];

export function isApiScope(value: string): value is ApiScope {
  return (API_SCOPES as readonly string[]).includes(value);
}

/** "a,b" as scopes; every scope when empty; throws naming the first unknown word. */
export function parseScopes(list: string | undefined): ApiScope[] {
  const words = (list ?? "")
    .split(",")
    .map((word) => word.trim())
    .filter(Boolean);
  if (words.length === 0) return [...API_SCOPES];
  const unknown = words.find((word) => !isApiScope(word));
  if (unknown) throw new Error(`Unknown scope "${unknown}". Scopes: ${API_SCOPES.join(", ")}.`);
  return [...new Set(words as ApiScope[])];
}
