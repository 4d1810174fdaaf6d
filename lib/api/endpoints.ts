// Every endpoint of /api/v1, for the OpenAPI document (app/api/v1/openapi.json) and its tests.
import * as connections from "./contract/connections";
import * as imports from "./contract/imports";
import * as links from "./contract/links";
import * as webhooks from "./contract/webhooks";

export const API_ENDPOINTS = [
  ...Object.values(connections),
  ...Object.values(imports),
  ...Object.values(links),
  ...Object.values(webhooks),
];
