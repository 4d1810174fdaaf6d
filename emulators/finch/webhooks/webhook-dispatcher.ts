import { newEventId, newUuid } from "../state/ids";
import type { StateStore } from "../state/state-store";
import type { ConnectionRecord, EntityRecord, WebhookDeliveryRecord } from "../state/types";
import { accountUpdatedEvent } from "./account-updated-event";
import { signWebhook } from "./sign-webhook";

const ATTEMPT_TIMEOUT_MS = 10_000;

export interface WebhookDispatcherOptions {
  store: StateStore;
  secret: string;
  retryDelaysMs: number[];
  log: (line: string) => void;
}

/**
 * Delivers webhooks with retries. Every attempt is re-signed with a fresh timestamp (the SDK only
 * accepts ±5 minutes) while the event id and body stay the same, so receivers can deduplicate.
 */
export class WebhookDispatcher {
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly aborts = new Set<AbortController>();
  private closed = false;

  constructor(private readonly options: WebhookDispatcherOptions) {}

  accountUpdated(connection: ConnectionRecord, entity?: EntityRecord): void {
    const { store } = this.options;
    const payload = JSON.stringify(
      accountUpdatedEvent(connection, store.state.webhooks.authenticationMethodShape, entity),
    );
    const eventId = newEventId();
    for (const url of store.state.webhooks.urls) {
      const delivery: WebhookDeliveryRecord = {
        id: newUuid(),
        eventId,
        url,
        eventType: "account.updated",
        connectionId: connection.id,
        payload,
        status: "pending",
        attempts: [],
        nextAttemptAt: new Date().toISOString(),
        createdAt: new Date().toISOString(),
      };
      store.state.deliveries.push(delivery);
      store.save();
      this.schedule(delivery.id, 0);
    }
  }

  /** After a restart, pick up deliveries that were still waiting for a retry. */
  resumePending(): void {
    for (const delivery of this.options.store.state.deliveries) {
      if (delivery.status !== "pending") continue;
      const due = delivery.nextAttemptAt ? Date.parse(delivery.nextAttemptAt) - Date.now() : 0;
      this.schedule(delivery.id, Math.max(0, due));
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const controller of this.aborts) controller.abort();
    await Promise.allSettled([...this.inFlight.values()]);
  }

  private schedule(deliveryId: string, delayMs: number): void {
    if (this.closed) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      const attempt = this.attempt(deliveryId).finally(() => this.inFlight.delete(deliveryId));
      this.inFlight.set(deliveryId, attempt);
    }, delayMs);
    timer.unref();
    this.timers.add(timer);
  }

  private async attempt(deliveryId: string): Promise<void> {
    const { store, secret, retryDelaysMs, log } = this.options;
    const delivery = store.state.deliveries.find((d) => d.id === deliveryId);
    if (!delivery || delivery.status !== "pending") return;

    const headers = signWebhook(secret, delivery.eventId, Math.floor(Date.now() / 1000), delivery.payload);
    const controller = new AbortController();
    this.aborts.add(controller);
    const timeout = setTimeout(() => controller.abort(), ATTEMPT_TIMEOUT_MS);
    const started = Date.now();
    let statusCode: number | null = null;
    let error: string | null = null;
    try {
      const response = await fetch(delivery.url, {
        method: "POST",
        headers: { "Content-Type": "application/json", "User-Agent": "finch-emulator-webhooks", ...headers },
        body: delivery.payload,
        signal: controller.signal,
      });
      statusCode = response.status;
      await response.arrayBuffer().catch(() => undefined);
    } catch (cause) {
      error = cause instanceof Error ? cause.message : String(cause);
    } finally {
      clearTimeout(timeout);
      this.aborts.delete(controller);
    }
    if (this.closed && statusCode === null) return; // shutting down: leave it pending for the next start

    delivery.attempts.push({
      at: new Date(started).toISOString(),
      statusCode,
      error,
      durationMs: Date.now() - started,
    });
    const ok = statusCode !== null && statusCode >= 200 && statusCode < 300;
    const retryDelay = retryDelaysMs[delivery.attempts.length - 1];
    if (ok) {
      delivery.status = "delivered";
      delivery.nextAttemptAt = null;
    } else if (retryDelay === undefined) {
      delivery.status = "failed";
      delivery.nextAttemptAt = null;
    } else {
      delivery.nextAttemptAt = new Date(Date.now() + retryDelay).toISOString();
      this.schedule(delivery.id, retryDelay);
    }
    store.save();
    log(
      `finch-emulator: webhook ${delivery.eventType} ${delivery.eventId} -> ${delivery.url}: ` +
        `${statusCode ?? error} (attempt ${delivery.attempts.length}, ${delivery.status})`,
    );
  }
}
