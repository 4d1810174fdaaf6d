// Drives the Connect pages with plain fetch, reading the forms out of the HTML like a browser would.

export interface HtmlForm {
  method: "get" | "post";
  action: string;
  fields: [string, string][];
  buttons: { name: string; value: string; label: string }[];
}

const unescape = (value: string) =>
  value
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

export function parseForms(html: string): HtmlForm[] {
  const forms: HtmlForm[] = [];
  for (const match of html.matchAll(/<form method="(get|post)" action="([^"]*)"[^>]*>([\s\S]*?)<\/form>/g)) {
    const [, method, action, inner = ""] = match;
    const fields = [...inner.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)].map(
      ([, name = "", value = ""]): [string, string] => [unescape(name), unescape(value)],
    );
    const buttons = [
      ...inner.matchAll(/<button[^>]*name="([^"]*)" value="([^"]*)"[^>]*>([\s\S]*?)<\/button>/g),
    ].map(([, name = "", value = "", label = ""]) => ({
      name,
      value,
      label: unescape(label.replace(/<[^>]+>/g, "").trim()),
    }));
    forms.push({
      method: method === "get" ? "get" : "post",
      action: unescape(action ?? ""),
      fields,
      buttons,
    });
  }
  return forms;
}

export interface ConnectResult {
  status: number;
  location: string | null;
  html: string;
  code: string | null;
  state: string | null;
}

async function fetchPage(url: string, init?: RequestInit): Promise<Response> {
  return fetch(url, { redirect: "manual", ...init });
}

/**
 * Opens a Connect URL, picks `provider` if the picker shows, and submits the sign-in form.
 * Returns the final response: a 302 with the code in the redirect flow, or the page otherwise.
 */
export async function signInThroughConnect(
  authorizeUrl: string,
  {
    username,
    password = "letmein",
    provider = "gusto",
    action = "connect",
  }: { username: string; password?: string; provider?: string; action?: string },
): Promise<ConnectResult> {
  const origin = new URL(authorizeUrl).origin;
  let page = await fetchPage(authorizeUrl);
  let html = await page.text();
  if (page.status !== 200) return { status: page.status, location: null, html, code: null, state: null };

  const picker = parseForms(html).find(
    (f) => f.method === "get" && f.buttons.some((b) => b.name === "provider"),
  );
  if (picker) {
    const query = new URLSearchParams(picker.fields);
    query.set("provider", provider);
    page = await fetchPage(`${origin}${picker.action}?${query}`);
    html = await page.text();
  }

  const signIn = parseForms(html).find(
    (f) => f.method === "post" && f.buttons.some((b) => b.value === "connect"),
  );
  if (!signIn) throw new Error(`no sign-in form on the page:\n${html}`);
  const response = await fetchPage(`${origin}${signIn.action}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ username, password, action }).toString(),
  });
  return toConnectResult(response);
}

/** Where Connect sent the browser, and the code and state it carried. */
async function toConnectResult(response: Response): Promise<ConnectResult> {
  const location = response.headers.get("location");
  const params = location ? new URL(location).searchParams : null;
  return {
    status: response.status,
    location,
    html: await response.text(),
    code: params?.get("code") ?? null,
    state: params?.get("state") ?? null,
  };
}

/** The entity step's checkboxes (multi-entity mode): value, checked and label, read out of the HTML. */
export function entityBoxes(html: string): { value: string; checked: boolean; label: string }[] {
  return [
    ...html.matchAll(
      /<input id="([^"]+)" name="entity" type="checkbox" value="([^"]+)"( checked)?> <label for="\1">([^<]+)<\/label>/g,
    ),
  ].map(([, , value = "", checked, label = ""]) => ({
    value,
    checked: Boolean(checked),
    label: unescape(label),
  }));
}

/**
 * Signs in and, when Connect shows the entity step, keeps the entities `keep` accepts (all by
 * default) and presses Continue. Returns the final response like signInThroughConnect.
 */
export async function signInWithEntities(
  authorizeUrl: string,
  username: string,
  keep: (name: string) => boolean = () => true,
): Promise<ConnectResult & { boxes: ReturnType<typeof entityBoxes> }> {
  const first = await signInThroughConnect(authorizeUrl, { username });
  const form = parseForms(first.html).find((f) => f.buttons.some((b) => b.value === "entities"));
  if (first.status !== 200 || !form) return { ...first, boxes: [] };
  const boxes = entityBoxes(first.html);
  const body = new URLSearchParams([...form.fields, ["action", "entities"]]);
  for (const box of boxes) if (keep(box.label)) body.append("entity", box.value);
  const response = await fetchPage(`${new URL(authorizeUrl).origin}${form.action}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: body.toString(),
  });
  return { ...(await toConnectResult(response)), boxes };
}
