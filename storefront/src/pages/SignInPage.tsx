import { FormEvent, useState } from "react";
import { Link, Navigate, useNavigate, useSearchParams } from "react-router";
import { Notice, PageTitle } from "../components/ui";
import { useSession, useSessionActions } from "../hooks";
import { ApiError, errorMessage } from "../lib/http";
import { paths, safeNext } from "../paths";

export function signInMessage(error: unknown): string {
  if (error instanceof ApiError && (error.status === 401 || error.status === 400)) {
    return "The email or password is not right.";
  }
  if (error instanceof ApiError && error.status === 423) {
    return error.message;
  }
  return errorMessage(error);
}

export default function SignInPage() {
  const [params] = useSearchParams();
  const next = safeNext(params.get("next"));
  const navigate = useNavigate();
  const state = useSession();
  const { signIn } = useSessionActions();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (state.status === "signed-in" && !busy) {
    return <Navigate to={next} replace />;
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      await signIn(String(form.get("email") ?? "").trim(), String(form.get("password") ?? ""));
      navigate(next, { replace: true });
    } catch (e) {
      setError(signInMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="auth-page">
      <PageTitle title="Sign in" />
      <h1>Sign in</h1>
      <form
        onSubmit={submit}
        className="form-card"
        aria-describedby={error ? "signin-error" : undefined}
      >
        <div className="field">
          <label htmlFor="email">Email</label>
          <input id="email" name="email" type="email" required autoComplete="email" />
        </div>
        <div className="field">
          <label htmlFor="password">Password</label>
          <input
            id="password"
            name="password"
            type="password"
            required
            autoComplete="current-password"
          />
        </div>
        {error && (
          <div id="signin-error">
            <Notice tone="error">{error}</Notice>
          </div>
        )}
        <button type="submit" className="button primary wide" disabled={busy}>
          {busy ? "Signing in…" : "Sign in"}
        </button>
      </form>
      <p className="auth-switch">
        New here?{" "}
        <Link to={paths.register(params.get("next") ? next : undefined)}>Create an account</Link>
      </p>
    </section>
  );
}
