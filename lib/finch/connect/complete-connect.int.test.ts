// The token lifecycle of a reconnect when Finch revokes older tokens on reauthentication: the token
// /auth/token issues for the right connection is never thrown away, whatever fails after it.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { signInThroughConnect } from "@/emulators/finch/test-support/connect-browser";
import { readAccessToken } from "@/lib/connections/connection-token";
import { db } from "@/lib/db";
import { finchForTestFile } from "@/test/finch-for-test-file";
import { uniqueSuffix } from "@/test/finch-test-kit";
import { seedMember } from "@/test/notifications-test-kit";
import { completeConnect } from "./complete-connect";
import { startConnect } from "./start-connect";
import { startReconnect } from "./start-reconnect";

const finch = finchForTestFile();

beforeEach(async () => {
  await finch().control("DELETE", "/_emulator/faults");
  await finch().control("PUT", "/_emulator/settings", { revokeOldTokensOnReauth: true });
});

afterAll(async () => {
  await finch().control("PUT", "/_emulator/settings", { revokeOldTokensOnReauth: false });
});

async function owner() {
  const org = await db().organization.create({ data: { name: `Org ${uniqueSuffix()}` } });
  const user = await seedMember(org.id, "owner");
  return { ...user, role: "owner" as const, organization: { id: org.id, name: org.name } };
}

/** Goes through the stand-in's Connect pages as `username` and returns the callback's code and state. */
async function throughConnect(url: string, username: string) {
  const result = await signInThroughConnect(url, { username, provider: "gusto" });
  if (!result.code || !result.state) throw new Error(`Connect did not redirect back: ${result.status}`);
  return { code: result.code, state: result.state };
}

async function connectedOrganization() {
  const member = await owner();
  const launch = await startConnect({ member });
  const callback = await throughConnect(launch.url, `admin-${uniqueSuffix()}`);
  const result = await completeConnect({ ...callback, userId: member.id });
  if (result.kind !== "connected") throw new Error(`expected connected, got ${result.kind}`);
  return { member, connectionId: result.connectionId };
}

async function reconnectCallback(
  member: Awaited<ReturnType<typeof owner>>,
  connectionId: string,
  username: string,
) {
  const launch = await startReconnect({
    userId: member.id,
    organizationId: member.organization.id,
    connectionId,
  });
  return throughConnect(launch.url, username);
}

const storedToken = (connectionId: string, organizationId: string) =>
  readAccessToken(connectionId, organizationId);

describe("completeConnect with revokeOldTokensOnReauth", () => {
  it("keeps the new token when /introspect fails right after a successful exchange", async () => {
    const { member, connectionId } = await connectedOrganization();
    const oldToken = await storedToken(connectionId, member.organization.id);
    const connection = await db().connection.findUniqueOrThrow({ where: { id: connectionId } });
    const username =
      (
        await finch()
          .withToken(oldToken ?? "")
          .account.introspect()
      ).username ?? "";

    const callback = await reconnectCallback(member, connectionId, username);
    await finch().control("POST", "/_emulator/faults", { path: "/introspect", status: 503, count: 10 });
    const result = await completeConnect({ ...callback, userId: member.id });

    expect(result).toMatchObject({ kind: "reconnected", connectionId });
    const newToken = await storedToken(connectionId, member.organization.id);
    expect(newToken).not.toBe(oldToken);
    await finch().control("DELETE", "/_emulator/faults");
    // The old token is dead (Finch revoked it); the stored one works, on the same connection.
    await expect(
      finch()
        .withToken(oldToken ?? "")
        .hris.company.retrieve(),
    ).rejects.toMatchObject({
      status: 401,
    });
    const introspection = await finch()
      .withToken(newToken ?? "")
      .account.introspect();
    expect(introspection.connection_id).toBe(connection.finchConnectionId);
    const row = await db().connection.findUniqueOrThrow({ where: { id: connectionId } });
    expect(row.status).toBe("healthy");
  });

  it("judges the account by /auth/token's connection_id: another account's token is not stored", async () => {
    const { member, connectionId } = await connectedOrganization();
    const before = await storedToken(connectionId, member.organization.id);
    const callback = await reconnectCallback(member, connectionId, `other-${uniqueSuffix()}`);
    await finch().control("POST", "/_emulator/faults", { path: "/introspect", status: 503, count: 10 });
    expect(await completeConnect({ ...callback, userId: member.id })).toMatchObject({ kind: "mismatch" });
    expect(await storedToken(connectionId, member.organization.id)).toBe(before);
  });

  it("keeps the old token when the exchange itself fails", async () => {
    const { member, connectionId } = await connectedOrganization();
    const before = await storedToken(connectionId, member.organization.id);
    const callback = await reconnectCallback(member, connectionId, "whoever");
    await finch().control("POST", "/_emulator/faults", { path: "/auth/token", status: 503, count: 10 });
    expect(await completeConnect({ ...callback, userId: member.id })).toMatchObject({
      kind: "exchange_failed",
    });
    expect(await storedToken(connectionId, member.organization.id)).toBe(before);
  });
});
