// Saving alert channels: a webhook endpoint's signing secret never outlives its URL.
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seedOrganization } from "@/test/finch-test-kit";
import { openChannelValue } from "./channel-secrets";
import { rotateWebhookSecret, saveAlertChannel } from "./manage-alert-channels";

afterAll(async () => {
  await db().$disconnect();
});

/** The secret the endpoint's alerts are signed with now. */
async function storedSecret(organizationId: string): Promise<string> {
  const channel = await db().alertChannel.findUniqueOrThrow({
    where: { organizationId_kind: { organizationId, kind: "webhook" } },
  });
  if (!channel.secretCiphertext || !channel.secretKeyId) throw new Error("no secret stored");
  return openChannelValue(channel.id, "secret", {
    ciphertext: channel.secretCiphertext,
    keyId: channel.secretKeyId,
  });
}

describe("saving a webhook endpoint", () => {
  it("issues a new secret, shown once, whenever the URL changes, and keeps it when the URL stays", async () => {
    const org = await seedOrganization();
    const save = (url: string) => saveAlertChannel({ organizationId: org.id, kind: "webhook", url });

    const first = await save("http://127.0.0.1:9/hooks/old-receiver");
    expect(first.secret).toMatch(/^whsec_/);
    expect(await storedSecret(org.id)).toBe(first.secret);

    // The same URL saved again (the form submitted twice): nothing to show, the secret stays.
    expect((await save("http://127.0.0.1:9/hooks/old-receiver")).secret).toBeNull();
    expect(await storedSecret(org.id)).toBe(first.secret);

    // A new URL: the previous receiver's secret must not sign events for the new one.
    const moved = await save("http://127.0.0.1:9/hooks/new-receiver");
    expect(moved.secret).toMatch(/^whsec_/);
    expect(moved.secret).not.toBe(first.secret);
    expect(await storedSecret(org.id)).toBe(moved.secret);

    // A rotation, then a move back to the first URL: a third secret, never an old one.
    const rotated = await rotateWebhookSecret(org.id);
    const back = await save("http://127.0.0.1:9/hooks/old-receiver");
    expect(back.secret).toMatch(/^whsec_/);
    expect(new Set([first.secret, moved.secret, rotated, back.secret]).size).toBe(4);
    expect(await storedSecret(org.id)).toBe(back.secret);
  });

  it("gives a Slack webhook no secret at all", async () => {
    const org = await seedOrganization();
    const saved = await saveAlertChannel({
      organizationId: org.id,
      kind: "slack",
      url: "http://127.0.0.1:9/slack/T0/B0/x",
    });
    expect(saved.secret).toBeNull();
    expect(
      (await saveAlertChannel({ organizationId: org.id, kind: "slack", url: "http://127.0.0.1:9/slack/T1" }))
        .secret,
    ).toBeNull();
  });
});
