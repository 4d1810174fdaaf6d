// The operator the e2e product is configured with (OPERATOR_EMAILS in playwright.config.ts).
export const OPERATOR_EMAIL = "operator@console.e2e.test";
