// npm run api:types – writes examples/host-client/api-types.d.ts from the API's OpenAPI document.
import fs from "node:fs";
import { API_TYPES_FILE, generateApiTypes } from "./lib/api-types";

generateApiTypes().then(
  (types) => {
    fs.writeFileSync(API_TYPES_FILE, types);
    console.log(`Wrote ${API_TYPES_FILE}`);
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
