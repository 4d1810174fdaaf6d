import type { ConnectionService } from "../domain/connections";
import { generateCompany } from "../domain/company-generator";
import { entitiesOf } from "../domain/entities";
import type { ConnectionRecord } from "../state/types";

/** How control endpoints and the control page describe a connection (tokens included: they are fake). */
export function connectionView(connection: ConnectionRecord, connections: ConnectionService) {
  const tokens = connections.tokensOf(connection.id);
  const companyName = generateCompany(connection.companyId, connection.employeeCount).company.legal_name;
  return {
    connection_id: connection.id,
    company_id: connection.companyId,
    company_name: companyName,
    entities: entitiesOf(connection).map((e) => ({
      id: e.id,
      name: e.name || companyName,
      status: e.status,
    })),
    provider_id: connection.providerId,
    status: connection.status,
    authentication_type: connection.authenticationType,
    failing_products: connection.failingProducts ?? [],
    customer_id: connection.customerId,
    customer_name: connection.customerName,
    username: connection.username,
    products: connection.products,
    entity_id: connection.entityId,
    account_id: connection.accountId,
    client_type: connection.clientType,
    employee_count: connection.employeeCount,
    token_count: tokens.length,
    active_token_count: tokens.filter((t) => !t.revokedAt).length,
    tokens: tokens.map((t) => ({
      access_token: t.accessToken,
      created_at: t.createdAt,
      revoked_at: t.revokedAt,
    })),
    created_at: connection.createdAt,
    updated_at: connection.updatedAt,
  };
}
