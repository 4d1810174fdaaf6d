import type { AuthenticationMethodShape, ConnectionRecord, EntityRecord } from "../state/types";

/**
 * The account.updated body. The SDK types authentication_method as an object, Finch's docs as a
 * string; the shape is switchable so the app can be tested against both. In multi-entity mode each
 * entity's change is its own event, with `entity_id` and that entity's status.
 */
export function accountUpdatedEvent(
  connection: ConnectionRecord,
  shape: AuthenticationMethodShape,
  entity?: EntityRecord,
) {
  return {
    company_id: connection.companyId,
    account_id: connection.accountId,
    connection_id: connection.id,
    entity_id: entity?.id ?? null,
    event_type: "account.updated",
    data: {
      status: entity?.status ?? connection.status,
      authentication_method:
        shape === "string" ? connection.authenticationType : { type: connection.authenticationType },
    },
  };
}
