// Every connection status × every Finch status word through the pure state machine, plus the cases
// that depend on the detection path (a reconnect) or on a reconnect under way.
import { describe, expect, it } from "vitest";
import type { ConnectionStatus } from "@/lib/generated/prisma/enums";
import { REAUTH_REASON } from "./connection-status";
import { decideTransition, type CurrentState, type TransitionPlan } from "./decide-transition";

const at = new Date("2026-03-01T12:00:00Z");
const CURRENT: Record<ConnectionStatus, CurrentState> = {
  healthy: { status: "healthy", finchStatus: "connected" },
  needs_reauth: { status: "needs_reauth", finchStatus: "reauth" },
  pending: { status: "pending", finchStatus: "pending" },
  error: { status: "error", finchStatus: "error_permissions" },
  disconnected: { status: "disconnected", finchStatus: "disconnected" },
};
const SIGNALS = [
  "connected",
  "reauth",
  "pending",
  "processing",
  "disconnected",
  "error_permissions",
  "error_no_account_setup",
  "something_new",
] as const;

/** One line per plan: "unchanged", or "<to> <event> [incident] [notices]". */
function summary(plan: TransitionPlan): string {
  if (!plan.changed) return "unchanged";
  const incident = plan.incident === null ? "" : "open" in plan.incident ? " +incident" : " -incident";
  const notices = plan.notices.map((n) =>
    n.kind === "broken" ? " notify:broken" : ` notify:ended(${n.restored})`,
  );
  return `${plan.to} ${plan.event.type}${incident}${notices.join("")}`;
}

// Expected, written out by hand: rows are the current status, columns the signal, in SIGNALS order.
const EXPECTED: Record<ConnectionStatus, string[]> = {
  healthy: [
    "unchanged",
    "needs_reauth broken +incident notify:broken",
    "pending status_changed",
    "pending status_changed",
    "disconnected status_changed",
    "error status_changed",
    "error status_changed",
    "error status_changed",
  ],
  needs_reauth: [
    "healthy recovered -incident notify:ended(recovered)",
    "unchanged",
    "pending status_changed -incident notify:ended(null)",
    "pending status_changed -incident notify:ended(null)",
    "disconnected status_changed -incident notify:ended(null)",
    "error status_changed -incident notify:ended(null)",
    "error status_changed -incident notify:ended(null)",
    "error status_changed -incident notify:ended(null)",
  ],
  pending: [
    "healthy status_changed",
    "needs_reauth broken +incident notify:broken",
    "unchanged",
    "pending status_changed",
    "disconnected status_changed",
    "error status_changed",
    "error status_changed",
    "error status_changed",
  ],
  error: [
    "healthy status_changed",
    "needs_reauth broken +incident notify:broken",
    "pending status_changed",
    "pending status_changed",
    "disconnected status_changed",
    "unchanged",
    "error status_changed",
    "error status_changed",
  ],
  disconnected: [
    "healthy status_changed",
    "needs_reauth broken +incident notify:broken",
    "pending status_changed",
    "pending status_changed",
    "unchanged",
    "error status_changed",
    "error status_changed",
    "error status_changed",
  ],
};

describe("decideTransition: every status × signal", () => {
  for (const [status, current] of Object.entries(CURRENT)) {
    SIGNALS.forEach((finchStatus, i) => {
      it(`${status} + ${finchStatus}`, () => {
        const plan = decideTransition(current, { finchStatus, source: "sweep", at });
        expect(summary(plan)).toBe(EXPECTED[status as ConnectionStatus][i]);
      });
    });
  }
});

describe("decideTransition: what each plan records", () => {
  it("a check that changes nothing records the check, and success only when healthy", () => {
    expect(decideTransition(CURRENT.healthy, { finchStatus: "connected", source: "webhook", at })).toEqual({
      changed: false,
      to: "healthy",
      checked: { lastCheckedAt: at, lastSuccessAt: at },
    });
    const broken = decideTransition(CURRENT.needs_reauth, { finchStatus: "reauth", source: "webhook", at });
    expect(broken.checked).toEqual({ lastCheckedAt: at });
  });

  it("a break keeps the reason given, or Finch's default one, as the status and the incident's", () => {
    const plan = decideTransition(CURRENT.healthy, { finchStatus: "reauth", source: "api_error", at });
    expect(plan).toMatchObject({
      status: {
        status: "needs_reauth",
        statusReason: REAUTH_REASON,
        statusSince: at,
        statusSource: "api_error",
      },
      incident: { open: { reason: REAUTH_REASON } },
      event: { type: "broken", detail: REAUTH_REASON },
    });
    const custom = decideTransition(CURRENT.healthy, {
      finchStatus: "reauth",
      source: "sweep",
      reason: "Token revoked",
      at,
    });
    expect(custom).toMatchObject({ incident: { open: { reason: "Token revoked" } } });
  });

  it("recovery clears the reason; a reconnect says who fixed it", () => {
    const plan = decideTransition(CURRENT.needs_reauth, {
      finchStatus: "connected",
      source: "reconnect",
      at,
    });
    expect(plan).toMatchObject({
      status: { statusReason: null },
      event: { type: "reconnected" },
      notices: [{ kind: "ended", restored: "reconnected" }],
    });
  });

  it("Finch's own 'connected' during a live reconnect session counts as reconnected", () => {
    const plan = decideTransition(
      CURRENT.needs_reauth,
      { finchStatus: "connected", source: "webhook", at },
      { reconnectUnderWay: true },
    );
    expect(plan).toMatchObject({
      event: { type: "recovered", detail: expect.stringContaining("reconnect") },
      notices: [{ kind: "ended", restored: "reconnected" }],
    });
  });

  it("a healthy reconnect of a connection that was not broken is recorded as reconnected, with no incident", () => {
    const plan = decideTransition(CURRENT.pending, { finchStatus: "connected", source: "reconnect", at });
    expect(summary(plan)).toBe("healthy reconnected");
  });

  describe("multi-entity connections (the reason derived from the entities)", () => {
    const partly = "1 of 3 companies on your Gusto connection needs you to reconnect: Acme East";
    const two = "2 of 3 companies on your Gusto connection need you to reconnect: Acme East and Acme West";
    const partlyBroken: CurrentState = {
      status: "needs_reauth",
      finchStatus: "reauth",
      statusReason: partly,
    };

    it("a first broken entity opens the incident with the scope and the entity's name", () => {
      const plan = decideTransition(CURRENT.healthy, {
        finchStatus: "reauth",
        scopedReason: partly,
        source: "webhook",
        at,
      });
      expect(summary(plan)).toBe("needs_reauth broken +incident notify:broken");
      expect(plan).toMatchObject({
        status: { statusReason: partly },
        incident: { open: { reason: partly } },
      });
    });

    it("a second broken entity is a change of reason on the same incident, with no new notice", () => {
      const plan = decideTransition(partlyBroken, {
        finchStatus: "reauth",
        scopedReason: two,
        source: "webhook",
        at,
      });
      expect(summary(plan)).toBe("needs_reauth status_changed");
      expect(plan).toMatchObject({ status: { statusReason: two }, event: { detail: two } });
    });

    it("the same broken entities again change nothing", () => {
      const plan = decideTransition(partlyBroken, {
        finchStatus: "reauth",
        scopedReason: partly,
        source: "sweep",
        at,
      });
      expect(summary(plan)).toBe("unchanged");
    });

    it("every entity connected again ends the incident", () => {
      const plan = decideTransition(partlyBroken, {
        finchStatus: "connected",
        scopedReason: null,
        source: "reconnect",
        at,
      });
      expect(summary(plan)).toBe("healthy reconnected -incident notify:ended(reconnected)");
    });
  });
});
