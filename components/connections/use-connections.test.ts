import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

// The store is per module (per tab): each test loads a fresh copy with a stand-in window and document.
type Store = typeof import("./use-connections");
const answer = (id: string) => ({ connections: [{ id }] });

let visibility = "visible";
let fetches: { resolve(response: Response): void }[] = [];
let store: Store;

beforeEach(async () => {
  vi.useFakeTimers();
  vi.resetModules();
  visibility = "visible";
  fetches = [];
  vi.stubGlobal("window", { addEventListener: vi.fn(), removeEventListener: vi.fn() });
  vi.stubGlobal("document", {
    get visibilityState() {
      return visibility;
    },
    addEventListener: vi.fn(),
    removeEventListener: vi.fn(),
  });
  vi.stubGlobal("fetch", () => new Promise<Response>((resolve) => fetches.push({ resolve })));
  store = await import("./use-connections");
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const ok = (body: unknown, etag: string) =>
  new Response(JSON.stringify(body), { status: 200, headers: { ETag: etag } });
const settle = () => vi.advanceTimersByTimeAsync(0);

describe("the connections store", () => {
  it("asks once when the first list appears, then every 15 s while visible, and stops with the last", async () => {
    const listener = vi.fn();
    const stop = store.subscribeToConnections(listener);
    expect(fetches).toHaveLength(1);
    fetches[0].resolve(ok(answer("c1"), '"v1"'));
    await settle();
    expect(listener).toHaveBeenCalledTimes(1);
    expect(store.connectionsSnapshot()).toEqual(answer("c1"));

    await vi.advanceTimersByTimeAsync(15_000);
    expect(fetches).toHaveLength(2);
    // Unchanged: an empty 304 keeps the same answer and nobody re-renders.
    fetches[1].resolve(new Response(null, { status: 304, headers: { ETag: '"v1"' } }));
    await settle();
    expect(listener).toHaveBeenCalledTimes(1);

    visibility = "hidden";
    await vi.advanceTimersByTimeAsync(15_000);
    expect(fetches).toHaveLength(2);

    visibility = "visible";
    stop();
    await vi.advanceTimersByTimeAsync(30_000);
    expect(fetches).toHaveLength(2);
  });

  it("refreshes after an action even with a poll in flight, and drops the older answer", async () => {
    const listener = vi.fn();
    store.subscribeToConnections(listener);
    const refreshed = store.refreshConnections();
    expect(fetches).toHaveLength(2);
    fetches[1].resolve(ok(answer("after-action"), '"v2"'));
    await refreshed;
    fetches[0].resolve(ok(answer("before-action"), '"v1"'));
    await settle();
    expect(store.connectionsSnapshot()).toEqual(answer("after-action"));
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it("does nothing on pages without a list, and keeps what is shown when a refresh fails", async () => {
    await store.refreshConnections();
    expect(fetches).toHaveLength(0);

    store.subscribeToConnections(() => undefined);
    fetches[0].resolve(ok(answer("c1"), '"v1"'));
    await settle();
    const failed = store.refreshConnections();
    fetches[1].resolve(new Response(JSON.stringify({ error: "down" }), { status: 500 }));
    await failed;
    expect(store.connectionsSnapshot()).toEqual(answer("c1"));
  });
});
