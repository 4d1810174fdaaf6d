// The README's typed client, run for real: openapi-fetch with the generated types, against the route
// handlers themselves (a fetch that hands each request to its handler), and the token it reads works at
// the Finch stand-in.
import { describe, expect, it } from "vitest";
import { POST as readToken } from "@/app/api/v1/connections/[id]/access-token/route";
import { POST as signal } from "@/app/api/v1/connections/[id]/signals/route";
import { apiKeyForTests } from "@/test/api-test-kit";
import { finchForTestFile } from "@/test/finch-for-test-file";
import { seedConnection, seedOrganization } from "@/test/finch-test-kit";
import { currentToken, hostClient, reportFinchAnswer } from "./sync-token";

const finch = finchForTestFile();

async function routeHandlers(request: Request): Promise<Response> {
  const match = /^\/api\/v1\/connections\/([^/]+)\/(access-token|signals)$/.exec(
    new URL(request.url).pathname,
  );
  if (!match || request.method !== "POST") return new Response(null, { status: 404 });
  const handler = match[2] === "access-token" ? readToken : signal;
  return handler(request, { params: Promise.resolve({ id: match[1] }) });
}

describe("the typed host client example", () => {
  it("reads the token, uses it at Finch, and reports a 401 and a recovery", async () => {
    const connection = await seedConnection(finch(), (await seedOrganization()).id);
    const { key } = await apiKeyForTests(["tokens:read", "connections:write"]);
    const client = hostClient({ baseUrl: "http://localhost:3000", apiKey: key, fetch: routeHandlers });

    const token = await currentToken(client, connection.id);
    const introspection = await finch().withToken(token).account.introspect();
    expect(introspection.connection_id).toBe(connection.finchConnectionId);

    const broke = await reportFinchAnswer(client, connection.id, "reauthenticate_user");
    expect(broke).toMatchObject({
      outcome: "changed",
      connection: { status: "reauth", detection_path: "host_api" },
    });
    const fixed = await reportFinchAnswer(client, connection.id, "ok");
    expect(fixed?.connection.status).toBe("connected");
    await expect(currentToken(client, "cnope0000000000000000000")).rejects.toThrow(/not_found/);
  });
});
