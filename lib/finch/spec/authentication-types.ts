// How an employer's connection authenticates with the provider (Introspection.authentication_methods[].type
// in @tryfinch/finch-api 10.7.0). One list for the app's repair advice and the Finch stand-in.
export const AUTHENTICATION_TYPES = ["credential", "api_token", "oauth", "assisted"] as const;
export type AuthenticationType = (typeof AUTHENTICATION_TYPES)[number];
