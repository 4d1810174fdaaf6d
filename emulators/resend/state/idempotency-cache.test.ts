import { describe, expect, it } from "vitest";
import { fingerprintOf, IDEMPOTENCY_TTL_MS, IdempotencyCache } from "./idempotency-cache";

describe("IdempotencyCache", () => {
  it("replays within 24 hours and forgets the key after", () => {
    let now = 1_000;
    const cache = new IdempotencyCache([], () => now);
    cache.remember("POST /emails", "k", "f1", 200, { id: "a" });

    now += IDEMPOTENCY_TTL_MS - 1;
    expect(cache.lookup("POST /emails", "k", "f1")).toEqual({
      kind: "replay",
      status: 200,
      body: { id: "a" },
    });
    expect(cache.lookup("POST /emails", "k", "f2")).toEqual({ kind: "conflict" });

    now += 1;
    expect(cache.lookup("POST /emails", "k", "f2")).toEqual({ kind: "miss" });
    expect(cache.snapshot()).toEqual([]);
  });

  it("scopes keys by endpoint", () => {
    const cache = new IdempotencyCache();
    cache.remember("POST /emails", "k", "f", 200, {});
    expect(cache.lookup("POST /emails/batch", "k", "f")).toEqual({ kind: "miss" });
  });

  it("fingerprints bodies independently of key order but not of values", () => {
    expect(fingerprintOf({ a: 1, b: [1, { c: 2, d: 3 }] })).toBe(
      fingerprintOf({ b: [1, { d: 3, c: 2 }], a: 1 }),
    );
    expect(fingerprintOf({ a: 1 })).not.toBe(fingerprintOf({ a: 2 }));
    expect(fingerprintOf([1, 2])).not.toBe(fingerprintOf([2, 1]));
  });
});
