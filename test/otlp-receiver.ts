// A local OTLP/HTTP trace receiver for tests: keeps every span posted to /v1/traces, in either encoding
// (protobuf, the exporter's default, read by a small decoder of the fields tests look at; or JSON).
import http from "node:http";
import type net from "node:net";

export interface OtlpValue {
  stringValue?: string;
  intValue?: string | number;
  doubleValue?: number;
}
export interface OtlpSpan {
  name: string;
  spanId: string;
  parentSpanId?: string;
  attributes?: { key: string; value: OtlpValue }[];
  status?: { code: number; message?: string };
}
interface OtlpBody {
  resourceSpans: { scopeSpans: { spans: OtlpSpan[] }[] }[];
}

type Field = { field: number; varint?: bigint; bytes?: Buffer };

/** The fields of one protobuf message: varints as bigint, everything else as its bytes. */
function fields(message: Buffer): Field[] {
  const out: Field[] = [];
  let at = 0;
  const varint = () => {
    let value = 0n;
    for (let shift = 0n; ; shift += 7n) {
      const byte = message[at++];
      value |= BigInt(byte & 0x7f) << shift;
      if (byte < 0x80) return value;
    }
  };
  while (at < message.length) {
    const tag = Number(varint());
    const [field, wire] = [tag >>> 3, tag & 7];
    if (wire === 0) out.push({ field, varint: varint() });
    else {
      const length = wire === 2 ? Number(varint()) : wire === 1 ? 8 : 4;
      out.push({ field, bytes: message.subarray(at, at + length) });
      at += length;
    }
  }
  return out;
}

const each = (message: Buffer, field: number) =>
  fields(message)
    .filter((f) => f.field === field && f.bytes)
    .map((f) => f.bytes as Buffer);

/** AnyValue: string (1), int (3), double (4); other kinds are not used by the product's spans. */
function anyValue(message: Buffer): OtlpValue {
  const value: OtlpValue = {};
  for (const f of fields(message)) {
    if (f.field === 1) value.stringValue = f.bytes?.toString("utf8");
    if (f.field === 3) value.intValue = String(BigInt.asIntN(64, f.varint ?? 0n));
    if (f.field === 4) value.doubleValue = f.bytes?.readDoubleLE(0);
  }
  return value;
}

/** Status: message 2, code 3. */
function status(message: Buffer | undefined): OtlpSpan["status"] {
  if (!message) return undefined;
  const code = fields(message).find((f) => f.field === 3)?.varint ?? 0n;
  const text = each(message, 2)[0]?.toString("utf8");
  return { code: Number(code), ...(text ? { message: text } : {}) };
}

/** Span: span_id 2, parent_span_id 4, name 5, attributes 9 (KeyValue: key 1, value 2), status 15. */
function protobufSpan(message: Buffer): OtlpSpan {
  const bytesOf = (field: number) => each(message, field)[0];
  const parent = bytesOf(4);
  return {
    name: bytesOf(5)?.toString("utf8") ?? "",
    spanId: bytesOf(2)?.toString("hex") ?? "",
    ...(parent?.length ? { parentSpanId: parent.toString("hex") } : {}),
    attributes: each(message, 9).map((keyValue) => ({
      key: each(keyValue, 1)[0]?.toString("utf8") ?? "",
      value: anyValue(each(keyValue, 2)[0] ?? Buffer.alloc(0)),
    })),
    status: status(bytesOf(15)),
  };
}

/** ExportTraceServiceRequest: resource_spans 1 > scope_spans 2 > spans 2. */
function protobufSpans(body: Buffer): OtlpSpan[] {
  return each(body, 1).flatMap((resource) =>
    each(resource, 2).flatMap((scope) => each(scope, 2).map(protobufSpan)),
  );
}

function jsonSpans(body: Buffer): OtlpSpan[] {
  const parsed = JSON.parse(body.toString("utf8")) as OtlpBody;
  return parsed.resourceSpans.flatMap((resource) => resource.scopeSpans.flatMap((scope) => scope.spans));
}

export function attributesOf(span: OtlpSpan): Record<string, string | number | undefined> {
  return Object.fromEntries(
    (span.attributes ?? []).map(({ key, value }) => [
      key,
      value.stringValue ?? (value.intValue !== undefined ? Number(value.intValue) : value.doubleValue),
    ]),
  );
}

/** Starts the receiver on a free loopback port; `paths` lists "METHOD url content-type" per export. */
export async function startOtlpReceiver() {
  const spans: OtlpSpan[] = [];
  const paths: string[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const type = request.headers["content-type"] ?? "";
      paths.push(`${request.method} ${request.url} ${type}`);
      const json = type.startsWith("application/json");
      spans.push(...(json ? jsonSpans : protobufSpans)(Buffer.concat(chunks)));
      // An empty ExportTraceServiceResponse in the request's encoding.
      response.writeHead(200, { "content-type": type }).end(json ? "{}" : undefined);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    spans,
    paths,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
