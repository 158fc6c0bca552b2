import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../../api/trpc";
import type { WorkspaceOption } from "../../app/workspace-choice";
import { ErrorMessage } from "../../components/ErrorMessage";
import { Loading } from "../../components/Loading";
import { ProviderKeyRow } from "./ProviderKeyRow";

/** Providers a workspace can hold a key for (the server's `credentialProviders`). */
const PROVIDERS: { id: string; label: string; placeholder: string }[] = [
  { id: "openai", label: "OpenAI", placeholder: "sk-…" },
  { id: "anthropic", label: "Anthropic", placeholder: "sk-ant-…" },
  { id: "google", label: "Google Gemini", placeholder: "AIza…" },
  { id: "openrouter", label: "OpenRouter", placeholder: "sk-or-…" },
];

/** Provider keys for this workspace: stored encrypted, never shown again, testable with a real call. */
export function CredentialsSection({ workspaceId, role }: { workspaceId: string; role: WorkspaceOption["role"] }) {
  const trpc = useTRPC();
  const credentials = useQuery(trpc.credentials.list.queryOptions({ workspaceId }));
  return (
    <section className="sy-card" aria-labelledby="credentials-title">
      <h2 id="credentials-title" className="sy-card__title">
        Provider keys
      </h2>
      <p className="sy-muted">
        Keys let this workspace's flows call real models. They are encrypted on the server and never shown again after saving. Simulated models (<code>sim:*</code>) need
        no key.
        {role !== "owner" && " Only workspace owners can add or remove keys."}
      </p>
      {credentials.isPending ? (
        <Loading label="Loading keys…" />
      ) : credentials.isError ? (
        <ErrorMessage title="Couldn't load the keys" error={credentials.error} onRetry={() => void credentials.refetch()} />
      ) : (
        <ul className="sy-providers">
          {PROVIDERS.map((p) => (
            <ProviderKeyRow key={p.id} workspaceId={workspaceId} provider={p} role={role} stored={credentials.data.find((c) => c.provider === p.id)} />
          ))}
        </ul>
      )}
    </section>
  );
}
