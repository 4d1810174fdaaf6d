import type { AuthenticationMethodShape, ConnectionRecord } from "../state/types";

/**
 * The account.updated body. The SDK types authentication_method as an object, Finch's docs as a
 * string; the shape is switchable so the app can be tested against both.
 */
export function accountUpdatedEvent(connection: ConnectionRecord, shape: AuthenticationMethodShape) {
  return {
    company_id: connection.companyId,
    account_id: connection.accountId,
    connection_id: connection.id,
    entity_id: null,
    event_type: "account.updated",
    data: {
      status: connection.status,
      authentication_method:
        shape === "string" ? connection.authenticationType : { type: connection.authenticationType },
    },
  };
}
