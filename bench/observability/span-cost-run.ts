// One measurement of the span-cost benchmark (span-cost.ts starts it in a fresh process): the CPU time of
// N webhook-like spans in one mode, export included, printed as one JSON line.
import { context, trace, ROOT_CONTEXT, type Span, type Tracer } from "@opentelemetry/api";
import { ExportResultCode, type ExportResult } from "@opentelemetry/core";
import { OTLPTraceExporter as JsonExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { OTLPTraceExporter as ProtoExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { JsonTraceSerializer, ProtobufTraceSerializer } from "@opentelemetry/otlp-transformer";
import {
  BatchSpanProcessor,
  NoopSpanProcessor,
  type ReadableSpan,
  type SpanExporter,
  type SpanProcessor,
  NodeTracerProvider,
} from "@opentelemetry/sdk-trace-node";
import { scopedValue, withLogContext, withScopedValue } from "@/lib/log";
import { startTracing, withSpan } from "@/lib/observability/tracing";

/** What runs in each span: nothing, asynchronously (the span's own cost is what is measured). */
const work = async (span: Span | undefined) => {
  span?.setAttributes({ "webhook.outcome": "ignored", "http.response.status_code": 200 });
  return 1;
};

/** An exporter that only serializes (or not even that): the cost of the batch and of the encoding. */
function localExporter(serialize: (spans: ReadableSpan[]) => unknown): SpanExporter {
  return {
    export(spans: ReadableSpan[], done: (result: ExportResult) => void) {
      serialize(spans);
      done({ code: ExportResultCode.SUCCESS });
    },
    shutdown: async () => undefined,
  };
}

function batch(exporter: SpanExporter): SpanProcessor {
  const size = Number(process.env.OTEL_BSP_MAX_EXPORT_BATCH_SIZE) || undefined;
  const queue = Number(process.env.OTEL_BSP_MAX_QUEUE_SIZE) || undefined;
  return new BatchSpanProcessor(exporter, { maxExportBatchSize: size, maxQueueSize: queue });
}

const PROCESSORS: Record<string, (url: string) => SpanProcessor> = {
  span: () => new NoopSpanProcessor(),
  batch: () => batch(localExporter(() => undefined)),
  json: () => batch(localExporter((spans) => JsonTraceSerializer.serializeRequest(spans))),
  proto: () => batch(localExporter((spans) => ProtobufTraceSerializer.serializeRequest(spans))),
  "json-http": (url) => batch(new JsonExporter({ url })),
  "proto-http": (url) => batch(new ProtoExporter({ url })),
};

/** The provider as startTracing builds it, with `processor` instead of the OTLP batch processor. */
function sdkTracer(processor: SpanProcessor): { tracer: Tracer; flush: () => Promise<void> } {
  const provider = new NodeTracerProvider({ spanProcessors: [processor] });
  return { tracer: provider.getTracer("span-cost"), flush: () => processor.forceFlush() };
}

const CURRENT = Symbol("current span");

/** withSpan's steps as first written (the parent from the log scope, two contexts, one scope), bare span. */
async function wrapped(span: Span): Promise<number> {
  const parentSpan = scopedValue(CURRENT) as Span | undefined;
  const parent = parentSpan ? trace.setSpan(context.active(), parentSpan) : context.active();
  return context.with(trace.setSpan(parent, span), () => withScopedValue(CURRENT, span, () => work(span)));
}

const YIELD_EVERY = 100;
const SPANS_PER_SECOND = Number(process.env.SPANS_PER_SECOND) || 10000;

type OneSpan = () => Promise<unknown>;

interface Mode {
  one: OneSpan;
  /** Before each run, outside the measured time. */
  prepare?: () => void;
  /** Ends a run inside the measured time: every span exported. */
  flush: () => Promise<void>;
}

function spanFor(mode: string, url: string): Mode {
  const asWebhook = () => withSpan("finch.webhook", {}, work);
  if (mode === "off") return { one: asWebhook, flush: async () => undefined };
  if (mode === "real") {
    // The product's own start; stopping is its only flush, so each run starts tracing anew.
    let stop: () => Promise<void> = async () => undefined;
    const prepare = () => void (stop = startTracing({ endpoint: url, serviceName: "span-cost" }));
    return { one: asWebhook, prepare, flush: () => stop() };
  }
  if (mode === "wrap") {
    const bare = trace.wrapSpanContext({ traceId: "1".repeat(32), spanId: "2".repeat(16), traceFlags: 1 });
    return { one: () => wrapped(bare), flush: async () => undefined };
  }
  const { tracer, flush } = sdkTracer(PROCESSORS[mode](`${url}/v1/traces`));
  const one = async () => {
    const span = tracer.startSpan("finch.webhook", { attributes: {} }, ROOT_CONTEXT);
    try {
      return await work(span);
    } finally {
      span.end();
    }
  };
  return { one, flush };
}

async function main(): Promise<void> {
  const [mode, url, countText] = process.argv.slice(2);
  const count = Number(countText);
  const { one, prepare, flush } = spanFor(mode, url);
  // Each span runs in a request's log scope, as a route handler's does.
  const run = async (n: number) => {
    const started = performance.now();
    for (let i = 1; i <= n; i++) {
      await withLogContext({ requestId: `r${i}` }, one);
      // Paced as a busy server's requests (idle time costs no CPU): exports are answered as they would
      // be, and the batch processor's queue never overflows.
      if (i % YIELD_EVERY === 0) {
        const ahead = started + (i * 1000) / SPANS_PER_SECOND - performance.now();
        await new Promise((resolve) => (ahead > 0 ? setTimeout(resolve, ahead) : setImmediate(resolve)));
      }
    }
    await flush();
    // An export sent when a batch filled may still be answering: wait (without CPU) for it.
    await new Promise((resolve) => setTimeout(resolve, 200));
  };
  prepare?.();
  await run(Math.min(5000, count));
  prepare?.();
  const before = process.cpuUsage();
  await run(count);
  const used = process.cpuUsage(before);
  process.stdout.write(`${JSON.stringify({ mode, usPerSpan: (used.user + used.system) / count })}\n`);
  process.exit(0);
}

void main();
