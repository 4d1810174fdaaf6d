import { describe, expect, it } from "vitest";
import { hostEventData, type EventConnection } from "./host-event-data";
import { hostEventBody, hostEventDataSchema, hostEventDedupeKey } from "./host-events";

const row: EventConnection = {
  id: "conn_1",
  finchConnectionId: "fc_1",
  providerId: "gusto",
  providerName: "Gusto",
  finchStatus: "reauth",
  statusReason: "Reconnect Gusto",
  statusSince: new Date("2026-12-01T10:00:00Z"),
  statusSource: "host_api",
  tokenUpdatedAt: new Date("2026-11-01T09:00:00Z"),
  organization: { id: "org_1", externalId: "cust-1", name: "Acme" },
};

describe("an event's data", () => {
  it("names the connection, its organization and status, in the API's words", () => {
    expect(hostEventData(row, { incidentId: "inc_1" })).toEqual({
      connection_id: "conn_1",
      finch_connection_id: "fc_1",
      organization: { id: "org_1", external_id: "cust-1", name: "Acme" },
      provider_id: "gusto",
      provider_name: "Gusto",
      status: "reauth",
      status_since: "2026-12-01T10:00:00.000Z",
      detection_path: "host_api",
      token_rotated_at: "2026-11-01T09:00:00.000Z",
      reason: "Reconnect Gusto",
      incident_id: "inc_1",
    });
  });

  it("never carries a token, even when the row it is built from holds one", () => {
    const withSecrets = {
      ...row,
      accessToken: "tok_live_secret",
      accessTokenCiphertext: "v1:ciphertext",
      accessTokenKeyId: "k1",
    } as EventConnection;
    const body = hostEventBody(
      "connection.token_rotated",
      "2026-12-01T10:00:00.000Z",
      hostEventData(withSecrets),
    );
    expect(body).not.toMatch(/tok_live_secret|ciphertext|accessToken|"k1"/);
    expect(JSON.parse(body)).toMatchObject({
      type: "connection.token_rotated",
      data: { connection_id: "conn_1" },
    });
    // The stored payload is read back strictly: a token field written by mistake fails the delivery.
    expect(hostEventDataSchema.safeParse({ ...hostEventData(row), access_token: "x" }).success).toBe(false);
  });

  it("is deduplicated per event, occurrence and endpoint", () => {
    const keys = new Set([
      hostEventDedupeKey("connection.broken", "inc_1", "we_1"),
      hostEventDedupeKey("connection.broken", "inc_1", "we_2"),
      hostEventDedupeKey("connection.restored", "inc_1", "we_1"),
      hostEventDedupeKey("connection.broken", "inc_2", "we_1"),
    ]);
    expect(keys.size).toBe(4);
  });
});
