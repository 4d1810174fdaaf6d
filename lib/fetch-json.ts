// The browser's JSON fetcher: non-2xx responses throw with the server's user-safe message and status.
export class FetchError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code?: string,
  ) {
    super(message);
    this.name = "FetchError";
  }
}

export async function fetchJson<T>(input: string, init?: RequestInit): Promise<T> {
  const response = await fetch(input, { ...init, headers: { Accept: "application/json", ...init?.headers } });
  return readJson<T>(response);
}

/** A response's JSON body, or a FetchError with the server's message when it is not a 2xx. */
export async function readJson<T>(response: Response): Promise<T> {
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const record = body && typeof body === "object" ? (body as { error?: unknown; code?: unknown }) : {};
    const message = typeof record.error === "string" ? record.error : `Request failed (${response.status})`;
    throw new FetchError(message, response.status, typeof record.code === "string" ? record.code : undefined);
  }
  return body as T;
}
