import { ScrollRegion } from "@/components/ui/scroll-region";
import { TableHeader } from "@/components/ui/table-header";
import { tableBodyClasses } from "@/components/ui/table-styles";
import type { ApiKeySummary } from "@/lib/api-keys/manage-api-keys";
import { exactTime, timeAgo } from "@/lib/format-time";
import { RevokeApiKeyButton } from "./revoke-api-key-button";

const when = (date: Date | null, never: string) =>
  date ? (
    <time dateTime={date.toISOString()} title={exactTime(date.toISOString())}>
      {timeAgo(date.toISOString())}
    </time>
  ) : (
    never
  );

/** Every key, live ones first: what it may do, when it was made and last used, and whether it is revoked. */
export function ApiKeysTable({ keys }: { keys: ApiKeySummary[] }) {
  if (keys.length === 0) return <p className="text-sm text-slate-600">No API keys yet.</p>;
  return (
    <ScrollRegion label="API keys, scrolls sideways">
      <table aria-label="API keys" className="min-w-full divide-y divide-slate-200">
        <TableHeader
          columns={[
            "Name",
            "Prefix",
            "Scopes",
            "Created",
            "Last used",
            "Revoked",
            <span key="actions" className="sr-only">
              Actions
            </span>,
          ]}
        />
        <tbody className={tableBodyClasses()}>
          {keys.map((key) => (
            <tr key={key.id}>
              <th scope="row">{key.name}</th>
              <td>
                <code className="font-mono">{key.prefix}…</code>
              </td>
              <td>
                <ul className="space-y-0.5">
                  {key.scopes.map((scope) => (
                    <li key={scope}>
                      <code className="font-mono text-xs">{scope}</code>
                    </li>
                  ))}
                </ul>
              </td>
              <td>{when(key.createdAt, "—")}</td>
              <td>{when(key.lastUsedAt, "Never")}</td>
              <td>{when(key.revokedAt, "No")}</td>
              <td>{key.revokedAt ? null : <RevokeApiKeyButton id={key.id} name={key.name} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
