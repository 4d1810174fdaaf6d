// Records the product's own spans and hands each finished one to the SDK's span processor (its batching
// and OTLP export), as the SDK's Tracer would. In a Next.js server the SDK's startSpan and end cost
// about 60 µs a span (measured inside the benchmark's server): every Date.now() and Math.random() goes
// through Next's patched globals (two AsyncLocalStorage reads each, about 5 µs for a Date.now), and the
// sampler, the span limits and the SDK's own span counters run for each. Recorded here, a span costs a
// few µs: ids from a pool of random bytes, times from performance.now(), nothing else per span. The
// webhook answers in about 3 ms, so that difference was 2% of it (bench/README.md).
import crypto from "node:crypto";
import {
  SpanKind,
  TraceFlags,
  trace,
  type Attributes,
  type AttributeValue,
  type Context,
  type Exception,
  type HrTime,
  type Link,
  type Span,
  type SpanContext,
  type SpanStatus,
  type TimeInput,
} from "@opentelemetry/api";
import {
  SamplingDecision,
  type ReadableSpan,
  type Sampler,
  type SpanProcessor,
  type TimedEvent,
} from "@opentelemetry/sdk-trace-node";

type Resource = ReadableSpan["resource"];
type InstrumentationScope = ReadableSpan["instrumentationScope"];

// performance.now() is Next's advice for measuring, and not patched; its origin is read once.
const ORIGIN_MS = performance.timeOrigin;

/** A time in milliseconds since the epoch as OpenTelemetry's [seconds, nanoseconds]. */
export function hrTimeOf(epochMs: number): HrTime {
  const seconds = Math.floor(epochMs / 1000);
  const nanos = Math.round((epochMs - seconds * 1000) * 1e6);
  return nanos >= 1e9 ? [seconds + 1, nanos - 1e9] : [seconds, nanos];
}

/** A caller's time (epoch milliseconds, a Date or an HrTime) as epoch milliseconds. */
function epochMsOf(time: TimeInput | undefined): number {
  if (time === undefined) return ORIGIN_MS + performance.now();
  if (typeof time === "number") return time;
  if (time instanceof Date) return time.getTime();
  return time[0] * 1000 + time[1] / 1e6;
}

/** Random ids, cut from a pool refilled from the OS's generator every 4 KiB (never through Math.random). */
class IdPool {
  private readonly pool = Buffer.alloc(4096);
  private offset = this.pool.length;

  /** `bytes` random bytes as lowercase hex; never all zeros (an invalid id). */
  next(bytes: number): string {
    if (this.offset + bytes > this.pool.length) {
      crypto.randomFillSync(this.pool);
      this.offset = 0;
    }
    const id = this.pool.toString("hex", this.offset, (this.offset += bytes));
    return /^0+$/.test(id) ? this.next(bytes) : id;
  }
}

class RecordedSpan implements Span, ReadableSpan {
  readonly kind = SpanKind.INTERNAL;
  readonly links: Link[] = [];
  readonly events: TimedEvent[] = [];
  readonly attributes: Attributes = {};
  readonly droppedAttributesCount = 0;
  readonly droppedEventsCount = 0;
  readonly droppedLinksCount = 0;
  readonly startTime: HrTime;
  endTime: HrTime = [0, 0];
  duration: HrTime = [0, 0];
  status: SpanStatus = { code: 0 };
  ended = false;
  private readonly startedAt = performance.now();

  constructor(
    public name: string,
    attributes: Attributes,
    private readonly context: SpanContext,
    readonly parentSpanContext: SpanContext | undefined,
    readonly resource: Resource,
    readonly instrumentationScope: InstrumentationScope,
    private readonly processor: SpanProcessor,
  ) {
    this.startTime = hrTimeOf(ORIGIN_MS + this.startedAt);
    this.setAttributes(attributes);
  }

  spanContext(): SpanContext {
    return this.context;
  }

  setAttribute(key: string, value: AttributeValue | undefined): this {
    if (!this.ended && value !== undefined && value !== null) this.attributes[key] = value;
    return this;
  }

  setAttributes(attributes: Attributes): this {
    for (const key of Object.keys(attributes)) this.setAttribute(key, attributes[key]);
    return this;
  }

  addEvent(name: string, attributesOrTime?: Attributes | TimeInput, time?: TimeInput): this {
    if (this.ended) return this;
    const timed =
      attributesOrTime instanceof Date ||
      Array.isArray(attributesOrTime) ||
      typeof attributesOrTime === "number";
    this.events.push({
      name,
      attributes: timed ? {} : { ...attributesOrTime },
      time: hrTimeOf(epochMsOf(timed ? (attributesOrTime as TimeInput) : time)),
      droppedAttributesCount: 0,
    });
    return this;
  }

  addLink(link: Link): this {
    if (!this.ended) this.links.push(link);
    return this;
  }

  addLinks(links: Link[]): this {
    for (const link of links) this.addLink(link);
    return this;
  }

  setStatus(status: SpanStatus): this {
    if (!this.ended) this.status = { ...status };
    return this;
  }

  updateName(name: string): this {
    if (!this.ended) this.name = name;
    return this;
  }

  /** Records only the exception's class: a message can carry a token or an address. */
  recordException(exception: Exception, time?: TimeInput): void {
    const type = typeof exception === "string" ? "Error" : (exception.name ?? "Error");
    this.addEvent("exception", { "exception.type": type }, time);
  }

  isRecording(): boolean {
    return !this.ended;
  }

  end(endTime?: TimeInput): void {
    if (this.ended) return;
    const endMs = endTime === undefined ? ORIGIN_MS + performance.now() : epochMsOf(endTime);
    this.endTime = hrTimeOf(endMs);
    this.duration = hrTimeOf(Math.max(0, endMs - (ORIGIN_MS + this.startedAt)));
    this.processor.onEnding?.(this);
    this.ended = true;
    this.processor.onEnd(this);
  }
}

export interface SpanRecorderOptions {
  /** Where finished spans go: the provider's batch processor, and with it the OTLP exporter. */
  processor: SpanProcessor;
  resource: Resource;
  scope: InstrumentationScope;
  /**
   * Which traces are kept (sampler.ts); without one, OpenTelemetry's default: every trace whose parent
   * (if any) was kept, decided here without a call. A span not kept records nothing and goes nowhere.
   */
  sampler?: Sampler;
}

/** Starts the product's spans, each kept or not as the sampler (or OpenTelemetry's default) decides. */
export class SpanRecorder {
  private readonly ids = new IdPool();

  constructor(private readonly options: SpanRecorderOptions) {}

  startSpan(name: string, attributes: Attributes, parent: Context): Span {
    const parentContext = trace.getSpanContext(parent);
    const valid = parentContext !== undefined && trace.isSpanContextValid(parentContext);
    const { processor, resource, scope, sampler } = this.options;
    const context: SpanContext = {
      traceId: valid ? parentContext.traceId : this.ids.next(16),
      spanId: this.ids.next(8),
      traceFlags: TraceFlags.SAMPLED,
      traceState: valid ? parentContext.traceState : undefined,
    };
    // RECORD (recorded, not exported) counts as not kept: nothing of such a span would leave the process.
    const kept = sampler
      ? sampler.shouldSample(parent, context.traceId, name, SpanKind.INTERNAL, attributes, []).decision ===
        SamplingDecision.RECORD_AND_SAMPLED
      : !valid || (parentContext.traceFlags & TraceFlags.SAMPLED) !== 0;
    if (!kept) return trace.wrapSpanContext({ ...context, traceFlags: TraceFlags.NONE });
    const span = new RecordedSpan(
      name,
      attributes,
      context,
      valid ? parentContext : undefined,
      resource,
      scope,
      processor,
    );
    processor.onStart(span, parent);
    return span;
  }
}
