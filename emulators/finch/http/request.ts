// What a Finch route handler sees of a request: the kit's request plus Finch's request id.
import type { RouteRequest } from "../../shared/http/router";

export interface EmulatorRequest extends RouteRequest {
  requestId: string;
}

/** The Connect pages post urlencoded forms. */
export function formBody(req: EmulatorRequest): URLSearchParams {
  return new URLSearchParams(req.rawBody);
}
