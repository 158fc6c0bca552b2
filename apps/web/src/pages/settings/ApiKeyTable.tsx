import type { ApiKeySummary } from "../../api/types";
import { RelativeTime } from "../../components/RelativeTime";

/** The workspace's API keys by name and prefix (the secret part is never stored). */
export function ApiKeyTable({ keys, onRevoke }: { keys: ApiKeySummary[]; onRevoke: (key: ApiKeySummary) => void }) {
  return (
    <table className="sy-table">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Key</th>
          <th scope="col">Role</th>
          <th scope="col">Created</th>
          <th scope="col">Last used</th>
          <th scope="col">
            <span className="sr-only">Status and actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {keys.map((k) => (
          <tr key={k.id} className={k.revokedAt ? "is-revoked" : undefined}>
            <td>{k.name}</td>
            <td>
              <code>sy_{k.prefix}_…</code>
            </td>
            <td>{k.role}</td>
            <td>
              <RelativeTime value={k.createdAt} />
              {k.createdBy && <span className="sy-muted"> by {k.createdBy.name}</span>}
            </td>
            <td>{k.lastUsedAt ? <RelativeTime value={k.lastUsedAt} /> : <span className="sy-muted">never</span>}</td>
            <td className="sy-table__actions">
              {k.revokedAt ? (
                <span className="sy-pill sy-pill--failed">
                  revoked <RelativeTime value={k.revokedAt} />
                </span>
              ) : (
                <button type="button" className="sy-button sy-button--small sy-button--danger" onClick={() => onRevoke(k)} aria-label={`Revoke ${k.name}`}>
                  Revoke
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
