import { closeIncidentAction, releaseHeldEmailsAction } from "@/app/(operator)/operator/actions";
import { exactTime, timeAgo } from "@/lib/format-time";
import type { OpenOutage } from "@/lib/outages/list-open-outages";
import { OperatorActionButton } from "./operator-action-button";

export function OutagesPanel({ outages }: { outages: OpenOutage[] }) {
  if (outages.length === 0) return null;
  return (
    <section
      aria-labelledby="outages-heading"
      className="space-y-3 rounded-xl border border-amber-300 bg-amber-50 p-5"
    >
      <h2 id="outages-heading" className="text-lg font-semibold text-amber-950">
        Provider outages
      </h2>
      <ul className="space-y-3">
        {outages.map((outage) => (
          <li
            key={outage.id}
            className="flex flex-col gap-3 text-sm text-amber-950 lg:flex-row lg:items-center lg:justify-between"
          >
            <div>
              <p className="font-semibold">
                {outage.providerName}: {outage.affected} connection{outage.affected === 1 ? "" : "s"} affected
              </p>
              <p>
                Opened{" "}
                <time
                  dateTime={outage.openedAt.toISOString()}
                  title={exactTime(outage.openedAt.toISOString())}
                >
                  {timeAgo(outage.openedAt.toISOString())}
                </time>
                {" · "}
                {outage.releasedAt
                  ? "held emails released"
                  : `${outage.held} email${outage.held === 1 ? "" : "s"} held, released on their own at ${exactTime(outage.autoReleaseAt.toISOString())}`}
              </p>
            </div>
            <div className="flex flex-wrap gap-2">
              {!outage.releasedAt && (
                <OperatorActionButton
                  action={releaseHeldEmailsAction}
                  fields={{ id: outage.id }}
                  label="Release held emails"
                />
              )}
              <OperatorActionButton
                action={closeIncidentAction}
                fields={{ id: outage.id }}
                label="Close incident"
                variant="danger"
              />
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
