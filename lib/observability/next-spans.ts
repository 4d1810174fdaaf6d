// Which of Next.js's own spans are traced: none (Next sees no tracer provider and skips its tracing work),
// each request's server span only (method, route, status), or all of them (bench/README.md: what each costs).
import {
  INVALID_SPAN_CONTEXT,
  context,
  trace,
  type Context,
  type Span,
  type SpanOptions,
  type Tracer,
  type TracerOptions,
  type TracerProvider,
} from "@opentelemetry/api";
import type { Env } from "@/lib/env";

/** The scope Next.js creates its spans with (next/dist/server/lib/trace/tracer.js). */
export const NEXT_TRACER_NAME = "next.js";

/** Next's server span for one request; the name is Next's `BaseServerSpan.handleRequest`. */
const NEXT_REQUEST_SPAN_TYPE = "BaseServer.handleRequest";

/** The choices OTEL_NEXT_SPANS accepts (lib/env.ts). */
export type NextSpans = Env["OTEL_NEXT_SPANS"];

function isRequestSpan(options: SpanOptions | undefined): boolean {
  return options?.attributes?.["next.span_type"] === NEXT_REQUEST_SPAN_TYPE;
}

type ActiveSpanArgs = [
  options: SpanOptions | undefined,
  parent: Context | undefined,
  run: (span: Span) => unknown,
];

/** Reads startActiveSpan's three overloads: (name, fn), (name, options, fn), (name, options, context, fn). */
function activeSpanArgs(args: unknown[]): ActiveSpanArgs {
  const run = args[args.length - 1] as (span: Span) => unknown;
  if (args.length === 1) return [undefined, undefined, run];
  if (args.length === 2) return [args[0] as SpanOptions, undefined, run];
  return [args[0] as SpanOptions, args[1] as Context, run];
}

/**
 * Next's tracer with every span but the request's left out: a left-out span is the current span seen
 * again (not recording, nothing exported, the context unchanged), so what runs inside it, our own spans
 * included, stays a child of the request span.
 */
class RequestSpansTracer implements Tracer {
  constructor(private readonly tracer: Tracer) {}

  private passThrough(parent: Context | undefined): Span {
    return trace.wrapSpanContext(trace.getSpanContext(parent ?? context.active()) ?? INVALID_SPAN_CONTEXT);
  }

  startSpan(name: string, options?: SpanOptions, parent?: Context): Span {
    return isRequestSpan(options) ? this.tracer.startSpan(name, options, parent) : this.passThrough(parent);
  }

  startActiveSpan<F extends (span: Span) => unknown>(name: string, ...args: unknown[]): ReturnType<F> {
    const [options, parent, run] = activeSpanArgs(args);
    if (isRequestSpan(options))
      return this.tracer.startActiveSpan(
        name,
        options ?? {},
        parent ?? context.active(),
        run,
      ) as ReturnType<F>;
    return run(this.passThrough(parent)) as ReturnType<F>;
  }
}

/** The SDK's provider, with Next's tracer reduced to request spans. */
export class NextRequestSpansProvider implements TracerProvider {
  private nextTracer: Tracer | undefined;

  constructor(private readonly provider: TracerProvider) {}

  getTracer(name: string, version?: string, options?: TracerOptions): Tracer {
    if (name !== NEXT_TRACER_NAME) return this.provider.getTracer(name, version, options);
    return (this.nextTracer ??= new RequestSpansTracer(this.provider.getTracer(name, version, options)));
  }
}

/**
 * Registers the SDK's provider as the global one (the one Next.js and libraries such as pg-boss use) as
 * `spans` asks. With "none" nothing is registered: Next.js finds no provider and skips its tracing, and
 * the product's spans come from `provider` directly.
 */
export function shareTracingWithNext(provider: TracerProvider, spans: NextSpans): void {
  trace.disable();
  if (spans === "request") trace.setGlobalTracerProvider(new NextRequestSpansProvider(provider));
  if (spans === "all") trace.setGlobalTracerProvider(provider);
}
