// The hooks inbox stand-in, as a host backend's webhook receiver: tell it the signing secret of a path,
// and read the Standard Webhooks events that arrived there (verified or not), oldest first.
import { HOOKS_URL } from "./ports";

export { HOOKS_URL };

export interface InboxEvent {
  type: string;
  data: Record<string, unknown> & { connection_id?: string };
  /** The raw body as it arrived, to check what it does not carry. */
  body: string;
  webhookId: string;
  /** True when the signature matched the secret the inbox was told for this path. */
  verified: boolean | null;
}

/** From now on the inbox verifies posts under `pathPrefix` with this Standard Webhooks secret. */
export async function tellInboxSecret(pathPrefix: string, secret: string): Promise<void> {
  const response = await fetch(`${HOOKS_URL}/_emulator/secrets`, {
    method: "POST",
    body: JSON.stringify({ pathPrefix, secret }),
  });
  if (!response.ok) throw new Error(`hooks inbox answered ${response.status}: ${await response.text()}`);
}

/** The events accepted under `path`, oldest first. */
export async function inboxEvents(path: string): Promise<InboxEvent[]> {
  const response = await fetch(`${HOOKS_URL}/received?path=${encodeURIComponent(path)}`);
  if (!response.ok) throw new Error(`hooks inbox answered ${response.status}`);
  const { data } = (await response.json()) as {
    data: { body: string; headers: Record<string, string>; verified: boolean | null }[];
  };
  return data.reverse().map((hook) => {
    const event = JSON.parse(hook.body) as { type: string; data: InboxEvent["data"] };
    return {
      type: event.type,
      data: event.data,
      body: hook.body,
      webhookId: hook.headers["webhook-id"] ?? "",
      verified: hook.verified,
    };
  });
}
