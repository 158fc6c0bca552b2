import { Link } from "wouter";

/** Between the current workspace's pages; its settings and audit log are for owners. */
export function WorkspaceTabs({ isOwner }: { isOwner: boolean }) {
  const tab = (active: boolean) => `sy-subnav__link${active ? " is-active" : ""}`;
  return (
    <nav className="sy-subnav" aria-label="Workspace pages">
      <Link href="/workspace/members" className={tab}>
        Members
      </Link>
      {isOwner && (
        <Link href="/workspace/settings" className={tab}>
          Workspace settings
        </Link>
      )}
      {isOwner && (
        <Link href="/workspace/audit" className={tab}>
          Audit log
        </Link>
      )}
      <Link href="/settings" className={tab}>
        Provider and API keys
      </Link>
    </nav>
  );
}
