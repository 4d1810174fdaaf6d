// Which traces are kept: OpenTelemetry's standard OTEL_TRACES_SAMPLER and OTEL_TRACES_SAMPLER_ARG, read
// by lib/env.ts (where an unknown name or a ratio outside 0-1 is refused, not silently replaced) and built
// as the SDK builds them from the environment, so that Next's spans and ours decide alike.
import {
  AlwaysOffSampler,
  AlwaysOnSampler,
  ParentBasedSampler,
  TraceIdRatioBasedSampler,
  type Sampler,
} from "@opentelemetry/sdk-trace-node";
import type { Env } from "@/lib/env";

/** The names OTEL_TRACES_SAMPLER accepts (lib/env.ts). */
export type SamplerName = Env["OTEL_TRACES_SAMPLER"];

/** OpenTelemetry's default: keep every trace whose parent (if any) was kept. */
export const DEFAULT_SAMPLER: SamplerName = "parentbased_always_on";

/** The SDK's sampler for a name and its ratio (OTEL_TRACES_SAMPLER_ARG, used by the ratio samplers). */
export function samplerFor(name: SamplerName, ratio = 1): Sampler {
  switch (name) {
    case "always_on":
      return new AlwaysOnSampler();
    case "always_off":
      return new AlwaysOffSampler();
    case "traceidratio":
      return new TraceIdRatioBasedSampler(ratio);
    case "parentbased_always_on":
      return new ParentBasedSampler({ root: new AlwaysOnSampler() });
    case "parentbased_always_off":
      return new ParentBasedSampler({ root: new AlwaysOffSampler() });
    case "parentbased_traceidratio":
      return new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(ratio) });
  }
}
