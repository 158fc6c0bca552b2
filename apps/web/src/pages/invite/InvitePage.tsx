import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useLocation, useParams } from "wouter";
import { useTRPC } from "../../api/trpc";
import type { InvitationInfo } from "../../api/types";
import { useDocumentTitle } from "../../app/use-document-title";
import { useMe } from "../../app/use-me";
import { rememberWorkspace } from "../../app/workspace-context";
import { ErrorMessage } from "../../components/ErrorMessage";
import { Loading } from "../../components/Loading";
import { formatDateTime } from "../../util/relative-time";
import { withArticle } from "../../util/roles";
import { AuthLayout } from "../auth/AuthLayout";
import { SignedInAs } from "./SignedInAs";

/** `/invite/:token`: what the invitation offers; sign in (or up) as the invited address, then accept. */
export function InvitePage() {
  useDocumentTitle("Invitation");
  const { token = "" } = useParams<{ token: string }>();
  const trpc = useTRPC();
  const me = useMe();
  const info = useQuery(trpc.workspaces.inviteInfo.queryOptions({ token }, { retry: false }));
  const next = encodeURIComponent(`/invite/${token}`);
  const footer = <Link href="/">Go to Switchyard</Link>;

  if (info.isPending || me.isPending) {
    return (
      <AuthLayout title="Invitation" footer={footer}>
        <Loading label="Reading the invitation…" />
      </AuthLayout>
    );
  }
  if (info.isError) {
    return (
      <AuthLayout title="This invitation can't be used" footer={footer}>
        <ErrorMessage error={info.error} />
        <p className="sy-muted">Check that you copied the whole link, or ask a workspace owner for a new one.</p>
      </AuthLayout>
    );
  }
  const invitation = info.data;
  const user = me.data?.user;
  return (
    <AuthLayout title={`Join ${invitation.workspaceName}`} footer={footer}>
      <p>
        {invitation.invitedBy} invited <strong>{invitation.email}</strong> to the workspace <strong>{invitation.workspaceName}</strong> as{" "}
        {withArticle(invitation.role)}.
      </p>
      <Status invitation={invitation} />
      {invitation.status === "pending" &&
        (!user ? (
          <>
            <p className="sy-muted">Sign in as {invitation.email} to accept, or create an account with that address.</p>
            <div className="sy-stack">
              <Link href={`/sign-in?next=${next}`} className="sy-button sy-button--primary sy-button--block">
                Sign in to accept
              </Link>
              <Link href={`/sign-up?next=${next}`} className="sy-button sy-button--block">
                Create an account
              </Link>
            </div>
          </>
        ) : user.email.toLowerCase() !== invitation.email.toLowerCase() ? (
          <SignedInAs email={user.email} invited={invitation.email} />
        ) : (
          <Accept token={token} />
        ))}
    </AuthLayout>
  );
}

function Status({ invitation }: { invitation: InvitationInfo }) {
  switch (invitation.status) {
    case "pending":
      return <p className="sy-muted">The link works until {formatDateTime(invitation.expiresAt)}.</p>;
    case "expired":
      return (
        <p className="sy-notice sy-notice--warning" role="alert">
          This invitation expired on {formatDateTime(invitation.expiresAt)}. Ask {invitation.invitedBy} or another owner of {invitation.workspaceName} for a new one.
        </p>
      );
    case "accepted":
      return (
        <p className="sy-notice sy-notice--warning" role="alert">
          This invitation has already been used. If that was you, <Link href="/">open Switchyard</Link> and pick {invitation.workspaceName} in the workspace menu;
          otherwise ask an owner for a new one.
        </p>
      );
    case "revoked":
      return (
        <p className="sy-notice sy-notice--warning" role="alert">
          This invitation was withdrawn. Ask an owner of {invitation.workspaceName} for a new one.
        </p>
      );
  }
}

function Accept({ token }: { token: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  const accept = useMutation(
    trpc.workspaces.acceptInvite.mutationOptions({
      onSuccess: async ({ workspaceId }) => {
        rememberWorkspace(workspaceId);
        await queryClient.invalidateQueries({ queryKey: trpc.me.get.queryKey() });
        navigate("/", { replace: true });
      },
    }),
  );
  return (
    <>
      <button type="button" className="sy-button sy-button--primary sy-button--block" disabled={accept.isPending} onClick={() => accept.mutate({ token })}>
        {accept.isPending ? "Joining…" : "Accept and join"}
      </button>
      {accept.error && <ErrorMessage title="Couldn't join" error={accept.error} />}
    </>
  );
}
