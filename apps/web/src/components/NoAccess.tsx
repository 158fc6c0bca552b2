import { Link } from "wouter";

interface NoAccessProps {
  /** "flow" or "run": what can't be seen. */
  what?: "flow" | "run";
  /** True when the page was open and access went away; false when it never opened. */
  lost?: boolean;
}

/** What someone sees instead of a blank page when a flow or run is not (or no longer) theirs to see. */
export function NoAccess({ what = "flow", lost = false }: NoAccessProps) {
  return (
    <main className="sy-page" id="content">
      <div className="sy-no-access" role="alert">
        <h1 className="sy-no-access__title">{lost ? `You no longer have access to this ${what}` : `You don't have access to this ${what}`}</h1>
        <p>
          {what === "flow" ? "It" : "Its flow"} may have been deleted, or it is no longer shared with you. Ask its owner to share it with you again if you still need
          it.
        </p>
        <p>
          <Link href="/" className="sy-button">
            Back to your flows
          </Link>
        </p>
      </div>
    </main>
  );
}
