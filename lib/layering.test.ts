// The layering of lib/ (eslint-layers.mjs) is enforced by the linter: the fixtures in
// test/fixtures/layering are linted as if they sat in a lib folder, and only the upward or sideways
// import is an error.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";
import { forbiddenImports, LIB_LAYERS } from "@/eslint-layers.mjs";

const root = path.resolve(__dirname, "..");
// The cycle rule reads imported files from disk; the fixtures are linted under paths that do not exist.
const eslint = new ESLint({ cwd: root, overrideConfig: { rules: { "import/no-cycle": "off" } } });

async function layeringErrors(fixture: string, asIf: string): Promise<string[]> {
  const code = readFileSync(path.join(root, "test/fixtures/layering", fixture), "utf8");
  const [result] = await eslint.lintText(code, { filePath: path.join(root, asIf) });
  return result.messages.filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

describe("lib/ layering", () => {
  it("refuses an import from a higher folder", async () => {
    const errors = await layeringErrors("upward-import.ts", "lib/connections/fixture.ts");
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain("lib/connections sits below or beside lib/notifications");
  });

  it("refuses an import from a sibling on the same row", async () => {
    const code = `import { OUTBOXES } from "@/lib/outbox/outboxes";\nexport const x = OUTBOXES;\n`;
    const [result] = await eslint.lintText(code, { filePath: path.join(root, "lib/connections/fixture.ts") });
    expect(result.messages.map((m) => m.ruleId)).toContain("no-restricted-imports");
    const sideways = await eslint.lintText(
      `import { alertOutbox } from "@/lib/alerts/alert-outbox";\nexport const y = alertOutbox;\n`,
      {
        filePath: path.join(root, "lib/outages/fixture.ts"),
      },
    );
    expect(sideways[0].messages.map((m) => m.message).join()).toContain(
      "lib/outages sits below or beside lib/alerts",
    );
  });

  it("treats a nested folder as a folder of its own: Finch's published facts sit below, its gateway above", async () => {
    const lint = async (code: string, asIf: string) => {
      const [result] = await eslint.lintText(code, { filePath: path.join(root, asIf) });
      return result.messages.filter((m) => m.ruleId === "no-restricted-imports").length;
    };
    const spec = `import { FINCH_PRODUCTS } from "@/lib/finch/spec/products";\nexport const p = FINCH_PRODUCTS;\n`;
    const gateway = `import { callFinch } from "@/lib/finch/call-finch";\nexport const c = callFinch;\n`;
    expect(await lint(spec, "lib/connections/fixture.ts")).toBe(0);
    expect(await lint(gateway, "lib/connections/fixture.ts")).toBe(1);
    expect(await lint(gateway, "lib/finch/spec/fixture.ts")).toBe(1);
    expect(await lint(gateway, "lib/sweep/fixture.ts")).toBe(0);
  });

  it("allows an import from a lower folder", async () => {
    expect(await layeringErrors("downward-import.ts", "lib/notifications/fixture.ts")).toEqual([]);
  });

  it("keeps lib/ out of app/ and components/, but for the email templates", async () => {
    const lint = (code: string) => eslint.lintText(code, { filePath: path.join(root, "lib/fixture.ts") });
    const [bad] = await lint(
      `import { Banner } from "@/components/connections/status-banner";\nexport const b = Banner;\n`,
    );
    expect(bad.messages.map((m) => m.ruleId)).toContain("no-restricted-imports");
    const [email] = await lint(
      `import { SignInEmail } from "@/components/emails/sign-in-email";\nexport const e = SignInEmail;\n`,
    );
    expect(email.messages.filter((m) => m.ruleId === "no-restricted-imports")).toEqual([]);
  });

  it("names every lib folder once, and forbids each folder its siblings and everything above", () => {
    const folders = LIB_LAYERS.flat();
    expect(new Set(folders).size).toBe(folders.length);
    const topLevel = readdirSync(path.join(root, "lib"), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    expect(folders.filter((folder) => !folder.includes("/")).toSorted()).toEqual(topLevel.toSorted());
    for (const folder of folders) expect(existsSync(path.join(root, "lib", folder)), folder).toBe(true);
    const rules = forbiddenImports();
    expect(rules.connections).toContain("notifications");
    expect(rules.connections).not.toContain("auth");
    expect(rules.startup).toEqual([]);
  });
});
