// Handlers return a Reply value and the server writes it, so route code never touches the socket.

export type Reply =
  | { kind: "json"; status: number; body: unknown; headers?: Record<string, string> }
  | { kind: "html"; status: number; html: string; contentType?: string }
  | { kind: "redirect"; status: 302 | 303; location: string };

export const json = (body: unknown, status = 200, headers?: Record<string, string>): Reply => ({
  kind: "json",
  status,
  body,
  headers,
});

export const html = (markup: string, status = 200): Reply => ({ kind: "html", status, html: markup });

export const redirect = (location: string, status: 302 | 303 = 302): Reply => ({
  kind: "redirect",
  status,
  location,
});
