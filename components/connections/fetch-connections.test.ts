import { afterEach, describe, expect, it, vi } from "vitest";
import { fetchConnections } from "./fetch-connections";

const answer = { connections: [{ id: "c1", providerName: "Gusto" }] };

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("fetchConnections", () => {
  it("sends the last ETag back and reuses the last answer on a 304", async () => {
    const seen: (string | null)[] = [];
    const responses = [
      new Response(JSON.stringify(answer), { status: 200, headers: { ETag: '"v1"' } }),
      new Response(null, { status: 304, headers: { ETag: '"v1"' } }),
      new Response(JSON.stringify({ connections: [] }), { status: 200, headers: { ETag: '"v2"' } }),
      new Response(null, { status: 304, headers: { ETag: '"v2"' } }),
    ];
    vi.stubGlobal("fetch", async (_url: string, init: RequestInit) => {
      seen.push(new Headers(init.headers).get("if-none-match"));
      return responses.shift()!;
    });
    const url = "/api/connections?test=etag";
    const first = await fetchConnections(url);
    expect(first).toEqual(answer);
    expect(await fetchConnections(url)).toBe(first);
    expect(await fetchConnections(url)).toEqual({ connections: [] });
    expect(await fetchConnections(url)).toEqual({ connections: [] });
    expect(seen).toEqual([null, '"v1"', '"v1"', '"v2"']);
  });

  it("throws the server's message on an error and keeps no ETag without one", async () => {
    vi.stubGlobal(
      "fetch",
      async () => new Response(JSON.stringify({ error: "Sign in to continue." }), { status: 401 }),
    );
    await expect(fetchConnections("/api/connections?test=error")).rejects.toThrow("Sign in to continue.");
  });
});
