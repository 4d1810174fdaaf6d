// The host API's statements (/api/v1): key checks, imports, login links and events to the host.
import { Prisma } from "@/lib/generated/prisma/client";
import { recordApiKeyUsageSql } from "@/lib/api-keys/api-key-usage";
import { apiKeyAllowsSql, apiKeyRowSql } from "@/lib/api-keys/authenticate-api-key";
import { readAccessTokenBehindGateSql } from "@/lib/connections/connection-token";
import { claimImportItemsSql, insertImportItemsSql } from "@/lib/imports/import-items-sql";
import type { FileStatements } from "./index";

const now = new Date();

export const HOST_API_SQL: Record<string, FileStatements> = {
  // Locks the connection with the executor's own statement (lockForTransitionSql); writes none of its own.
  "lib/signals/apply-host-signal.ts": {},
  "lib/api-keys/authenticate-api-key.ts": {
    apiKeyRowSql: () => [apiKeyRowSql("hash", now, "instance")],
    // A fragment: prepared inside the token read below.
    apiKeyAllowsSql: () => [],
  },
  // Its history words are a fragment of the token read's statement (connection-token.ts), planned there.
  "lib/api/read-access-token.ts": {},
  "lib/api-keys/api-key-usage.ts": {
    recordApiKeyUsageSql: () => [
      recordApiKeyUsageSql(
        "instance",
        [{ keyId: "key_x", windowStart: now.getTime(), count: 2, lastUsedAt: now.getTime(), written: false }],
        now,
      ),
    ],
  },
  "lib/connections/connection-token.ts": {
    readAccessTokenBehindGateSql: () => [
      readAccessTokenBehindGateSql(
        "conn_x",
        {
          rows: apiKeyRowSql("hash", now, "instance"),
          passes: apiKeyAllowsSql(Prisma.raw("g"), "tokens:read", 0, 10),
          detail: Prisma.sql`'Read by ' || g.name`,
        },
        { id: "evt_x", type: "token_read", at: now },
      ),
    ],
  },
  "lib/imports/import-items-sql.ts": {
    claimImportItemsSql: () => [claimImportItemsSql("imp_x", 16, 180)],
    insertImportItemsSql: () => [
      insertImportItemsSql("imp_x", [
        {
          position: 0,
          externalId: "cus_1",
          name: "Acme",
          emails: ["a@example.com"],
          ciphertext: "c",
          keyId: "k",
        },
      ]),
    ],
  },
};
