// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  // @tryfinch/react-connect 5.0.0 (the newest on the registry) loses its callbacks under StrictMode's
  // double mount; 5.0.1 fixes it. Production builds never double-mount, this keeps `next dev` honest too.
  reactStrictMode: false,
  poweredByHeader: false,
  serverExternalPackages: [
    "pg",
    "pg-boss",
    "@prisma/adapter-pg",
    // One copy per process, shared by every bundle: the metrics registry, the logger, the tracer.
    "prom-client",
    "pino",
    "pino-pretty",
    "@opentelemetry/api",
    "@opentelemetry/sdk-trace-node",
    "@opentelemetry/resources",
    "@opentelemetry/exporter-trace-otlp-http",
  ],
  // Types are checked once, by `npm run typecheck` (a step of `npm test` and CI); the build does not
  // repeat it, which was half of `npm start`'s first build on two cores.
  typescript: { ignoreBuildErrors: true },
};

module.exports = nextConfig;
