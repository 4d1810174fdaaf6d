// POST /api/email/unsubscribe?token=… – RFC 8058 one-click unsubscribe from reminder emails (the List-Unsubscribe target)
import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { env } from "@/lib/env";
import { jsonRoute } from "@/lib/auth/route-handler";
import { applyEmailPreference } from "@/lib/notifications/apply-email-preference";
import { verifyEmailPreferenceToken } from "@/lib/notifications/email-preference-links";

const tokenSchema = z.string().min(1).max(1024);

// Mail clients POST "List-Unsubscribe=One-Click" with no cookies: the signed token is the authority.
export const POST = jsonRoute(async (request: NextRequest) => {
  const token = tokenSchema.safeParse(request.nextUrl.searchParams.get("token"));
  const action = token.success ? verifyEmailPreferenceToken("unsubscribe", token.data) : null;
  if (!action || !(await applyEmailPreference(action))) {
    return NextResponse.json(
      { error: "This unsubscribe link is not valid.", code: "bad_request" },
      { status: 400 },
    );
  }
  return NextResponse.json({ ok: true, unsubscribed: "reminders" });
});

// A GET (a person, or a scanner) only leads to the confirmation page, which changes nothing by itself.
export function GET(request: NextRequest) {
  const page = new URL("/email/unsubscribe", env().APP_URL);
  const token = tokenSchema.safeParse(request.nextUrl.searchParams.get("token"));
  if (token.success) page.searchParams.set("token", token.data);
  return NextResponse.redirect(page, { status: 303 });
}
