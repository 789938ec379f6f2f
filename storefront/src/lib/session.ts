// The shopper's session. The access token lives in memory only (never in localStorage); the users service keeps
// the refresh token in an HttpOnly cookie scoped to /users/api/tokens, so the page can ask for a fresh access token
// (silently, a minute before the current one runs out, and once on load to restore the session) but can never read
// the refresh token itself.
import { ApiError, request, RequestOptions } from "./http";

export interface Account {
  id: string;
  email: string;
  name: string;
  roles: string[];
}

export interface TokenResponse {
  access_token: string;
  expires_in: number;
  /** Only from a users service older than the cookie: then it is kept in memory, never stored. */
  refresh_token?: string;
  token_type?: string;
}

export type SessionState =
  | { status: "restoring" }
  | { status: "guest"; expired?: boolean }
  | { status: "signed-in"; account: Account };

/** How long before an access token runs out it is renewed. */
export const REFRESH_LEAD_SECONDS = 60;

/**
 * When to renew a token that lasts expiresIn seconds: a minute before it runs out, or halfway through for tokens
 * shorter than two minutes (so a short token is not renewed in a busy loop).
 */
export function refreshDelayMs(expiresInSeconds: number): number {
  const lead = Math.min(REFRESH_LEAD_SECONDS, expiresInSeconds / 2);
  return Math.max(0, Math.round((expiresInSeconds - lead) * 1000));
}

type Timer = ReturnType<typeof setTimeout>;

export interface SessionDeps {
  request: typeof request;
  now: () => number;
  setTimer: (run: () => void, ms: number) => Timer;
  clearTimer: (timer: Timer) => void;
  /** Serializes refreshes across the shop's open tabs (the refresh cookie rotates on every use). */
  withLock: <T>(run: () => Promise<T>) => Promise<T>;
  /** Tells the shop's other tabs about sign-in and sign-out. */
  channel: { post: (message: string) => void; listen: (on: (message: string) => void) => void };
  /**
   * Whether this browser may hold a refresh cookie (someone signed in here and did not sign out): no secret, only
   * a hint, so a guest's page load does not ask the users service for a session that is not there.
   */
  hint: { get: () => boolean; set: (on: boolean) => void };
}

const TOKENS = "/users/api/tokens";

export class SessionManager {
  private state: SessionState = { status: "restoring" };
  private accessToken: string | null = null;
  private expiresAt = 0;
  private legacyRefreshToken: string | null = null;
  private timer: Timer | null = null;
  private refreshing: Promise<boolean> | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly deps: SessionDeps) {
    deps.channel.listen((message) => {
      if (message === "signed-out" && this.state.status === "signed-in") {
        this.clear({ status: "guest" });
      } else if (message === "signed-in" && this.state.status !== "signed-in") {
        void this.refresh();
      }
    });
  }

  getState = (): SessionState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /**
   * Resolves once the page-load restore has decided (signed in or a guest). Cart writes wait for it: an item
   * added in the first moment after a load would otherwise go to a guest cart the account never sees.
   */
  settled(): Promise<void> {
    if (this.state.status !== "restoring") {
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const off = this.subscribe(() => {
        if (this.state.status !== "restoring") {
          off();
          resolve();
        }
      });
    });
  }

  /** On page load: a refresh cookie from an earlier visit signs the shopper back in; without one, a guest. */
  async restore(): Promise<void> {
    if (!this.deps.hint.get()) {
      this.set({ status: "guest" });
      return;
    }
    const restored = await this.refresh();
    if (!restored && this.state.status === "restoring") {
      this.set({ status: "guest" });
    }
  }

  async signIn(email: string, password: string): Promise<Account> {
    const tokens = await this.deps.request<TokenResponse>(TOKENS, {
      method: "POST",
      body: { email, password },
    });
    this.accept(tokens);
    const account = await this.loadAccount();
    this.deps.channel.post("signed-in");
    return account;
  }

  async signOut(): Promise<void> {
    const legacy = this.legacyRefreshToken;
    this.clear({ status: "guest" });
    this.deps.channel.post("signed-out");
    // the cookie's session ends (and the cookie is cleared); a token held in memory is ended too
    for (const body of legacy ? [{}, { refresh_token: legacy }] : [{}]) {
      try {
        await this.deps.request<void>(`${TOKENS}/revoke`, { method: "POST", body });
      } catch {
        // the shopper is signed out here either way; the token expires on its own
      }
    }
  }

  /** A fresh access token, renewed first when it is about to run out; null for a guest. */
  async token(): Promise<string | null> {
    if (!this.accessToken) {
      return null;
    }
    if (this.deps.now() >= this.expiresAt - 10_000) {
      await this.refresh();
    }
    return this.accessToken;
  }

  /**
   * Asks the users service for a new access token with the refresh cookie. One request at a time, whoever asks.
   * Resolves true when the session goes on; a refused refresh ends it (the shopper is a guest again).
   */
  refresh(): Promise<boolean> {
    if (!this.refreshing) {
      this.refreshing = this.deps
        .withLock(() => this.doRefresh())
        .finally(() => {
          this.refreshing = null;
        });
    }
    return this.refreshing;
  }

  /** The API said the token is no longer good (401) and a refresh did not help. */
  expire(): void {
    if (this.state.status === "signed-in") {
      this.clear({ status: "guest", expired: true });
    }
  }

  /** The account changed (a new name): show it everywhere. */
  updateAccount(account: Account): void {
    if (this.state.status === "signed-in") {
      this.set({ status: "signed-in", account });
    }
  }

  /** When the tab comes back after a while (timers sleep in background tabs): renew now if due. */
  wake(): void {
    if (this.accessToken && this.deps.now() >= this.expiresAt - REFRESH_LEAD_SECONDS * 1000) {
      void this.refresh();
    }
  }

  /**
   * The cookie first, always: it is rotated on every use, and a token another tab has spent would end the whole
   * session if presented again. A token held in memory is the way only when there is no cookie (a users service
   * that sets none, or a browser that refused it).
   */
  private async refreshTokens(): Promise<TokenResponse> {
    const refresh = (body: object) =>
      this.deps.request<TokenResponse>(`${TOKENS}/refresh`, { method: "POST", body });
    try {
      return await refresh({});
    } catch (e) {
      const legacy = this.legacyRefreshToken;
      if (legacy && e instanceof ApiError && (e.status === 400 || e.status === 401)) {
        return refresh({ refresh_token: legacy });
      }
      throw e;
    }
  }

  private async doRefresh(): Promise<boolean> {
    try {
      const tokens = await this.refreshTokens();
      this.accept(tokens);
      if (this.state.status !== "signed-in") {
        await this.loadAccount();
      }
      return true;
    } catch (e) {
      if (e instanceof ApiError && e.status >= 400 && e.status < 500) {
        // no cookie, or it was revoked or expired: the session is over
        if (this.state.status === "signed-in") {
          this.clear({ status: "guest", expired: true });
        } else {
          this.clear({ status: "guest" });
        }
        return false;
      }
      // the users service did not answer: keep the session while its token lasts and try again soon
      if (this.accessToken && this.deps.now() < this.expiresAt) {
        this.schedule(Math.min(15_000, Math.max(0, this.expiresAt - this.deps.now())));
      } else if (this.state.status === "restoring") {
        this.set({ status: "guest" });
      }
      return false;
    }
  }

  private async loadAccount(): Promise<Account> {
    const account = await this.deps.request<Account>("/users/api/accounts/me", {
      token: this.accessToken,
    });
    this.set({ status: "signed-in", account });
    return account;
  }

  private accept(tokens: TokenResponse): void {
    this.deps.hint.set(true);
    this.accessToken = tokens.access_token;
    this.expiresAt = this.deps.now() + tokens.expires_in * 1000;
    if (tokens.refresh_token) {
      this.legacyRefreshToken = tokens.refresh_token;
    }
    this.schedule(refreshDelayMs(tokens.expires_in));
  }

  private schedule(ms: number): void {
    if (this.timer !== null) {
      this.deps.clearTimer(this.timer);
    }
    this.timer = this.deps.setTimer(() => {
      this.timer = null;
      void this.refresh();
    }, ms);
  }

  private clear(next: SessionState): void {
    this.deps.hint.set(false);
    if (this.timer !== null) {
      this.deps.clearTimer(this.timer);
      this.timer = null;
    }
    this.accessToken = null;
    this.expiresAt = 0;
    this.legacyRefreshToken = null;
    this.set(next);
  }

  private set(next: SessionState): void {
    this.state = next;
    this.listeners.forEach((listener) => listener());
  }
}

const SESSION_HINT = "mercato.signedIn";

function storage(): Storage | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null;
  }
}

function browserDeps(): SessionDeps {
  const channel =
    typeof BroadcastChannel === "undefined" ? null : new BroadcastChannel("mercato.session");
  const locks = typeof navigator !== "undefined" ? navigator.locks : undefined;
  return {
    request,
    now: () => Date.now(),
    setTimer: (run, ms) => setTimeout(run, ms),
    clearTimer: (timer) => clearTimeout(timer),
    withLock: <T>(run: () => Promise<T>) =>
      locks ? (locks.request("mercato.session.refresh", run) as Promise<T>) : run(),
    channel: {
      post: (message) => channel?.postMessage(message),
      listen: (on) => channel?.addEventListener("message", (e) => on(String(e.data))),
    },
    hint: {
      get: () => storage()?.getItem(SESSION_HINT) === "1",
      set: (on) =>
        on ? storage()?.setItem(SESSION_HINT, "1") : storage()?.removeItem(SESSION_HINT),
    },
  };
}

/** The one session of this tab. */
export const session = new SessionManager(browserDeps());

/**
 * A call as the signed-in shopper (auth "required") or as whoever is there (auth "optional": the token when
 * signed in). A 401 gets one silent refresh and one retry; if that does not help, the session is over.
 */
export async function api<T>(
  path: string,
  options: RequestOptions & { auth?: "required" | "optional" | "none" } = {},
  manager: SessionManager = session,
): Promise<T> {
  const auth = options.auth ?? "none";
  if (auth === "none") {
    return request<T>(path, options);
  }
  const token = await manager.token();
  if (!token && auth === "required") {
    throw new ApiError(401, { title: "Please sign in first." });
  }
  try {
    return await request<T>(path, { ...options, token });
  } catch (e) {
    // a 401 about the request itself (a wrong current password) is no sign of an expired token
    if (!(token && e instanceof ApiError && e.status === 401 && e.kind !== "invalid-credentials")) {
      throw e;
    }
    if (!(await manager.refresh())) {
      manager.expire();
      throw e;
    }
    return request<T>(path, { ...options, token: await manager.token() });
  }
}
