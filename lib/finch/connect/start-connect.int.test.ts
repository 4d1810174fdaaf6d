// Connect sessions name the customer: the host's own id (external_id) when the organization has one,
// so Finch's records (and /introspect's customer_id) match the host's; our id otherwise.
import { describe, expect, it } from "vitest";
import { signInThroughConnect } from "@/emulators/finch/test-support/connect-browser";
import { readAccessToken } from "@/lib/connections/connection-token";
import { db } from "@/lib/db";
import { finchForTestFile } from "@/test/finch-for-test-file";
import { uniqueSuffix } from "@/test/finch-test-kit";
import { seedMember } from "@/test/notifications-test-kit";
import { completeConnect } from "./complete-connect";
import { startConnect } from "./start-connect";

const finch = finchForTestFile();

interface EmulatorSession {
  id: string;
  customerId: string;
  customerName: string;
}

async function ownerOf(externalId: string | null) {
  const org = await db().organization.create({ data: { name: `Org ${uniqueSuffix()}`, externalId } });
  const user = await seedMember(org.id, "owner");
  return { ...user, role: "owner" as const, organization: { id: org.id, name: org.name } };
}

async function sessionOf(sessionId: string | null): Promise<EmulatorSession | undefined> {
  const { sessions } = await finch().control<{ sessions: EmulatorSession[] }>("GET", "/_emulator/sessions");
  return sessions.find((session) => session.id === sessionId);
}

describe("startConnect's customer_id", () => {
  it("sends the organization's external_id, which Finch then reports for the connection", async () => {
    const externalId = `cus_${uniqueSuffix()}`;
    const member = await ownerOf(externalId);
    const launch = await startConnect({ member });

    expect(await sessionOf(launch.sessionId)).toMatchObject({
      customerId: externalId,
      customerName: member.organization.name,
    });
    const callback = await signInThroughConnect(launch.url, {
      username: `admin-${uniqueSuffix()}`,
      provider: "gusto",
    });
    const result = await completeConnect({
      code: callback.code ?? "",
      state: callback.state ?? "",
      userId: member.id,
    });
    expect(result.kind).toBe("connected");
    const connection = await db().connection.findFirstOrThrow({
      where: { organizationId: member.organization.id },
      select: { id: true },
    });
    const token = await readAccessToken(connection.id, member.organization.id);
    const introspection = await finch()
      .withToken(token ?? "")
      .account.introspect();
    expect(introspection.customer_id).toBe(externalId);
  });

  it("sends our own organization id when there is no external_id", async () => {
    const member = await ownerOf(null);
    const launch = await startConnect({ member });
    expect((await sessionOf(launch.sessionId))?.customerId).toBe(member.organization.id);
  });
});
