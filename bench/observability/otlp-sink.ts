// A local OTLP/HTTP receiver for the span-cost benchmark, run as its own process so its CPU is not the
// measured one: accepts POST /v1/traces in either encoding, drops the body, prints its URL on stdout.
import http from "node:http";
import type net from "node:net";

const server = http.createServer((request, response) => {
  request.resume();
  request.on("end", () => {
    const ok = request.method === "POST" && request.url === "/v1/traces";
    const json = request.headers["content-type"]?.startsWith("application/json") ?? false;
    // An empty ExportTraceServiceResponse: "{}" in JSON, zero bytes in protobuf.
    response.writeHead(ok ? 200 : 404, {
      "content-type": json ? "application/json" : "application/x-protobuf",
    });
    response.end(json ? "{}" : undefined);
  });
});
server.listen(0, "127.0.0.1", () => {
  const { port } = server.address() as net.AddressInfo;
  process.stdout.write(`http://127.0.0.1:${port}\n`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
