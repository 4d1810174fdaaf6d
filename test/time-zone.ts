import { afterAll, beforeAll } from "vitest";

/**
 * Runs this file's tests in another time zone (Node reads TZ afresh when it changes): where a stored
 * time without a zone would be read, or sent, as local time, the tests see it.
 */
export function inTimeZone(zone: string): void {
  const before = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = zone;
  });
  afterAll(() => {
    if (before === undefined) delete process.env.TZ;
    else process.env.TZ = before;
  });
}
