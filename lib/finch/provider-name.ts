// A provider's display name ("Gusto") from Finch's public provider list, cached per process.
import "server-only";
import Finch from "@tryfinch/finch-api";
import { logError } from "@/lib/log";

let names: Map<string, string> | undefined;

function fallbackName(providerId: string): string {
  return providerId
    .split(/[_-]/)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(" ");
}

export async function providerDisplayName(finch: Finch, providerId: string): Promise<string> {
  if (!names?.has(providerId)) {
    try {
      const providers = await finch.providers.list();
      names = new Map(providers.items.map((provider) => [provider.id, provider.display_name]));
    } catch (error) {
      logError("finch provider list unavailable; using a name derived from the provider id", error);
      return fallbackName(providerId); // a nicety, never a reason to fail a connect
    }
  }
  return names.get(providerId) ?? fallbackName(providerId);
}
