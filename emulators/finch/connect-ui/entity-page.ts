// Connect's entity step (multi-entity mode): one checkbox per company, all checked, and "Continue".
import { ENTITY_ACCESS_ERROR_PHRASE } from "../../../lib/finch/spec/entity-access";
import type { EmployerEntity } from "../domain/entities";
import type { ProviderInfo } from "../domain/providers";
import { escapeHtml } from "./html";
import { connectPage } from "./layout";

export function entityPage(
  provider: ProviderInfo,
  query: URLSearchParams,
  entities: EmployerEntity[],
  pendingId: string,
  error?: string,
): string {
  const boxes = entities
    .map(
      (e, i) =>
        `<div class="field"><input id="entity-${i}" name="entity" type="checkbox" value="${escapeHtml(e.id)}" checked> <label for="entity-${i}">${escapeHtml(e.name)}</label></div>`,
    )
    .join("");
  const alert = error ? `<div class="alert" role="alert">${escapeHtml(error)}</div>` : "";
  return connectPage(
    "Choose companies",
    `<h1 id="page-title">Which companies should be connected?</h1>
<p>Your ${escapeHtml(provider.display_name)} account holds ${entities.length} companies. Finch will share the data of the ones you keep checked.</p>
${alert}
<form method="post" action="/authorize?${escapeHtml(query.toString())}">
<input type="hidden" name="pending" value="${escapeHtml(pendingId)}">
<fieldset><legend>Companies</legend>${boxes}</fieldset>
<div class="actions">
<button class="button secondary" type="submit" name="action" value="cancel" formnovalidate>Cancel</button>
<button class="button primary" type="submit" name="action" value="entities">Continue</button>
</div>
</form>`,
  );
}

/** What Connect says when the person reauthenticating cannot see every connected company (Finch §13). */
export function entityAccessMessage(providerName: string, missing: string[]): string {
  return (
    `This ${providerName} login ${ENTITY_ACCESS_ERROR_PHRASE} on the connection (missing: ${missing.join(", ")}). ` +
    `Someone with access to all of them must reconnect, or an admin must grant this login access in ${providerName}.`
  );
}
