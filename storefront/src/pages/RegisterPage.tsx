import { FormEvent, useState } from "react";
import { Link, Navigate, useNavigate, useSearchParams } from "react-router";
import { Notice, PageTitle } from "../components/ui";
import { useSession, useSessionActions } from "../hooks";
import { register } from "../lib/account";
import { ApiError, errorMessage } from "../lib/http";
import { paths, safeNext } from "../paths";

export default function RegisterPage() {
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
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    setBusy(true);
    setError(null);
    try {
      await register(email, password, String(form.get("name") ?? "").trim());
      await signIn(email, password);
      navigate(next, { replace: true });
    } catch (e) {
      setError(
        e instanceof ApiError && e.status === 409
          ? "An account with this email exists already. Sign in instead."
          : errorMessage(e),
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="auth-page">
      <PageTitle title="Create your account" />
      <h1>Create your account</h1>
      <form onSubmit={submit} className="form-card">
        <div className="field">
          <label htmlFor="name">Name</label>
          <input id="name" name="name" required maxLength={200} autoComplete="name" />
        </div>
        <div className="field">
          <label htmlFor="email">Email</label>
          <input
            id="email"
            name="email"
            type="email"
            required
            maxLength={320}
            autoComplete="email"
          />
        </div>
        <div className="field">
          <label htmlFor="password">Password</label>
          <input
            id="password"
            name="password"
            type="password"
            required
            minLength={8}
            autoComplete="new-password"
            aria-describedby="password-hint"
          />
          <p id="password-hint" className="hint">
            At least 8 characters.
          </p>
        </div>
        {error && <Notice tone="error">{error}</Notice>}
        <button type="submit" className="button primary wide" disabled={busy}>
          {busy ? "Creating your account…" : "Create account"}
        </button>
      </form>
      <p className="auth-switch">
        Already have an account?{" "}
        <Link to={paths.signIn(params.get("next") ? next : undefined)}>Sign in</Link>
      </p>
    </section>
  );
}
