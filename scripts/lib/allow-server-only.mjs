// Lets npm run doctor -- --sandbox run the product's own server modules outside Next.js: `server-only`
// is a marker that throws outside a server bundle, so here it resolves to the package's empty module.
import Module from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const empty = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../node_modules/server-only/empty.js",
);
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return resolveFilename.call(this, request === "server-only" ? empty : request, ...rest);
};
