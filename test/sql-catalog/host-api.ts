// The host API's statements (/api/v1): key checks, imports, login links and events to the host.
import { authenticateApiKeySql } from "@/lib/api-keys/authenticate-api-key";
import { readAccessTokenWithEventSql } from "@/lib/connections/connection-token";
import { claimImportItemsSql, insertImportItemsSql } from "@/lib/imports/import-items-sql";
import type { FileStatements } from "./index";

const now = new Date();

export const HOST_API_SQL: Record<string, FileStatements> = {
  // Locks the connection with the executor's own statement (lockForTransitionSql); writes none of its own.
  "lib/signals/apply-host-signal.ts": {},
  "lib/api-keys/authenticate-api-key.ts": {
    authenticateApiKeySql: () => [authenticateApiKeySql("hash", now, { start: now, end: now })],
  },
  "lib/connections/connection-token.ts": {
    readAccessTokenWithEventSql: () => [
      readAccessTokenWithEventSql("conn_x", { id: "evt_x", type: "token_read", detail: "d", at: now }),
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
