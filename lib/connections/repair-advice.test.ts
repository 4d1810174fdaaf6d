import { describe, expect, it } from "vitest";
import { AUTHENTICATION_TYPES, REPAIR_ADVICE, REPAIR_CAUSES, repairAdvice } from "./repair-advice";

const gusto = { providerId: "gusto", providerName: "Gusto" };

describe("repair advice: one table for every cause and authentication type", () => {
  it("says what happened, what to do and names one action for every cell", () => {
    for (const cause of REPAIR_CAUSES) {
      for (const authenticationType of AUTHENTICATION_TYPES) {
        const advice = repairAdvice({ ...gusto, finchStatus: cause, authenticationType });
        expect(advice?.cause).toBe(cause);
        expect(advice?.title).toContain("Gusto");
        expect(advice?.happened.length).toBeGreaterThan(20);
        expect(advice?.todo.length).toBeGreaterThan(0);
        expect(JSON.stringify(advice)).not.toContain("{provider}");
        expect(advice?.action === "wait").toBe(advice?.actionLabel === "");
      }
    }
  });

  it("reconnects credential and oauth connections through Connect", () => {
    for (const authenticationType of ["credential", "oauth"]) {
      const advice = repairAdvice({ ...gusto, finchStatus: "reauth", authenticationType });
      expect(advice).toMatchObject({ action: "reconnect", actionLabel: "Reconnect Gusto", tone: "alarm" });
      expect(advice?.title).toBe("Your Gusto connection needs you to reconnect");
    }
  });

  it("walks api_token connections through a new token, then Reconnect", () => {
    const advice = repairAdvice({ ...gusto, finchStatus: "reauth", authenticationType: "api_token" });
    expect(advice?.action).toBe("reconnect");
    expect(advice?.happened).toContain("API token");
    expect(advice?.todo.join(" ")).toMatch(/Create a new API token.*Reconnect Gusto/);
  });

  it("asks to grant or add Finch as an admin, with the provider's help link where one is known", () => {
    const permissions = repairAdvice({
      ...gusto,
      finchStatus: "error_permissions",
      authenticationType: "assisted",
    });
    expect(permissions).toMatchObject({ action: "grant_admin", helpUrl: "https://support.gusto.com" });
    expect(permissions?.title).toContain("permission");
    const setup = repairAdvice({
      ...gusto,
      finchStatus: "error_no_account_setup",
      authenticationType: "assisted",
    });
    expect(setup?.action).toBe("grant_admin");
    expect(setup?.todo.join(" ")).toContain("Add Finch as a third-party administrator");
    const workday = repairAdvice({
      providerId: "workday",
      providerName: "Workday",
      finchStatus: "error_permissions",
      authenticationType: "credential",
    });
    expect(workday?.helpUrl).toBeNull();
  });

  it("offers Connect again for a disconnected connection, keeping the old history", () => {
    const advice = repairAdvice({ ...gusto, finchStatus: "disconnected", authenticationType: "credential" });
    expect(advice).toMatchObject({ action: "connect_again", actionLabel: "Connect again" });
    expect(advice?.todo.join(" ")).toContain("history stays visible");
  });

  it("shows a pending assisted connection as a status line, not an alarm", () => {
    const advice = repairAdvice({ ...gusto, finchStatus: "pending", authenticationType: "assisted" });
    expect(advice).toMatchObject({ tone: "status", action: "wait" });
  });

  it("has nothing to say about a working connection, and treats an unknown method as credential", () => {
    expect(repairAdvice({ ...gusto, finchStatus: "connected", authenticationType: "oauth" })).toBeNull();
    expect(repairAdvice({ ...gusto, finchStatus: "reauth", authenticationType: null })?.happened).toBe(
      REPAIR_ADVICE.reauth.credential.happened.replaceAll("{provider}", "Gusto"),
    );
  });
});
