// Per payroll provider: where a customer resets their password and where the provider explains
// adding an administrator. Password links go to the provider's sign-in page, where its own "Forgot
// password" flow starts; null where the page depends on the employer (each Workday tenant has its own).

export interface ProviderHelp {
  passwordResetUrl: string | null;
  adminHelpUrl: string | null;
}

export const PROVIDER_HELP: Record<string, ProviderHelp> = {
  gusto: { passwordResetUrl: "https://app.gusto.com/login", adminHelpUrl: "https://support.gusto.com" },
  adp_run: {
    passwordResetUrl: "https://runpayroll.adp.com",
    adminHelpUrl: "https://www.adp.com/contact-us.aspx",
  },
  paychex_flex: {
    passwordResetUrl: "https://myapps.paychex.com",
    adminHelpUrl: "https://www.paychex.com/support",
  },
  bamboo_hr: {
    passwordResetUrl: "https://www.bamboohr.com/login",
    adminHelpUrl: "https://help.bamboohr.com",
  },
  rippling: { passwordResetUrl: "https://app.rippling.com/login", adminHelpUrl: "https://help.rippling.com" },
  justworks: {
    passwordResetUrl: "https://secure.justworks.com/login",
    adminHelpUrl: "https://help.justworks.com",
  },
  paylocity: { passwordResetUrl: "https://access.paylocity.com", adminHelpUrl: null },
  workday: { passwordResetUrl: null, adminHelpUrl: null },
};

export function providerHelp(providerId: string): ProviderHelp {
  return PROVIDER_HELP[providerId] ?? { passwordResetUrl: null, adminHelpUrl: null };
}
