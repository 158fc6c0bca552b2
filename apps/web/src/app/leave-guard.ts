import { navigate, useBrowserLocation, type BrowserLocationHook } from "wouter/use-browser-location";

let guardMessage: string | undefined;

/** While set, navigating to another page asks first (unsaved changes); undefined lifts it. */
export function setLeaveGuard(message: string | undefined): void {
  guardMessage = message;
}

/** Navigations within the same page (search params: a run, a version) are the page's own business. */
const guardedNavigate: typeof navigate = (to, options) => {
  const target = new URL(String(to), window.location.href);
  if (guardMessage && target.pathname !== window.location.pathname && !window.confirm(guardMessage)) return;
  navigate(to, options);
};

/** Navigates without asking: for moves that are not the user's choice (the session ended; the editor kept unsaved work first). */
export function navigateWithoutAsking(to: string, options?: { replace?: boolean }): void {
  navigate(to, options);
}

/** wouter's browser location, with in-app links honouring the leave guard (closing the tab is `beforeunload`'s job). */
export const useGuardedLocation: BrowserLocationHook = (options) => {
  const [location] = useBrowserLocation(options);
  return [location, guardedNavigate];
};
