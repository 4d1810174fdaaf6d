// What the browser needs to open Finch Connect: a session for the embedded modal, and a URL for the
// full-page redirect (the fallback, and the only form in the classic flow).
export interface ConnectLaunch {
  sessionId: string | null;
  state: string;
  url: string;
}
