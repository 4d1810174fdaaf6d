// POST /api/connections/sweep – check the organization's connections with Finch now; operators may check all
import { NextResponse } from "next/server";
import { z } from "zod";
import { getCurrentUser, isOperator } from "@/lib/auth/session";
import { runSweepNow } from "@/lib/sweep/run-sweep-now";
import { AppError } from "@/lib/errors";
import { jsonRoute, memberForRoute } from "@/lib/auth/route-handler";

const bodySchema = z.object({ scope: z.enum(["organization", "all"]).default("organization") }).strict();

async function readBody(request: Request): Promise<z.infer<typeof bodySchema>> {
  const text = await request.text();
  let json: unknown = {};
  try {
    if (text.trim()) json = JSON.parse(text);
  } catch {
    throw new AppError("bad_request", "The request body is not valid JSON.");
  }
  const parsed = bodySchema.safeParse(json);
  if (!parsed.success) throw new AppError("bad_request", 'Send {} or { "scope": "all" }.');
  return parsed.data;
}

async function organizationToSweep(scope: "organization" | "all"): Promise<string | undefined> {
  if (scope === "organization") return (await memberForRoute()).organization.id;
  const user = await getCurrentUser();
  if (!user) throw new AppError("unauthorized", "Sign in to continue.");
  if (!isOperator(user.email))
    throw new AppError("forbidden", "Only operators can check every organization.");
  return undefined;
}

export const POST = jsonRoute(async (request: Request) => {
  const { scope } = await readBody(request);
  const organizationId = await organizationToSweep(scope);
  const result = await runSweepNow({ organizationId });
  if (result.kind === "pending") {
    return NextResponse.json({ ok: true, scope, pending: true }, { status: 202 });
  }
  return NextResponse.json({ ok: true, scope, summary: result.summary });
});
