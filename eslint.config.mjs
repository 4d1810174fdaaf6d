// ESLint: Next's rules (core web vitals, TypeScript), no `any`, small files; Prettier owns layout.
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypeScript from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier/flat";
import { forbiddenImportRegex, forbiddenImports, nestedFolders, ROOT_FORBIDDEN } from "./eslint-layers.mjs";

// lib/ is the domain: it never reaches into routes, and into components only for email templates.
const outOfLib = {
  regex: "^@\\/(app\\/|components\\/(?!emails\\/))",
  message: "lib/ never imports app/ or components/ (but email templates).",
};

// lib/'s layering (eslint-layers.mjs): a folder importing a sibling or a higher folder is an error.
function layerRule(folder, forbidden) {
  const patterns = forbidden.map((other) => ({
    regex: forbiddenImportRegex(folder, other),
    message: `lib/${folder || "*.ts"} sits below or beside lib/${other} (eslint-layers.mjs): move the shared part down, or the caller up.`,
  }));
  return { "no-restricted-imports": ["error", { patterns: [...patterns, outOfLib] }] };
}

const layering = [
  // The files at lib/'s root (env, db, log, formatting) are the foundation: they import no folder above it.
  { files: ["lib/*.{ts,tsx}"], ignores: ["lib/*.test.ts"], rules: layerRule("", ROOT_FORBIDDEN) },
  ...Object.entries(forbiddenImports()).map(([folder, forbidden]) => ({
    files: [`lib/${folder}/**/*.{ts,tsx}`],
    // Tests exercise a folder through the whole product; a nested folder has rules of its own.
    ignores: ["**/*.test.ts", "**/*.test.tsx", ...nestedFolders(folder).map((nested) => `lib/${nested}/**`)],
    rules: layerRule(folder, forbidden),
  })),
];

const config = [
  ...nextVitals,
  ...nextTypeScript,
  prettier,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "max-lines": ["error", { max: 250, skipBlankLines: true, skipComments: true }],
    },
  },
  ...layering,
  {
    files: ["components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["@/app/*"], message: "components/ never imports app/." }] },
      ],
    },
  },
  {
    // Cycles inside a folder (between folders the layering already rules them out).
    files: ["lib/**/*.{ts,tsx}"],
    rules: { "import/no-cycle": ["error", { ignoreExternal: true }] },
  },
  {
    ignores: [
      "lib/generated/**",
      ".next/**",
      ".data/**",
      "node_modules/**",
      "test-results/**",
      "playwright-report/**",
      "tmp/**",
      "next-env.d.ts",
    ],
  },
];

export default config;
