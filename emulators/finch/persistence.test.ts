import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Finch from "@tryfinch/finch-api";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { signInThroughConnect } from "./test-support/connect-browser";
import { control, rejection, startTestEmulator } from "./test-support/test-emulator";
import { startWebhookReceiver } from "./test-support/webhook-receiver";

describe("state file persistence", () => {
  let dir: string;
  let stateFile: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), "finch-emulator-"));
    stateFile = path.join(dir, "nested", "finch-emulator.json");
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("keeps connections, tokens, statuses, sessions and codes across a restart", async () => {
    const first = await startTestEmulator({ stateFile });
    const sandbox = await first.client.sandbox.connections.create({ provider_id: "gusto" });
    await first
      .withToken(sandbox.access_token)
      .sandbox.connections.accounts.update({ connection_status: "reauth" });
    const session = await first.client.connect.sessions.new({
      customer_id: "persist",
      customer_name: "Persist Co",
      products: ["company", "directory"],
      redirect_uri: "http://localhost:3000/cb",
    });
    const connected = await signInThroughConnect(session.connect_url, { username: "keeper" });
    const pendingReauth = await first.client.connect.sessions.reauthenticate({
      connection_id: sandbox.connection_id,
      redirect_uri: "http://localhost:3000/cb",
    });
    const companyBefore = await first.client
      .withOptions({
        accessToken: (await first.client.accessTokens.create({ code: connected.code ?? "" })).access_token,
      })
      .hris.company.retrieve();
    const unusedCode = (
      await signInThroughConnect(
        (
          await first.client.connect.sessions.new({
            customer_id: "persist-2",
            customer_name: "P2",
            products: ["company"],
            redirect_uri: "http://localhost:3000/cb",
          })
        ).connect_url,
        { username: "later" },
      )
    ).code;
    const firstUrl = first.url;
    await first.close();

    // The file is plain JSON written atomically: no temp file is left behind.
    expect(JSON.parse(readFileSync(stateFile, "utf8"))).toMatchObject({ version: 1 });
    expect(readdirSync(path.dirname(stateFile))).toEqual(["finch-emulator.json"]);

    const second = await startTestEmulator({ stateFile });
    try {
      const finch = second.withToken(sandbox.access_token);
      expect((await finch.account.introspect()).connection_status.status).toBe("reauth");
      // Port 0 gives the restarted server a new port; a real restart keeps FINCH_EMULATOR_PORT.
      const reauth = await signInThroughConnect(pendingReauth.connect_url.replace(firstUrl, second.url), {
        username: "admin",
      });
      const repaired = await second.client.accessTokens.create({ code: reauth.code ?? "" });
      expect(repaired.connection_id).toBe(sandbox.connection_id);

      const later = await second.client.accessTokens.create({ code: unusedCode ?? "" });
      expect(later.customer_id).toBe("persist-2");
      const again = await signInThroughConnect(
        (
          await second.client.connect.sessions.new({
            customer_id: "persist",
            customer_name: "Persist Co",
            products: ["company"],
            redirect_uri: "http://localhost:3000/cb",
          })
        ).connect_url,
        { username: "keeper" },
      );
      const token = await second.client.accessTokens.create({ code: again.code ?? "" });
      expect(await second.withToken(token.access_token).hris.company.retrieve()).toEqual(companyBefore);
    } finally {
      await second.close();
    }
  });

  it("keeps webhook settings and forgets everything on reset", async () => {
    const first = await startTestEmulator({ stateFile, webhookUrls: [] });
    await control(first.url, "PUT", "/_emulator/webhooks", {
      urls: ["http://127.0.0.1:9/hook"],
      authenticationMethodShape: "string",
    });
    const sandbox = await first.client.sandbox.connections.create({ provider_id: "gusto" });
    await first.close();

    const second = await startTestEmulator({ stateFile, webhookUrls: [] });
    try {
      expect(await control(second.url, "GET", "/_emulator/webhooks")).toEqual({
        urls: ["http://127.0.0.1:9/hook"],
        authenticationMethodShape: "string",
      });
      await control(second.url, "POST", "/_emulator/reset");
      const error = await rejection(second.withToken(sandbox.access_token).account.introspect());
      expect(error).toBeInstanceOf(Finch.AuthenticationError);
      expect(await control(second.url, "GET", "/_emulator/webhooks")).toEqual({
        urls: [],
        authenticationMethodShape: "object",
      });
    } finally {
      await second.close();
    }
  });

  it("resumes a webhook delivery that was waiting for a retry when the emulator stopped", async () => {
    const receiver = await startWebhookReceiver();
    try {
      receiver.respondWith = [500];
      const first = await startTestEmulator({
        stateFile,
        webhookUrls: [receiver.url],
        webhookRetryDelaysMs: [150],
      });
      const sandbox = await first.client.sandbox.connections.create({ provider_id: "gusto" });
      await receiver.waitFor(1);
      await first.close();

      const second = await startTestEmulator({
        stateFile,
        webhookUrls: [receiver.url],
        webhookRetryDelaysMs: [150],
      });
      try {
        const [failed, retried] = await receiver.waitFor(2);
        expect(retried?.headers["finch-event-id"]).toBe(failed?.headers["finch-event-id"]);
        expect(retried?.body).toContain(sandbox.connection_id);
      } finally {
        await second.close();
      }
    } finally {
      await receiver.close();
    }
  });

  it("sets an unreadable state file aside instead of overwriting it", async () => {
    const file = path.join(dir, "broken.json");
    writeFileSync(file, "{ this is not json");
    const lines: string[] = [];
    const t = await startTestEmulator({ stateFile: file, log: (line) => lines.push(line) });
    await t.close();
    expect(lines.some((line) => line.includes("was put aside"))).toBe(true);
    const kept = readdirSync(dir).filter((name) => name.startsWith("broken.json.unreadable-"));
    expect(kept).toHaveLength(1);
    expect(readFileSync(path.join(dir, kept[0] ?? ""), "utf8")).toBe("{ this is not json");
    expect(existsSync(file)).toBe(true);
  });
});
