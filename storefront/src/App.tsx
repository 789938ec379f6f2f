import { FormEvent, useEffect, useState } from "react";
import { Account, ApiError, me, register, signIn, signOut } from "./api";
import { addToCart, Cart, currentCart, mergeGuestCart, removeFromCart } from "./cart";
import { CartPanel } from "./CartPanel";
import { defaultSku } from "./catalog";
import { Shop } from "./Shop";

type Mode = "signIn" | "register";

interface Session {
  account: Account;
  accessToken: string;
  refreshToken: string;
}

export function App() {
  const [mode, setMode] = useState<Mode>("signIn");
  const [session, setSession] = useState<Session | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [cart, setCart] = useState<Cart | null>(null);
  const token = session?.accessToken ?? null;

  useEffect(() => {
    currentCart(null)
      .then(setCart)
      .catch(() => undefined);
  }, []);

  async function add(productId: string) {
    try {
      setCart(await addToCart(await defaultSku(productId), 1, token));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : "The cart cannot be reached right now.");
    }
  }

  async function remove(sku: string) {
    if (cart) {
      setCart(await removeFromCart(cart, sku, token));
    }
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "");
    const password = String(form.get("password") ?? "");
    setBusy(true);
    setError(null);
    try {
      if (mode === "register") {
        await register(email, password, String(form.get("name") ?? ""));
      }
      const tokens = await signIn(email, password);
      setSession({
        account: await me(tokens.access_token),
        accessToken: tokens.access_token,
        refreshToken: tokens.refresh_token,
      });
      // what the shopper put in the cart as a guest is now in their account's cart
      setCart(await mergeGuestCart(tokens.access_token));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : "The shop cannot be reached right now.");
    } finally {
      setBusy(false);
    }
  }

  async function leave() {
    if (session) {
      await signOut(session.refreshToken).catch(() => undefined);
    }
    setSession(null);
    setCart(null);
    setMode("signIn");
  }

  return (
    <main className="shop">
      <header>
        <h1>Mercato</h1>
        <p className="tagline">Everything you need, delivered.</p>
      </header>
      <Shop onAdd={add} />
      <CartPanel cart={cart} onRemove={remove} />
      {session ? (
        <section aria-label="account">
          <p id="welcome">
            Welcome, <strong>{session.account.name}</strong> ({session.account.email})
          </p>
          <button onClick={leave}>Sign out</button>
        </section>
      ) : (
        <section aria-label={mode === "signIn" ? "sign in" : "create account"}>
          <h2>{mode === "signIn" ? "Sign in" : "Create your account"}</h2>
          <form onSubmit={submit}>
            {mode === "register" && (
              <label>
                Name <input name="name" required maxLength={200} autoComplete="name" />
              </label>
            )}
            <label>
              Email <input name="email" type="email" required autoComplete="email" />
            </label>
            <label>
              Password{" "}
              <input
                name="password"
                type="password"
                required
                minLength={8}
                autoComplete={mode === "signIn" ? "current-password" : "new-password"}
              />
            </label>
            {error && (
              <p role="alert" className="error">
                {error}
              </p>
            )}
            <button type="submit" disabled={busy}>
              {mode === "signIn" ? "Sign in" : "Create account"}
            </button>
          </form>
          <button
            className="link"
            onClick={() => setMode(mode === "signIn" ? "register" : "signIn")}
          >
            {mode === "signIn" ? "New here? Create an account" : "Already have an account? Sign in"}
          </button>
        </section>
      )}
    </main>
  );
}
