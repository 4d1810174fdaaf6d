// The Finch stand-in's routes: the kit's routes, each tagged with what may be injected into it.
import type { Route as KitRoute } from "../../shared/http/router";
import type { EmulatorRequest } from "./request";

/** `api` routes are subject to injected latency and faults; `ui` and `control` routes never are. */
export type RouteKind = "api" | "ui" | "control";

export interface Route extends KitRoute<EmulatorRequest> {
  kind: RouteKind;
}
