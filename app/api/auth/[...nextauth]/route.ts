// GET|POST /api/auth/* – next-auth: magic-link requests (address checked and rate-limited first), callbacks, session and sign-out
import type { NextRequest } from "next/server";
import NextAuth from "next-auth";
import { guardEmailSignIn } from "@/lib/auth/guard-email-sign-in";
import { authOptions } from "@/lib/auth/options";
import { refuseCrossSite } from "@/lib/http/same-origin";

type Context = { params: Promise<{ nextauth: string[] }> };

async function handler(request: NextRequest, context: Context) {
  const refused = refuseCrossSite(request);
  if (refused) return refused;
  const guarded = await guardEmailSignIn(request, (await context.params).nextauth ?? []);
  if (guarded) return guarded;
  return NextAuth(request, context, authOptions());
}

export { handler as GET, handler as POST };
