// GET/PUT /_emulator/rate-limits – read the usage, switch enforcement on or off, scale the windows.
import { z } from "zod";
import { json, redirect } from "../../shared/http/reply";
import { isFormBody, parseJsonOrFormBody } from "../../shared/http/body";

import type { Route } from "../http/router";
import { validate } from "../http/validate";
import type { FinchRateLimiter } from "./finch-rate-limiter";

const settingsSchema = z.object({
  enabled: z.union([z.boolean(), z.enum(["on", "off"]).transform((v) => v === "on")]).optional(),
  windowScale: z.coerce.number().positive().max(100).optional(),
  ipLimit: z.coerce.number().int().min(1).optional(),
});

export function rateLimitRoutes(limiter: FinchRateLimiter): Route[] {
  return [
    {
      method: "GET",
      pattern: "/_emulator/rate-limits",
      kind: "control",
      handle: () => json(limiter.usage()),
    },
    {
      method: "PUT",
      pattern: "/_emulator/rate-limits",
      kind: "control",
      handle: (req) => {
        const body = validate(settingsSchema, parseJsonOrFormBody(req));
        limiter.configure(body);
        return json(limiter.usage());
      },
    },
    {
      // The control page's form (HTML forms cannot PUT).
      method: "POST",
      pattern: "/_emulator/rate-limits",
      kind: "control",
      handle: (req) => {
        limiter.configure(validate(settingsSchema, parseJsonOrFormBody(req)));
        const state = limiter.usage().enabled ? "on" : "off";
        return isFormBody(req)
          ? redirect(`/?notice=${encodeURIComponent(`Rate limits are ${state}`)}`, 303)
          : json(limiter.usage());
      },
    },
  ];
}
