import type { Role } from "../util/roles";

const TITLES: Record<Role, string> = {
  owner: "Owner: manages members and roles, edits and runs",
  editor: "Editor: edits and runs",
  viewer: "Viewer: sees flows and runs, read-only",
};

/** The caller's (or a member's) role as a small coloured label; `shared` marks access through a share. */
export function RoleBadge({ role, shared = false }: { role: Role; shared?: boolean }) {
  return (
    <span className={`sy-role sy-role--${role}`} title={shared ? `${TITLES[role]} (shared with you)` : TITLES[role]}>
      {role}
      {shared && <span className="sr-only"> (shared with you)</span>}
    </span>
  );
}
