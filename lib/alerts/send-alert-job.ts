// The "alert-send" job: deliver one alert outbox row, and queue the next attempt when it must wait.
import "server-only";
import { dispatchOutboxRows, type DeliveryResult } from "@/lib/notifications/outbox-delivery";
import { deliverAlert } from "./deliver-alert";

export async function sendAlertJob({ outboxId }: { outboxId: string }): Promise<DeliveryResult> {
  const delivery = await deliverAlert({ outboxId });
  if (delivery.kind === "retry") await dispatchOutboxRows("alert-send", [outboxId], delivery.retryAt);
  return delivery;
}
