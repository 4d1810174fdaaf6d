import { Card, CardTitle } from "@/components/ui/card";
import { exactTime } from "@/lib/format-time";

export interface TimelineEvent {
  id: string;
  type: string;
  source: string | null;
  detail: string | null;
  createdAt: Date;
}

const SOURCE_LABELS: Record<string, string> = {
  api_error: "noticed when the app called Finch",
  webhook: "reported by Finch's webhook",
  sweep: "found by the scheduled check",
  reconnect: "through Finch Connect",
  connect: "through Finch Connect",
  host_api: "reported by the app that uses this connection",
  dashboard: "from the dashboard",
  email: "from the emailed link",
};

const TITLES: Record<string, string> = {
  connected: "Connected",
  broken: "Broke: reconnection needed",
  recovered: "Working again",
  reconnected: "Reconnected",
  status_changed: "Status changed",
  mismatch: "Reconnect refused: different company",
  connect_started: "Finch Connect opened",
  reconnect_failed: "Reconnect failed",
  email_sent: "Email sent",
  email_failed: "Email could not be sent",
  alert_sent: "Alert delivered",
  alert_failed: "Alert could not be delivered",
  host_event_sent: "Event delivered to your backend",
  host_event_failed: "Event to your backend could not be delivered",
  link_opened: "Emailed link opened",
  operator_resend: "Reconnect email resent by support",
  operator_check: "Checked now by support",
  operator_retry: "Failed email retried by support",
  repair_receipt: "Repair receipt: each product read once",
  connect_attempt_failed: "Connect attempt failed",
  repair_help_offered: "Help offered before another try",
  handed_off: "Handed to a colleague",
  token_read: "Access token read through the API",
  imported: "Added through the API",
  token_replaced: "Access token replaced through the API",
};

const DOTS: Record<string, string> = {
  broken: "bg-amber-500",
  mismatch: "bg-red-500",
  reconnect_failed: "bg-red-500",
  connect_attempt_failed: "bg-red-500",
  email_failed: "bg-red-500",
  alert_failed: "bg-red-500",
  host_event_failed: "bg-red-500",
  reconnected: "bg-emerald-500",
  recovered: "bg-emerald-500",
  connected: "bg-emerald-500",
  imported: "bg-emerald-500",
};

export function ConnectionTimeline({ events }: { events: TimelineEvent[] }) {
  if (events.length === 0) return <p className="text-sm text-slate-600">No history yet.</p>;
  return (
    <ol aria-label="Connection history" className="relative space-y-5 border-l border-slate-200 pl-6">
      {events.map((event) => (
        <li key={event.id} className="relative">
          <span
            aria-hidden="true"
            className={`absolute -left-[1.95rem] top-1.5 h-3 w-3 rounded-full ring-4 ring-white ${DOTS[event.type] ?? "bg-slate-400"}`}
          />
          <p className="text-sm font-semibold text-slate-900">
            {TITLES[event.type] ?? event.type}
            {event.source && SOURCE_LABELS[event.source] && (
              <span className="font-normal text-slate-600"> · {SOURCE_LABELS[event.source]}</span>
            )}
          </p>
          {event.detail && <p className="mt-0.5 text-sm text-slate-600">{event.detail}</p>}
          <time dateTime={event.createdAt.toISOString()} className="text-xs text-slate-500">
            {exactTime(event.createdAt.toISOString())}
          </time>
        </li>
      ))}
    </ol>
  );
}

/** A connection's history as a card: its page for the customer and the operator's view of it. */
export function ConnectionHistoryCard({ events }: { events: TimelineEvent[] }) {
  return (
    <Card>
      <CardTitle>History</CardTitle>
      <div className="mt-4">
        <ConnectionTimeline events={events} />
      </div>
    </Card>
  );
}
