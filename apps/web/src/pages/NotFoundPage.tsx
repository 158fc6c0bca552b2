import { Link } from "wouter";
import { useDocumentTitle } from "../app/use-document-title";

export function NotFoundPage() {
  useDocumentTitle("Not found");
  return (
    <main className="sy-page" id="content">
      <h1>Page not found</h1>
      <p className="sy-muted">There is nothing at this address.</p>
      <p>
        <Link href="/">Go to your flows</Link>
      </p>
    </main>
  );
}
