// npm run api-key -- create <name> [--scopes a,b] | list | revoke <id> – API keys for the host's backend,
// from a shell, on the same database as the running product (npm start's embedded one included).
// `create` prints the new key alone on its last line.
import fs from "node:fs";
import path from "node:path";

const ROOT = path.resolve(__dirname, "..");
const USAGE = "usage: npm run api-key -- create <name> [--scopes a,b] | list | revoke <id>";

/** A mistake in the command line: exit 2. */
class UsageError extends Error {}

function parseCreate(args: string[]): { name: string; scopes: string | undefined } {
  let scopes: string | undefined;
  const words: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--scopes") scopes = args[++i] ?? "";
    else if (arg.startsWith("--scopes=")) scopes = arg.slice("--scopes=".length);
    else if (arg.startsWith("--")) throw new UsageError(`Unknown option ${arg}.\n${USAGE}`);
    else words.push(arg);
  }
  const name = words.join(" ").trim();
  if (!name) throw new UsageError(`Name the key.\n${USAGE}`);
  if (scopes !== undefined && !scopes.trim())
    throw new UsageError("--scopes needs a list, e.g. --scopes connections:read");
  return { name, scopes };
}

async function main(argv: string[]): Promise<number> {
  if (fs.existsSync(path.join(ROOT, ".env"))) process.loadEnvFile(path.join(ROOT, ".env"));
  const [command, ...args] = argv;
  if (!["create", "list", "revoke"].includes(command ?? "")) throw new UsageError(USAGE);
  const { parseScopes } = await import("../lib/api-keys/api-scopes");
  const create = command === "create" ? parseCreate(args) : null;
  let scopes: ReturnType<typeof parseScopes> = [];
  try {
    scopes = parseScopes(create?.scopes);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (command === "revoke" && args.length !== 1) throw new UsageError(USAGE);

  // Local defaults and the embedded database are found before anything reads the configuration.
  const { assertDatabaseAnswers, cliEnv } = await import("./lib/cli-env");
  const resolved = cliEnv(process.env);
  Object.assign(process.env, resolved.env);
  await assertDatabaseAnswers(resolved);
  const keys = await import("../lib/api-keys/manage-api-keys");
  const { db } = await import("../lib/db");
  try {
    if (create) {
      const { key, apiKey } = await keys.createApiKey({ name: create.name, scopes });
      console.log(`Created API key "${apiKey.name}" (id ${apiKey.id}) with ${apiKey.scopes.join(", ")}.`);
      console.log("Copy it now: it is shown only once. Send it as Authorization: Bearer <key>.");
      console.log(key);
      return 0;
    }
    if (command === "list") {
      const all = await keys.listApiKeys();
      if (all.length === 0) console.log("No API keys.");
      for (const k of all) {
        const state = k.revokedAt ? `revoked ${k.revokedAt.toISOString()}` : "live";
        const used = k.lastUsedAt ? `last used ${k.lastUsedAt.toISOString()}` : "never used";
        console.log(`${k.id}  ${k.prefix}…  ${k.name}  [${k.scopes.join(",")}]  ${state}, ${used}`);
      }
      return 0;
    }
    if (await keys.revokeApiKey(args[0])) {
      console.log(`Revoked ${args[0]}: requests with it now get 401.`);
      return 0;
    }
    console.error(`No live API key has the id ${args[0]} (npm run api-key -- list).`);
    return 1;
  } finally {
    await db().$disconnect();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
