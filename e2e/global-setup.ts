// Refuses to run the suite against anything but this machine: the tests create users and break connections.
import type { FullConfig } from "@playwright/test";

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

export default function globalSetup(config: FullConfig) {
  for (const project of config.projects) {
    const baseURL = project.use.baseURL;
    if (baseURL && !LOCAL_HOSTS.has(new URL(baseURL).hostname)) {
      throw new Error(`e2e tests only run against local URLs, not ${baseURL}`);
    }
  }
}
