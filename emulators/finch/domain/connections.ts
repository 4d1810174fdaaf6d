import { deterministicUuid, newUuid } from "../state/ids";
import { AppendOnlyIndex } from "../state/append-only-index";
import type { StateStore } from "../state/state-store";
import type { ConnectionRecord, ConnectionStatus, EntityRecord, TokenRecord } from "../state/types";
import { connectionLevelStatus, type EmployerEntity } from "./entities";

/** A connection as created: the record without what the emulator assigns (ids, status, sync time, timestamps). */
export type NewConnectionInput = Omit<
  ConnectionRecord,
  "id" | "companyId" | "accountId" | "entityId" | "status" | "lastSuccessfulSync" | "createdAt" | "updatedAt"
> & {
  companyId?: string;
};

/** Called on every status change: with the entity when one entity of a multi-entity connection changed. */
export type StatusListener = (connection: ConnectionRecord, entity?: EntityRecord) => void;

/** The company a Connect sign-in lands on: stable per customer, provider and company key. */
export function companyIdFor(customerId: string | null, providerId: string, companyKey: string): string {
  return deterministicUuid(`company:${customerId ?? "no-customer"}:${providerId}:${companyKey}`);
}

/** Connections and their tokens. Every status change goes through here so webhooks never miss one. */
export class ConnectionService {
  private readonly connectionsById = new AppendOnlyIndex<ConnectionRecord>((c) => c.id);
  private readonly tokensByValue = new AppendOnlyIndex<TokenRecord>((t) => t.accessToken);

  constructor(
    private readonly store: StateStore,
    private readonly onStatusChange: StatusListener,
  ) {}

  list(): ConnectionRecord[] {
    return this.store.state.connections;
  }

  get(id: string): ConnectionRecord | undefined {
    return this.connectionsById.find(this.store.state.connections, id);
  }

  /** A live (not disconnected) connection a Connect sign-in should reuse, if one exists. */
  findByCompanyKey(
    customerId: string | null,
    providerId: string,
    companyKey: string,
  ): ConnectionRecord | undefined {
    return this.store.state.connections.find(
      (c) =>
        c.status !== "disconnected" &&
        c.customerId === customerId &&
        c.providerId === providerId &&
        c.companyKey === companyKey,
    );
  }

  findByCompany(companyId: string, providerId: string): ConnectionRecord | undefined {
    return this.store.state.connections.find(
      (c) => c.status !== "disconnected" && c.companyId === companyId && c.providerId === providerId,
    );
  }

  create(input: NewConnectionInput): ConnectionRecord {
    const now = new Date().toISOString();
    const companyId = input.companyId ?? newUuid();
    const connection: ConnectionRecord = {
      id: newUuid(),
      companyId,
      accountId: newUuid(),
      entityId: deterministicUuid(`entity:${companyId}`),
      providerId: input.providerId,
      status: "connected",
      authenticationType: input.authenticationType,
      clientType: input.clientType,
      connectionType: input.connectionType,
      products: [...new Set(input.products)],
      customerId: input.customerId,
      customerName: input.customerName,
      customerEmail: input.customerEmail,
      username: input.username,
      companyKey: input.companyKey,
      employeeCount: input.employeeCount,
      createdAt: now,
      updatedAt: now,
      lastSuccessfulSync: now,
    };
    this.store.state.connections.push(connection);
    this.store.save();
    this.onStatusChange(connection);
    return connection;
  }

  /**
   * Returns whether the status changed. Disconnecting revokes every token of the connection. On a
   * multi-entity connection any other status is set on every live entity, one webhook each.
   */
  setStatus(connection: ConnectionRecord, status: ConnectionStatus): boolean {
    if (connection.entities && status !== "disconnected") {
      const changed = connection.entities
        .filter((e) => e.status !== "disconnected")
        .map((e) => this.setEntityStatus(connection, e.id, status));
      return changed.some(Boolean);
    }
    if (connection.status === status) return false;
    const now = new Date().toISOString();
    connection.status = status;
    connection.updatedAt = now;
    if (status === "connected") connection.lastSuccessfulSync = now;
    if (status === "disconnected") this.revokeTokens(connection.id);
    this.store.save();
    this.onStatusChange(connection);
    return true;
  }

  /** One entity's status; the connection's own status follows (the worst of its live entities). */
  setEntityStatus(connection: ConnectionRecord, entityId: string, status: ConnectionStatus): boolean {
    const entity = connection.entities?.find((e) => e.id === entityId);
    if (!entity || entity.status === status) return false;
    entity.status = status;
    this.settle(connection);
    this.onStatusChange(connection, entity);
    return true;
  }

  /**
   * A Connect sign-in that picked these entities: they are added or put back, and every entity still
   * live is connected again (a reauthentication can add entities, never remove them).
   */
  pickEntities(connection: ConnectionRecord, picked: EmployerEntity[]): void {
    const entities = connection.entities ?? [];
    const changed: EntityRecord[] = [];
    for (const choice of picked) {
      if (!entities.some((e) => e.id === choice.id)) entities.push({ ...choice, status: "connected" });
    }
    const pickedIds = new Set(picked.map((p) => p.id));
    for (const entity of entities) {
      const revive = entity.status !== "disconnected" || pickedIds.has(entity.id);
      if (revive && entity.status !== "connected") {
        entity.status = "connected";
        changed.push(entity);
      }
    }
    connection.entities = entities;
    connection.entityId = entities[0]?.id ?? connection.entityId;
    this.settle(connection);
    for (const entity of changed) this.onStatusChange(connection, entity);
  }

  /** The connection-level status follows its entities; none left live disconnects the connection. */
  private settle(connection: ConnectionRecord): void {
    const status = connectionLevelStatus(connection.entities ?? []);
    const now = new Date().toISOString();
    connection.updatedAt = now;
    if (status === "connected" && connection.status !== "connected") connection.lastSuccessfulSync = now;
    connection.status = status;
    if (status === "disconnected") this.revokeTokens(connection.id);
    this.store.save();
  }

  addProducts(connection: ConnectionRecord, products: string[]): void {
    connection.products = [...new Set([...connection.products, ...products])];
    this.store.save();
  }

  issueToken(connection: ConnectionRecord, products: string[]): TokenRecord {
    const token: TokenRecord = {
      accessToken: newUuid(),
      id: newUuid(),
      connectionId: connection.id,
      products: [...new Set(products)],
      createdAt: new Date().toISOString(),
      revokedAt: null,
    };
    this.store.state.tokens.push(token);
    this.store.save();
    return token;
  }

  revokeTokens(connectionId: string, exceptAccessToken?: string): void {
    const now = new Date().toISOString();
    for (const token of this.store.state.tokens) {
      if (
        token.connectionId === connectionId &&
        !token.revokedAt &&
        token.accessToken !== exceptAccessToken
      ) {
        token.revokedAt = now;
      }
    }
    this.store.save();
  }

  findToken(accessToken: string): TokenRecord | undefined {
    return this.tokensByValue.find(this.store.state.tokens, accessToken);
  }

  tokensOf(connectionId: string): TokenRecord[] {
    return this.store.state.tokens.filter((t) => t.connectionId === connectionId);
  }
}
