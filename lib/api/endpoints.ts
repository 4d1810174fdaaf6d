// Every endpoint of /api/v1, for the OpenAPI document (app/api/v1/openapi.json) and its tests. Sorted
// by path and method: a module's exports come in another order under ES modules than under CommonJS,
// and the document (and the types generated from it) must not depend on how it was loaded.
import * as connectionActions from "./contract/connection-actions";
import * as connections from "./contract/connections";
import * as imports from "./contract/imports";
import * as links from "./contract/links";
import * as webhooks from "./contract/webhooks";

export const API_ENDPOINTS = [
  ...Object.values(connections),
  ...Object.values(connectionActions),
  ...Object.values(imports),
  ...Object.values(links),
  ...Object.values(webhooks),
].sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
