import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isAppError } from "@/lib/errors";
import { isPublicAddress } from "./address-policy";
import { guardedLookup, safePost } from "./safe-post";

let server: Server;
let base = "";
let hits = 0;
let trickling = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    hits++;
    if (req.url === "/redirect") return res.writeHead(302, { location: "http://169.254.169.254/" }).end();
    if (req.url === "/huge") return res.end("x".repeat(1024 * 1024));
    if (req.url === "/slow") return; // never answers
    // Answers at once, then one byte every 100 ms forever: never idle, never done.
    if (req.url === "/trickle" || req.url === "/trickle-headers") {
      trickling++;
      const drip = (write: () => void) => {
        const timer = setInterval(write, 100);
        req.socket.on("close", () => {
          clearInterval(timer);
          trickling--;
        });
      };
      if (req.url === "/trickle") {
        res.writeHead(200, { "content-type": "text/plain" });
        return drip(() => res.write("."));
      }
      // The status line itself, one byte at a time.
      const line = "HTTP/1.1 200 OK\r\nx-padding: " + ".".repeat(10_000);
      let at = 0;
      return drip(() => req.socket.write(line[at++ % line.length]));
    }
    if (req.url === "/busy") return res.writeHead(503, { "retry-after": "7" }).end();
    if (req.url === "/gone") return res.writeHead(410).end();
    res.end("ok");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (cause: unknown) => cause,
  );
  if (!isAppError(error)) throw new Error(`expected an AppError, got ${String(error)}`);
  return { message: error.message, retryable: error.retryable, retryAfter: error.retryAfterSeconds };
}

describe("outbound alert requests", () => {
  it("classify addresses: only public unicast passes", () => {
    for (const address of [
      "127.0.0.1",
      "10.1.2.3",
      "172.16.5.4",
      "192.168.1.1",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "::1",
      "fe80::1",
      "fd00:ec2::254",
      "::ffff:127.0.0.1",
      "::ffff:7f00:1",
      "224.0.0.1",
    ])
      expect(isPublicAddress(address), address).toBe(false);
    for (const address of ["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111"])
      expect(isPublicAddress(address), address).toBe(true);
  });

  it("refuse in production: plain http, loopback, private and metadata literals, and names resolving to loopback", async () => {
    for (const url of [
      "http://hooks.example.com/x",
      "https://127.0.0.1/x",
      "https://[::1]/x",
      "https://[::ffff:127.0.0.1]/x",
      "https://169.254.169.254/latest/meta-data",
      "https://10.0.0.8/x",
      "https://localhost/x",
      "https://user:pass@hooks.example.com/x",
    ])
      expect((await failure(safePost({ url, body: "{}", strict: true }))).retryable, url).toBe(false);
    expect(hits).toBe(0);
  });

  it("check the address a name resolves to, at connect time", async () => {
    // The socket's lookup in production: a name resolving to loopback is refused whatever it is called.
    const refused = await new Promise<unknown>((resolve) =>
      guardedLookup("localhost", { family: 0 }, (error) => resolve(error)),
    );
    expect(isAppError(refused) && refused.message).toMatch(/private or reserved/);
    expect(isAppError(refused) && refused.retryable).toBe(false);
  });

  it("allow the local stand-ins outside production", async () => {
    expect(await safePost({ url: `${base}/ok`, body: "{}", strict: false })).toEqual({
      status: 200,
      body: "ok",
    });
  });

  it("never follow a redirect", async () => {
    const before = hits;
    expect(await failure(safePost({ url: `${base}/redirect`, body: "{}", strict: false }))).toMatchObject({
      retryable: false,
      message: expect.stringMatching(/redirects are not followed/),
    });
    expect(hits).toBe(before + 1);
  });

  it("cap the answer read, time out, and say which failures are worth retrying", async () => {
    const huge = await safePost({ url: `${base}/huge`, body: "{}", strict: false, maxResponseBytes: 1024 });
    expect(huge.body.length).toBeLessThanOrEqual(1024);
    expect(
      await failure(safePost({ url: `${base}/slow`, body: "{}", strict: false, timeoutMs: 300 })),
    ).toMatchObject({
      retryable: true,
    });
    expect(await failure(safePost({ url: `${base}/busy`, body: "{}", strict: false }))).toMatchObject({
      retryable: true,
      retryAfter: 7,
    });
    expect(await failure(safePost({ url: `${base}/gone`, body: "{}", strict: false }))).toMatchObject({
      retryable: false,
    });
  });

  it("cut a receiver that trickles bytes at the total deadline, whatever the idle timeout", async () => {
    const started = Date.now();
    // A 200 arrived before the deadline: delivered; the rest of its answer is not waited for.
    expect(
      await safePost({
        url: `${base}/trickle`,
        body: "{}",
        strict: false,
        timeoutMs: 5_000,
        deadlineMs: 700,
      }),
    ).toMatchObject({ status: 200 });
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(650);
    expect(elapsed).toBeLessThan(2_000);
    // No status by the deadline: a failure worth retrying later.
    const headersStarted = Date.now();
    expect(
      await failure(
        safePost({
          url: `${base}/trickle-headers`,
          body: "{}",
          strict: false,
          timeoutMs: 5_000,
          deadlineMs: 700,
        }),
      ),
    ).toMatchObject({ retryable: true, message: "no answer within the 700 ms deadline" });
    expect(Date.now() - headersStarted).toBeLessThan(2_000);
    // Both connections were closed by us: nothing keeps dripping.
    await expect.poll(() => trickling, { timeout: 2_000 }).toBe(0);
  });
});
