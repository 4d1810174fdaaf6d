// The "alert-send" job: deliver one alert outbox row, and queue the next attempt when it must wait (a
// retry, or a job that came before the row was due).
import "server-only";
import { dispatchOutboxRows, nextRunAt, type DeliveryResult } from "@/lib/notifications/outbox-delivery";
import { deliverAlert } from "./deliver-alert";

export async function sendAlertJob({ outboxId }: { outboxId: string }): Promise<DeliveryResult> {
  const delivery = await deliverAlert({ outboxId });
  const at = nextRunAt(delivery);
  if (at) await dispatchOutboxRows("alert-send", [outboxId], at);
  return delivery;
}
