import type { ConnectionService } from "../domain/connections";
import type { AuthenticationType, ConnectionRecord, TokenRecord } from "../state/types";

export interface CreateSandboxConnectionOptions {
  providerId: string;
  companyId?: string;
  authenticationType: AuthenticationType;
  products: string[];
  employeeCount: number;
  customerName?: string | null;
}

/** Shared by the sandbox API and the control page's "Create sandbox connection" form. */
export function createSandboxConnection(
  connections: ConnectionService,
  options: CreateSandboxConnectionOptions,
): { connection: ConnectionRecord; token: TokenRecord } {
  const connection = connections.create({
    providerId: options.providerId,
    companyId: options.companyId,
    authenticationType: options.authenticationType,
    clientType: "sandbox",
    connectionType: "finch",
    products: options.products,
    customerId: null,
    customerName: options.customerName ?? null,
    customerEmail: null,
    username: null,
    companyKey: null,
    employeeCount: options.employeeCount,
  });
  const token = connections.issueToken(connection, connection.products);
  return { connection, token };
}
