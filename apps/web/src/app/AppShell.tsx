import type { ReactNode } from "react";
import { Link } from "wouter";
import { UserMenu } from "./UserMenu";
import { WorkspaceSwitcher } from "./WorkspaceSwitcher";

/** The header on every signed-in page: logo, where to go, which workspace, who you are. */
export function AppShell({ children }: { children: ReactNode }) {
  return (
    <div className="sy-shell">
      <a className="sy-skip-link" href="#content">
        Skip to content
      </a>
      <header className="sy-header">
        <Link href="/" className="sy-header__brand" aria-label="Switchyard — your flows">
          <Logo />
          <span>Switchyard</span>
        </Link>
        <nav className="sy-header__nav" aria-label="Main">
          <Link href="/" className={(active) => `sy-header__link${active ? " is-active" : ""}`}>
            Flows
          </Link>
          <Link href="/insights" className={(active) => `sy-header__link${active ? " is-active" : ""}`}>
            Models
          </Link>
          <Link href="/workspace/members" className={(active) => `sy-header__link${active ? " is-active" : ""}`}>
            Members
          </Link>
          <Link href="/settings" className={(active) => `sy-header__link${active ? " is-active" : ""}`}>
            Settings
          </Link>
        </nav>
        <div className="sy-header__end">
          <WorkspaceSwitcher />
          <UserMenu />
        </div>
      </header>
      <div className="sy-shell__content">{children}</div>
    </div>
  );
}

/** Two tracks parting at a switch: the product's mark. */
export function Logo() {
  return (
    <svg className="sy-mark" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true">
      <rect width="24" height="24" rx="5" fill="currentColor" />
      <path d="M4 12h6l5-5h5M10 12l5 5h5" stroke="#fff" strokeWidth="2" fill="none" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
