"use server";

import { z } from "zod";
import { operatorAction } from "@/lib/actions/form-action";
import { API_SCOPES } from "@/lib/api-keys/api-scopes";
import { createApiKey, revokeApiKey } from "@/lib/api-keys/manage-api-keys";
import type { FormState } from "@/lib/form-state";

// The API keys page's actions: create (the key comes back once, in the form's state) and revoke.

export type CreateApiKeyState = FormState<{ key?: string; name?: string }>;

// Each scope is its own checkbox, named after the scope ("on" when ticked).
const createSchema = z.looseObject({
  name: z
    .string({ error: "Name the key." })
    .trim()
    .min(1, { error: "Name the key." })
    .max(100, { error: "A name has at most 100 characters." }),
});

export const createApiKeyAction = operatorAction(
  createSchema,
  async (input, operator): Promise<Exclude<CreateApiKeyState, null>> => {
    const scopes = API_SCOPES.filter((scope) => input[scope] === "on");
    if (scopes.length === 0) return { kind: "error", error: "Choose at least one scope." };
    const { key, apiKey } = await createApiKey({ name: input.name, scopes, createdById: operator.id });
    return { kind: "success", message: `Created "${apiKey.name}".`, key, name: apiKey.name };
  },
  { revalidate: ["/operator/api-keys"] },
);

export const revokeApiKeyAction = operatorAction(
  z.object({ id: z.string().min(1).max(64) }),
  async ({ id }) => {
    const revoked = await revokeApiKey(id);
    return revoked
      ? { kind: "success", message: "Revoked. Requests with this key now get 401." }
      : { kind: "error", error: "This key is already revoked or does not exist." };
  },
  { revalidate: ["/operator/api-keys"] },
);
