// A realistic slice of Finch's /providers list. Every provider signs in through the emulator's
// username/password form regardless of its real authentication methods.
import type { FinchProduct } from "../../../lib/finch/spec/products";
import { RATE_LIMITED_PRODUCTS } from "../../../lib/finch/spec/rate-limits";

export interface ProviderAuthenticationMethod {
  type: "assisted" | "credential" | "api_token" | "api_credential" | "oauth";
}

export interface ProviderInfo {
  id: string;
  display_name: string;
  products: FinchProduct[];
  primary_color: string;
  mfa_required: boolean;
  beta: boolean;
  manual: boolean;
  authentication_methods: ProviderAuthenticationMethod[];
}

// The payroll data products are exactly the ones Finch rate-limits per product.
const PAYROLL: FinchProduct[] = [...RATE_LIMITED_PRODUCTS];
const HRIS: FinchProduct[] = ["company", "directory", "individual", "employment"];
const methods = (...types: ProviderAuthenticationMethod["type"][]) => types.map((type) => ({ type }));

export const PROVIDERS: ProviderInfo[] = [
  {
    id: "gusto",
    display_name: "Gusto",
    products: [...PAYROLL, "benefits", "ssn"],
    primary_color: "#f45d48",
    mfa_required: true,
    beta: false,
    manual: false,
    authentication_methods: methods("credential", "oauth"),
  },
  {
    id: "adp_run",
    display_name: "ADP RUN",
    products: [...PAYROLL, "benefits", "ssn"],
    primary_color: "#d0271d",
    mfa_required: true,
    beta: false,
    manual: false,
    authentication_methods: methods("credential", "assisted"),
  },
  {
    id: "paychex_flex",
    display_name: "Paychex Flex",
    products: [...PAYROLL, "benefits", "ssn"],
    primary_color: "#004b8d",
    mfa_required: true,
    beta: false,
    manual: false,
    authentication_methods: methods("credential", "assisted"),
  },
  {
    id: "bamboo_hr",
    display_name: "BambooHR",
    products: [...HRIS, "ssn"],
    primary_color: "#73c41d",
    mfa_required: false,
    beta: false,
    manual: false,
    authentication_methods: methods("api_token", "oauth"),
  },
  {
    id: "rippling",
    display_name: "Rippling",
    products: [...PAYROLL, "benefits"],
    primary_color: "#502d3c",
    mfa_required: false,
    beta: false,
    manual: false,
    authentication_methods: methods("oauth", "assisted"),
  },
  {
    id: "justworks",
    display_name: "Justworks",
    products: PAYROLL,
    primary_color: "#2d73ef",
    mfa_required: true,
    beta: false,
    manual: false,
    authentication_methods: methods("credential"),
  },
  {
    id: "paylocity",
    display_name: "Paylocity",
    products: [...PAYROLL, "benefits", "ssn"],
    primary_color: "#f26722",
    mfa_required: false,
    beta: false,
    manual: false,
    authentication_methods: methods("credential", "assisted"),
  },
  {
    id: "workday",
    display_name: "Workday",
    products: PAYROLL,
    primary_color: "#0875e1",
    mfa_required: false,
    beta: true,
    manual: false,
    authentication_methods: methods("api_credential", "assisted"),
  },
];

export function findProvider(id: string): ProviderInfo | undefined {
  return PROVIDERS.find((provider) => provider.id === id);
}

/** The /providers wire shape: icon and logo point at SVGs the emulator serves itself (no outside fetches). */
export function providerResponse(provider: ProviderInfo, publicUrl: string) {
  return {
    ...provider,
    icon: `${publicUrl}/assets/providers/${provider.id}.svg`,
    logo: `${publicUrl}/assets/providers/${provider.id}.svg`,
  };
}

/** A round badge with the provider's initial, so pages show something recognisable offline. */
export function providerIconSvg(provider: ProviderInfo): string {
  const initial = provider.display_name.charAt(0).toUpperCase();
  return `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64" role="img" aria-label="${provider.display_name}"><circle cx="32" cy="32" r="32" fill="${provider.primary_color}"/><text x="32" y="42" font-family="Helvetica,Arial,sans-serif" font-size="30" font-weight="700" fill="#fff" text-anchor="middle">${initial}</text></svg>`;
}
