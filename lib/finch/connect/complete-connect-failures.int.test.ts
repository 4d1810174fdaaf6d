// What the Connect callback does when things go wrong or right the first time: it logs what it could
// not do (never the code or a token) and names the provider the way Finch lists it.
import { afterEach, describe, expect, it, vi } from "vitest";
import { signInThroughConnect } from "@/emulators/finch/test-support/connect-browser";
import { readAccessToken } from "@/lib/connections/connection-token";
import { db } from "@/lib/db";
import { captureLogs } from "@/test/capture-logs";
import { finchForTestFile } from "@/test/finch-for-test-file";
import { seedConnection, seedOrganization, uniqueSuffix } from "@/test/finch-test-kit";
import { seedMember } from "@/test/notifications-test-kit";
import { completeConnect } from "./complete-connect";
import { createConnectAttempt } from "./connect-attempts";
import { classicConnectUrl } from "./connect-urls";

const finch = finchForTestFile();
afterEach(() => vi.restoreAllMocks());

/** The classic authorize URL the app would build, on the stand-in's origin. */
function authorizeUrl(state: string): string {
  const url = new URL(classicConnectUrl({ state, products: ["company", "directory"] }));
  return `${finch().url}${url.pathname}${url.search}`;
}

describe("completeConnect", () => {
  it("connects a new connection with the provider's display name from Finch's provider list", async () => {
    const org = await seedOrganization();
    const user = await seedMember(org.id, "owner");
    const state = await createConnectAttempt({ userId: user.id, organizationId: org.id, purpose: "connect" });
    const signIn = await signInThroughConnect(authorizeUrl(state), { username: `admin-${uniqueSuffix()}` });
    expect(signIn.code).toEqual(expect.any(String));

    const result = await completeConnect({ state, code: signIn.code as string, userId: user.id });

    expect(result).toMatchObject({ kind: "connected", returnTo: "/" });
    const connectionId = result.kind === "connected" ? result.connectionId : "";
    const row = await db().connection.findUniqueOrThrow({ where: { id: connectionId } });
    expect(row).toMatchObject({ organizationId: org.id, providerId: "gusto", providerName: "Gusto" });
    expect(await readAccessToken(connectionId, org.id)).toEqual(expect.any(String));
  });

  it("keeps the old token when the exchange fails, says so on the history, and logs it without the code", async () => {
    const org = await seedOrganization();
    const user = await seedMember(org.id, "owner");
    const connection = await seedConnection(finch(), org.id);
    const state = await createConnectAttempt({
      userId: user.id,
      organizationId: org.id,
      connectionId: connection.id,
      purpose: "reconnect",
    });
    const logs = captureLogs();
    const code = `refused-code-${uniqueSuffix()}`;

    const result = await completeConnect({ state, code, userId: user.id });

    expect(result).toEqual({ kind: "exchange_failed", returnTo: "/" });
    expect(await readAccessToken(connection.id, org.id)).toBe(connection.accessToken);
    const events = await db().connectionEvent.findMany({ where: { connectionId: connection.id } });
    expect(events.map((event) => event.type)).toContain("reconnect_failed");
    logs.restore();
    const logged = logs.text();
    expect(logged).toContain("exchanging the code with Finch failed");
    expect(logged).not.toContain(code);
    expect(logged).not.toContain(connection.accessToken);
  });
});
