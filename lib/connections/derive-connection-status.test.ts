import { describe, expect, it } from "vitest";
import { deriveConnectionStatus, type EntityStatus } from "./derive-connection-status";

const e = (name: string | null, finchStatus: string): EntityStatus => ({ name, finchStatus });

describe("deriveConnectionStatus", () => {
  it.each<[string, EntityStatus[], string, string, string | null]>([
    [
      "all connected",
      [e("Acme East", "connected"), e("Acme West", "connected")],
      "connected",
      "connected",
      null,
    ],
    [
      "one of three broken",
      [e("Acme East", "reauth"), e("Acme West", "connected"), e("Acme North", "connected")],
      "reauth",
      "partly_broken",
      "1 of 3 companies on your Gusto connection needs you to reconnect: Acme East",
    ],
    [
      "two of three broken",
      [e("Acme East", "reauth"), e("Acme West", "reauth"), e("Acme North", "connected")],
      "reauth",
      "partly_broken",
      "2 of 3 companies on your Gusto connection need you to reconnect: Acme East and Acme West",
    ],
    [
      "all broken",
      [e("Acme East", "reauth"), e("Acme West", "reauth")],
      "reauth",
      "broken",
      "All 2 companies on your Gusto connection need you to reconnect: Acme East and Acme West",
    ],
    [
      "a disconnected entity is not counted",
      [e("Acme East", "disconnected"), e("Acme West", "reauth"), e("Acme North", "connected")],
      "reauth",
      "partly_broken",
      "1 of 2 companies on your Gusto connection needs you to reconnect: Acme West",
    ],
    [
      "the last live entity broken",
      [e("Acme East", "disconnected"), e("Acme West", "reauth")],
      "reauth",
      "broken",
      "Acme West on your Gusto connection needs you to reconnect.",
    ],
    [
      "the worst status wins, and other statuses ask for attention",
      [e("Acme East", "pending"), e("Acme West", "error_permissions"), e("Acme North", "connected")],
      "error_permissions",
      "partly_broken",
      "2 of 3 companies on your Gusto connection need attention: Acme East and Acme West",
    ],
    [
      "reauth is worse than a permissions error",
      [e("Acme East", "error_permissions"), e("Acme West", "reauth"), e("Acme North", "connected")],
      "reauth",
      "partly_broken",
      "2 of 3 companies on your Gusto connection need you to reconnect: Acme East and Acme West",
    ],
    [
      "an unnamed entity",
      [e(null, "reauth"), e("Acme West", "connected")],
      "reauth",
      "partly_broken",
      "1 of 2 companies on your Gusto connection needs you to reconnect: an unnamed company",
    ],
    ["every entity disconnected", [e("Acme East", "disconnected")], "disconnected", "disconnected", null],
    ["no entities", [], "disconnected", "disconnected", null],
  ])("%s", (_case, entities, finchStatus, scope, reason) => {
    const derived = deriveConnectionStatus(entities, "Gusto");
    expect(derived).toMatchObject({ finchStatus, scope, reason });
  });

  it("lists the broken entities and counts the live ones", () => {
    const derived = deriveConnectionStatus(
      [e("Acme East", "reauth"), e("Acme West", "connected"), e("Acme North", "disconnected")],
      "ADP",
    );
    expect(derived.broken).toEqual(["Acme East"]);
    expect(derived.live).toBe(2);
  });
});
