import type { ReactNode } from "react";
import { Logo } from "../../app/AppShell";

/** The centred card sign-in and sign-up share. */
export function AuthLayout({ title, children, footer }: { title: string; children: ReactNode; footer: ReactNode }) {
  return (
    <main className="sy-auth" id="content">
      <div className="sy-auth__card">
        <div className="sy-auth__brand">
          <Logo />
          <span>Switchyard</span>
        </div>
        <h1 className="sy-auth__title">{title}</h1>
        {children}
        <p className="sy-auth__footer">{footer}</p>
      </div>
    </main>
  );
}
