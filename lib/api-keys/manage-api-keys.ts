// Operators' keys for the host's backend: create (the key is returned once), list and revoke.
import "server-only";
import { db } from "@/lib/db";
import { API_SCOPES, type ApiScope } from "./api-scopes";
import { generateApiKey } from "./api-key-secret";

export interface ApiKeySummary {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

const SUMMARY = {
  id: true,
  name: true,
  prefix: true,
  scopes: true,
  createdAt: true,
  lastUsedAt: true,
  revokedAt: true,
} as const;

export async function createApiKey(input: {
  name: string;
  scopes?: ApiScope[];
  createdById?: string;
}): Promise<{ key: string; apiKey: ApiKeySummary }> {
  const name = input.name.trim();
  if (!name || name.length > 100) throw new Error("A key needs a name of 1 to 100 characters.");
  const { key, prefix, secretHash } = generateApiKey();
  const apiKey = await db().apiKey.create({
    data: {
      name,
      prefix,
      secretHash,
      scopes: input.scopes?.length ? input.scopes : [...API_SCOPES],
      createdById: input.createdById,
    },
    select: SUMMARY,
  });
  return { key, apiKey };
}

export function listApiKeys(): Promise<ApiKeySummary[]> {
  return db().apiKey.findMany({ select: SUMMARY, orderBy: [{ revokedAt: "desc" }, { createdAt: "desc" }] });
}

/** Revokes a key at once on every instance (each request looks its key up); false when unknown. */
export async function revokeApiKey(id: string, now = new Date()): Promise<boolean> {
  const { count } = await db().apiKey.updateMany({
    where: { id, revokedAt: null },
    data: { revokedAt: now },
  });
  return count > 0;
}
