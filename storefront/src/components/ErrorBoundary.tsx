import { Component, ReactNode } from "react";

/**
 * A page that fails to render (or whose code cannot be loaded after a new release) says so, instead of leaving the
 * shopper with a blank page.
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  render() {
    if (this.state.failed) {
      return (
        <div className="notice notice-error page-error" role="alert">
          <p className="notice-title">This page could not be shown.</p>
          <p>
            The shop may have been updated while you were here.{" "}
            <button type="button" className="link-button" onClick={() => window.location.reload()}>
              Reload the page
            </button>
          </p>
        </div>
      );
    }
    return this.props.children;
  }
}
