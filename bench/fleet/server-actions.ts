// Calls the product's server actions over HTTP exactly as the dashboard's buttons do: a POST to the
// page with the action's id (read from the build's manifest), the arguments encoded as React encodes
// `action(null, formData)`, the session cookie and the page's own Origin. The answer is React's
// stream; the action's returned state is read from it.
import fs from "node:fs";
import path from "node:path";

interface ManifestEntry {
  exportedName?: string;
  filename?: string;
}

/** The id of each named action export in the build (e.g. "checkStatusNowAction"). */
export function serverActionIds(appDir: string, names: string[]): Record<string, string> {
  const file = path.join(appDir, ".next", "server", "server-reference-manifest.json");
  const manifest = JSON.parse(fs.readFileSync(file, "utf8")) as { node: Record<string, ManifestEntry> };
  const ids: Record<string, string> = {};
  for (const [id, entry] of Object.entries(manifest.node))
    if (entry.exportedName && names.includes(entry.exportedName)) ids[entry.exportedName] = id;
  const missing = names.filter((name) => !ids[name]);
  if (missing.length > 0) throw new Error(`server actions not in the build: ${missing.join(", ")}`);
  return ids;
}

export type ActionAnswer =
  { kind: "success"; body: string } | { kind: "error"; status: number; message: string };

export async function callServerAction(options: {
  baseUrl: string;
  actionId: string;
  cookie: string;
  fields?: Record<string, string>;
}): Promise<ActionAnswer> {
  // encodeReply([null, formData]): the root refers to part 1, whose fields carry the "_1_" prefix.
  const form = new FormData();
  for (const [name, value] of Object.entries(options.fields ?? {})) form.set(`_1_${name}`, value);
  form.set("0", JSON.stringify([null, "$K1"]));
  const response = await fetch(`${options.baseUrl}/`, {
    method: "POST",
    headers: {
      accept: "text/x-component",
      "next-action": options.actionId,
      origin: options.baseUrl,
      cookie: options.cookie,
    },
    body: form,
    redirect: "manual",
  });
  const body = await response.text();
  if (response.status !== 200) return { kind: "error", status: response.status, message: body.slice(0, 200) };
  const error = /"kind":"error","error":"((?:[^"\\]|\\.)*)"/.exec(body);
  if (error) return { kind: "error", status: 200, message: JSON.parse(`"${error[1]}"`) as string };
  if (!body.includes('"kind":"success"')) return { kind: "error", status: 200, message: body.slice(0, 200) };
  return { kind: "success", body };
}

/** A string field of the action's answer, e.g. the Connect URL of a reconnect's launch. */
export function answerField(body: string, name: string): string | null {
  const match = new RegExp(`"${name}":"((?:[^"\\\\]|\\\\.)*)"`).exec(body);
  return match?.[1] ? (JSON.parse(`"${match[1]}"`) as string) : null;
}
