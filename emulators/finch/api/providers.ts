// GET /providers – public provider list; GET /assets/providers/:file – their offline icons.
import type { EmulatorContext } from "../context";
import { findProvider, PROVIDERS, providerIconSvg, providerResponse } from "../domain/providers";
import { errors } from "../http/finch-error";
import { json, text, type Reply } from "../../shared/http/reply";
import type { EmulatorRequest } from "../http/request";
import type { Route } from "../http/router";

export function providerRoutes(ctx: EmulatorContext): Route[] {
  const list = () => json(PROVIDERS.map((provider) => providerResponse(provider, ctx.publicUrl())));

  const icon = (req: EmulatorRequest): Reply => {
    const id = (req.params.file ?? "").replace(/\.svg$/, "");
    const provider = findProvider(id);
    if (!provider) throw errors.routeNotFound();
    return text(providerIconSvg(provider), "image/svg+xml", { "cache-control": "no-store" });
  };

  return [
    // Public on purpose: Finch's docs call it without a token (the SDK still wants one; see README).
    { method: "GET", pattern: "/providers", kind: "api", handle: list },
    { method: "GET", pattern: "/assets/providers/:file", kind: "ui", handle: icon },
  ];
}
