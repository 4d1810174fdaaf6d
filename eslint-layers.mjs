// The one-way rule of lib/, as data: each folder may import from the folders on lower rows and from
// itself, never from its own row's siblings nor from a higher row. A nested folder (finch/spec) is a
// folder of its own, on its own row. The README's architecture section describes the same table;
// eslint.config.mjs turns it into no-restricted-imports rules per folder (layering.test.ts checks it).
export const LIB_LAYERS = [
  // The generated Prisma client, then the foundations beside lib/*.ts (env, db, errors, log,
  // formatting): Finch's published facts, crypto, small concurrency helpers.
  ["generated"],
  ["finch/spec", "crypto", "concurrency", "observability"],
  // Plumbing every domain uses: HTTP helpers, limits, the job engine, email sending, the Finch budget.
  ["http", "rate-limit", "jobs", "email", "finch/budget"],
  // Who is calling: a signed-in person (auth) or the host's backend with an API key (api-keys).
  ["auth", "api-keys"],
  // The one wrapper every server action goes through (validation, guard, errors, revalidation).
  ["actions"],
  ["orgs", "health"],
  // Signing a person in to an organization from the host's backend: single-use login links.
  ["login-links"],
  // Our records of a connection and the pure state machine; never calls Finch, never sends.
  ["connections"],
  // One outbox: claim, backoff, delivery, relay. Each kind of delivery is an adapter above it.
  ["outbox"],
  ["alerts", "outages"],
  // Deliveries built on the outbox that the state machine's notices feed: emails, events to the host.
  ["notifications", "host-events"],
  // The state machine's executor: applies a plan and queues its notices.
  ["signals"],
  // The gateway every Finch call goes through, then the flows built on it.
  ["finch"],
  ["finch/connect", "finch/webhook", "sweep", "imports"],
  // What people and machines read and do: the dashboard, the operator console, operations, the host API.
  ["dashboard", "operator", "ops", "api"],
  // Composition: process start-up and the job workers that wire every queue to its handler.
  ["startup"],
];

const ALL = LIB_LAYERS.flat();

/** The files at lib/'s root (env, db, log) sit with the foundations: they import nothing above them. */
export const ROOT_FORBIDDEN = LIB_LAYERS.slice(2).flat();

/** For each folder, the lib folders it must not import. */
export function forbiddenImports() {
  const rules = {};
  LIB_LAYERS.forEach((row, level) => {
    const above = LIB_LAYERS.slice(level + 1).flat();
    for (const folder of row) rules[folder] = [...row.filter((other) => other !== folder), ...above];
  });
  return rules;
}

/** The folders listed inside `folder` (finch → finch/spec, finch/budget, …). */
export function nestedFolders(folder) {
  return ALL.filter((other) => other.startsWith(`${folder}/`));
}

/** A regex matching imports of `forbidden` but not of the folders nested in it that `folder` may use. */
export function forbiddenImportRegex(folder, forbidden) {
  const banned = new Set(folder === "" ? ROOT_FORBIDDEN : forbiddenImports()[folder]);
  const allowed = nestedFolders(forbidden)
    .filter((nested) => !banned.has(nested))
    .map((nested) => `${nested.slice(forbidden.length + 1)}/`);
  const escape = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  const except = allowed.length > 0 ? `(?!${allowed.map(escape).join("|")})` : "";
  return `^@\\/lib\\/${escape(forbidden)}\\/${except}`;
}
