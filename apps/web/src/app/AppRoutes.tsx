import { Suspense, type ReactNode } from "react";
import { Route, Switch, useLocation } from "wouter";
import { SignInPage } from "../pages/auth/SignInPage";
import { SignUpPage } from "../pages/auth/SignUpPage";
import { FlowListPage } from "../pages/flows/FlowListPage";
import { SettingsPage } from "../pages/settings/SettingsPage";
import { NotFoundPage } from "../pages/NotFoundPage";
import { InvitePage } from "../pages/invite/InvitePage";
import { MembersPage } from "../pages/workspace/MembersPage";
import { WorkspaceSettingsPage } from "../pages/workspace/WorkspaceSettingsPage";
import { Loading } from "../components/Loading";
import { AuditPage, EditorPage, ModelsPage, RunComparePage, RunDetailPage, RunHistoryPage, SharedFlowPage } from "./lazy-pages";
import { AppShell } from "./AppShell";
import { ErrorBoundary } from "./ErrorBoundary";
import { RequireAuth } from "./RequireAuth";
import { useMe } from "./use-me";
import { WorkspaceProvider } from "./workspace-context";

/** Sign-in, sign-up, invitations and read-only links are public; everything else needs a session. */
export function AppRoutes() {
  return (
    <Switch>
      <Route path="/sign-in">
        <Page where="sign-in">
          <SignInPage />
        </Page>
      </Route>
      <Route path="/sign-up">
        <Page where="sign-up">
          <SignUpPage />
        </Page>
      </Route>
      <Route path="/invite/:token">
        <Page where="the invitation">
          <InvitePage />
        </Page>
      </Route>
      <Route path="/shared/:token">
        <Page where="the shared flow">
          <SharedFlowPage />
        </Page>
      </Route>
      <Route>
        <RequireAuth>
          <SignedInApp />
        </RequireAuth>
      </Route>
    </Switch>
  );
}

function SignedInApp() {
  const me = useMe();
  return (
    <WorkspaceProvider workspaces={me.data?.workspaces ?? []}>
      <AppShell>
        <Switch>
          <Route path="/">
            <Page where="your flows">
              <FlowListPage />
            </Page>
          </Route>
          <Route path="/insights">
            <Page where="model insights">
              <ModelsPage />
            </Page>
          </Route>
          <Route path="/settings">
            <Page where="settings">
              <SettingsPage />
            </Page>
          </Route>
          <Route path="/workspace/members">
            <Page where="members">
              <MembersPage />
            </Page>
          </Route>
          <Route path="/workspace/settings">
            <Page where="workspace settings">
              <WorkspaceSettingsPage />
            </Page>
          </Route>
          <Route path="/workspace/audit">
            <Page where="the audit log">
              <AuditPage />
            </Page>
          </Route>
          <Route path="/flows/:flowId/runs">
            <Page where="run history">
              <RunHistoryPage />
            </Page>
          </Route>
          <Route path="/flows/:flowId/compare">
            <Page where="run comparison">
              <RunComparePage />
            </Page>
          </Route>
          <Route path="/flows/:flowId">
            <Page where="the editor">
              <EditorPage />
            </Page>
          </Route>
          <Route path="/runs/:runId">
            <Page where="the run">
              <RunDetailPage />
            </Page>
          </Route>
          <Route>
            <NotFoundPage />
          </Route>
        </Switch>
      </AppShell>
    </WorkspaceProvider>
  );
}

/**
 * An error boundary per page, reset when the path changes, so one crash never takes the app down
 * (a page's chunk that fails to load included); a spinner while a lazily loaded page arrives.
 */
function Page({ where, children }: { where: string; children: ReactNode }) {
  const [location] = useLocation();
  return (
    <ErrorBoundary key={location} where={where}>
      <Suspense fallback={<Loading block />}>{children}</Suspense>
    </ErrorBoundary>
  );
}
