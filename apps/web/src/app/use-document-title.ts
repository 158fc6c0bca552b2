import { useEffect } from "react";

/** "Flows · Switchyard": each page names itself in the tab and for screen readers. */
export function useDocumentTitle(title: string | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · Switchyard` : "Switchyard";
  }, [title]);
}
