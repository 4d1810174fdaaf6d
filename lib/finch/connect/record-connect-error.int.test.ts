// The redirect flow's `error=` outcome: a multi-entity reauthentication refused because the person cannot
// see every company counts as a failed attempt carrying Finch's message, which the banner recognises.
import { describe, expect, it } from "vitest";
import { signInThroughConnect } from "@/emulators/finch/test-support/connect-browser";
import { entityAccessFailure } from "@/lib/connections/entity-access-failure";
import { db } from "@/lib/db";
import { finchForTestFile } from "@/test/finch-for-test-file";
import { seedOrganization } from "@/test/finch-test-kit";
import { seedMultiEntityConnection } from "@/test/multi-entity-kit";
import { seedMember } from "@/test/notifications-test-kit";
import { createConnectAttempt } from "./connect-attempts";
import { classicConnectUrl } from "./connect-urls";
import { recordConnectError } from "./record-connect-error";

const finch = finchForTestFile();

describe("recordConnectError", () => {
  it("records a refused multi-partial reauthentication as a failed attempt naming the access problem", async () => {
    const org = await seedOrganization();
    const user = await seedMember(org.id, "owner");
    const connection = await seedMultiEntityConnection(finch(), org.id);
    await finch().control(
      "POST",
      `/_emulator/connections/${connection.finchConnectionId}/entities/${connection.entities["Acme East"]}/status`,
      { status: "reauth" },
    );
    await db().connection.update({ where: { id: connection.id }, data: { status: "needs_reauth" } });
    const since = new Date(Date.now() - 1000);
    const state = await createConnectAttempt({
      userId: user.id,
      organizationId: org.id,
      purpose: "reconnect",
      connectionId: connection.id,
    });
    const url = new URL(
      classicConnectUrl({
        state,
        products: ["company", "directory"],
        connectionId: connection.finchConnectionId,
      }),
    );
    const refused = await signInThroughConnect(`${finch().url}${url.pathname}${url.search}`, {
      username: "multi-partial-admin",
    });
    const back = new URL(refused.location ?? "").searchParams;
    expect(back.get("code")).toBeNull();
    expect(back.get("error")).toBe("employer_connection_error");

    expect(await entityAccessFailure(connection.id, since)).toBeNull();
    const returnTo = await recordConnectError({
      state,
      userId: user.id,
      description: back.get("error_description") ?? undefined,
    });
    expect(returnTo).toBe("/");
    expect(await entityAccessFailure(connection.id, since)).toEqual(["Acme East", "Acme North", "Acme West"]);
    // The state is spent: a replay records nothing more.
    expect(await recordConnectError({ state, userId: user.id, description: "again" })).toBe("/");
    expect(
      await db().connectionEvent.count({
        where: { connectionId: connection.id, type: "connect_attempt_failed" },
      }),
    ).toBe(1);
  });
});
