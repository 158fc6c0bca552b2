import { Component, type ErrorInfo, type ReactNode } from "react";
import { errorMessage } from "../api/errors";

interface ErrorBoundaryProps {
  children: ReactNode;
  /** What broke, e.g. "the editor". */
  where?: string;
}

interface ErrorBoundaryState {
  error: unknown;
}

/** One per page: a crash shows what happened and a way back, while the header keeps working. */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: undefined };

  static getDerivedStateFromError(error: unknown): ErrorBoundaryState {
    return { error };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error(`Switchyard: ${this.props.where ?? "page"} crashed`, error, info.componentStack);
  }

  override render() {
    if (this.state.error === undefined) return this.props.children;
    return (
      <main className="sy-page">
        <div className="sy-crash" role="alert">
          <h1>Something went wrong in {this.props.where ?? "this page"}</h1>
          <p>{errorMessage(this.state.error)}</p>
          <p className="sy-muted">Your saved work is safe on the server. Trying again reloads this page's data.</p>
          <div className="sy-row">
            <button type="button" className="sy-button sy-button--primary" onClick={() => this.setState({ error: undefined })}>
              Try again
            </button>
            <a className="sy-button" href="/">
              Go to your flows
            </a>
          </div>
        </div>
      </main>
    );
  }
}
