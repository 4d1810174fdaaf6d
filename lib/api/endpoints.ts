// Every endpoint of /api/v1, for the OpenAPI document (app/api/v1/openapi.json) and its tests.
import * as connectionActions from "./contract/connection-actions";
import * as connections from "./contract/connections";

export const API_ENDPOINTS = [...Object.values(connections), ...Object.values(connectionActions)];
