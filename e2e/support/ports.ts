// The ports one e2e run uses, picked free when the run starts so that two runs never collide. The
// runner's config picks them and leaves them in the environment, where its workers read the same ones.
import { execFileSync } from "node:child_process";

export interface E2ePorts {
  app: number;
  classic: number;
  finch: number;
  resend: number;
  db: number;
  hooks: number;
}

// Opens six servers on port 0, prints the ports the system chose, and closes them.
const PICK_FREE_PORTS = `
const net = require("node:net");
const servers = Array.from({ length: 6 }, () => net.createServer());
Promise.all(servers.map((s) => new Promise((r) => s.listen(0, "127.0.0.1", () => r(s.address().port)))))
  .then((ports) => { console.log(JSON.stringify(ports)); servers.forEach((s) => s.close()); });
`;

function pickPorts(): E2ePorts {
  const [app, classic, finch, resend, db, hooks] = JSON.parse(
    execFileSync(process.execPath, ["-e", PICK_FREE_PORTS], { encoding: "utf8" }),
  ) as number[];
  return { app, classic, finch, resend, db, hooks };
}

function resolvePorts(): E2ePorts {
  const saved = process.env.E2E_PORTS;
  if (saved) return JSON.parse(saved) as E2ePorts;
  const ports = pickPorts();
  process.env.E2E_PORTS = JSON.stringify(ports);
  return ports;
}

export const E2E_PORTS = resolvePorts();
export const APP_URL = `http://localhost:${E2E_PORTS.app}`;
export const CLASSIC_APP_URL = `http://localhost:${E2E_PORTS.classic}`;
export const FINCH_URL = `http://127.0.0.1:${E2E_PORTS.finch}`;
export const MAILBOX_URL = `http://127.0.0.1:${E2E_PORTS.resend}`;
export const HOOKS_URL = `http://127.0.0.1:${E2E_PORTS.hooks}`;
export const DATABASE_URL = `postgresql://postgres:postgres@127.0.0.1:${E2E_PORTS.db}/postgres?sslmode=disable`;

/** The environment that points `npm start` and the extra instance at this run's ports. */
export const E2E_PORT_ENV = {
  PORT: String(E2E_PORTS.app),
  FINCH_EMULATOR_PORT: String(E2E_PORTS.finch),
  RESEND_EMULATOR_PORT: String(E2E_PORTS.resend),
  EMBEDDED_DB_PORT: String(E2E_PORTS.db),
  HOOKS_EMULATOR_PORT: String(E2E_PORTS.hooks),
};
