import { useEffect, useRef } from "react";
import type { NewInvitation } from "../../api/types";
import { CopyField } from "../../components/CopyField";
import { formatDateTime } from "../../util/relative-time";
import { withArticle } from "../../util/roles";

/** The invitation link, shown this once: no mail is sent, so the inviter hands it over. */
export function InviteLinkNotice({ invitation, onDone }: { invitation: NewInvitation; onDone: () => void }) {
  const root = useRef<HTMLDivElement>(null);
  // It appears above the form; bring it into view so it can't be missed.
  useEffect(() => root.current?.scrollIntoView({ block: "center" }), [invitation.id]);
  return (
    <div className="sy-new-key sy-invite-link" role="status" ref={root}>
      <p>
        <strong>Send this link to {invitation.email}.</strong> No email is sent. It makes them {withArticle(invitation.role)}, works once and only for that
        address, and expires {formatDateTime(invitation.expiresAt)}. It won't be shown again.
      </p>
      <CopyField id="invite-link" label="Invitation link" value={`${window.location.origin}${invitation.path}`} />
      <button type="button" className="sy-button sy-button--small sy-invite-link__done" onClick={onDone}>
        Done
      </button>
    </div>
  );
}
