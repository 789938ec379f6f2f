import { describe, expect, it, vi } from "vitest";
import { ApiError, RequestOptions } from "./http";
import { api, refreshDelayMs, SessionDeps, SessionManager } from "./session";

const ACCOUNT = { id: "a-1", email: "ada@mercato.test", name: "Ada", roles: ["customer"] };

/** A users service and a clock under the test's control. */
function harness(
  answers: Record<string, (options: RequestOptions, n: number) => unknown>,
  signedInBefore = true,
) {
  let hint = signedInBefore;
  let now = 1_000_000;
  const timers: { at: number; run: () => void; id: number }[] = [];
  let nextId = 1;
  const calls: { path: string; options: RequestOptions }[] = [];
  const counts: Record<string, number> = {};
  const posted: string[] = [];
  const deps: SessionDeps = {
    request: (async (path: string, options: RequestOptions = {}) => {
      calls.push({ path, options });
      counts[path] = (counts[path] ?? 0) + 1;
      const answer = answers[path];
      if (!answer) throw new ApiError(404, { title: "Not Found" });
      const result = answer(options, counts[path]);
      if (result instanceof Error) throw result;
      return result;
    }) as SessionDeps["request"],
    now: () => now,
    setTimer: (run, ms) => {
      const id = nextId++;
      timers.push({ at: now + ms, run, id });
      return id as unknown as ReturnType<typeof setTimeout>;
    },
    clearTimer: (timer) => {
      const i = timers.findIndex((t) => t.id === (timer as unknown as number));
      if (i >= 0) timers.splice(i, 1);
    },
    withLock: (run) => run(),
    channel: { post: (m) => posted.push(m), listen: () => undefined },
    hint: { get: () => hint, set: (on) => (hint = on) },
  };
  return {
    hint: () => hint,
    manager: new SessionManager(deps),
    calls,
    posted,
    timers,
    /** Moves the clock on, running the timers that come due. */
    async advance(ms: number) {
      const until = now + ms;
      for (;;) {
        timers.sort((a, b) => a.at - b.at);
        const due = timers[0];
        if (!due || due.at > until) break;
        timers.shift();
        now = due.at;
        due.run();
        await vi.waitFor(() => Promise.resolve());
        await new Promise((r) => setTimeout(r, 0));
      }
      now = until;
    },
  };
}

const tokens = (n: number, expiresIn = 900) => ({
  access_token: `access-${n}`,
  expires_in: expiresIn,
});

describe("refresh timing", () => {
  it("renews a minute before the token runs out, halfway for short tokens", () => {
    expect(refreshDelayMs(900)).toBe(840_000);
    expect(refreshDelayMs(120)).toBe(60_000);
    expect(refreshDelayMs(60)).toBe(30_000);
    expect(refreshDelayMs(0)).toBe(0);
  });
});

describe("the session", () => {
  it("signs in, then renews its token silently with the cookie before it expires", async () => {
    const h = harness({
      "/users/api/tokens": () => tokens(1),
      "/users/api/tokens/refresh": (_o, n) => tokens(n + 1),
      "/users/api/accounts/me": () => ACCOUNT,
    });
    await h.manager.signIn("ada@mercato.test", "secret-password");
    expect(h.manager.getState()).toEqual({ status: "signed-in", account: ACCOUNT });
    expect(await h.manager.token()).toBe("access-1");
    expect(h.posted).toEqual(["signed-in"]);

    await h.advance(839_000);
    expect(h.calls.filter((c) => c.path.endsWith("/refresh"))).toHaveLength(0);
    await h.advance(1_000);
    const refreshes = h.calls.filter((c) => c.path.endsWith("/refresh"));
    expect(refreshes).toHaveLength(1);
    // the refresh token is in the HttpOnly cookie: the body is empty
    expect(refreshes[0].options.body).toEqual({});
    expect(await h.manager.token()).toBe("access-2");

    // and again a minute before the new token runs out
    await h.advance(840_000);
    expect(h.calls.filter((c) => c.path.endsWith("/refresh"))).toHaveLength(2);
    expect(await h.manager.token()).toBe("access-3");
  });

  it("restores the session on page load from the cookie, or stays a guest", async () => {
    const signedIn = harness({
      "/users/api/tokens/refresh": () => tokens(7),
      "/users/api/accounts/me": (o) => (o.token === "access-7" ? ACCOUNT : new Error("no token")),
    });
    // what waits for the restore (a cart write) goes on only once it has decided
    const settled = signedIn.manager.settled().then(() => signedIn.manager.getState().status);
    await signedIn.manager.restore();
    expect(signedIn.manager.getState()).toEqual({ status: "signed-in", account: ACCOUNT });
    expect(await settled).toBe("signed-in");

    const guest = harness({
      "/users/api/tokens/refresh": () => new ApiError(401, { title: "no cookie" }),
    });
    expect(guest.manager.getState().status).toBe("restoring");
    await guest.manager.restore();
    expect(guest.manager.getState()).toEqual({ status: "guest" });
    expect(await guest.manager.token()).toBeNull();
    expect(guest.hint()).toBe(false);

    // a browser where nobody signed in does not ask at all
    const never = harness({}, false);
    await never.manager.restore();
    expect(never.manager.getState()).toEqual({ status: "guest" });
    expect(never.calls).toHaveLength(0);
  });

  it("prefers the rotating cookie to a token in memory another tab may have spent", async () => {
    const h = harness({
      "/users/api/tokens": () => ({ ...tokens(1), refresh_token: "r-1" }),
      "/users/api/tokens/refresh": (o) =>
        Object.keys(o.body as object).length === 0
          ? { ...tokens(2), refresh_token: "r-2" }
          : new ApiError(401, { title: "spent: the whole session ends" }),
      "/users/api/accounts/me": () => ACCOUNT,
    });
    await h.manager.signIn("ada@mercato.test", "secret-password");
    await h.advance(840_000);
    expect(await h.manager.token()).toBe("access-2");
    expect(h.calls.filter((c) => c.path.endsWith("/refresh"))).toHaveLength(1);
  });

  it("ends the session when the refresh is refused", async () => {
    const h = harness({
      "/users/api/tokens": () => tokens(1),
      "/users/api/tokens/refresh": () => new ApiError(401, { title: "revoked" }),
      "/users/api/accounts/me": () => ACCOUNT,
    });
    await h.manager.signIn("ada@mercato.test", "secret-password");
    await h.advance(840_000);
    expect(h.manager.getState()).toEqual({ status: "guest", expired: true });
    expect(await h.manager.token()).toBeNull();
  });

  it("keeps the session while the users service is down, and tries again", async () => {
    const h = harness({
      "/users/api/tokens": () => tokens(1),
      "/users/api/tokens/refresh": (_o, n) =>
        n === 1 ? new ApiError(503, { title: "down" }) : tokens(2),
      "/users/api/accounts/me": () => ACCOUNT,
    });
    await h.manager.signIn("ada@mercato.test", "secret-password");
    await h.advance(840_000);
    expect(h.manager.getState().status).toBe("signed-in");
    await h.advance(15_000);
    expect(await h.manager.token()).toBe("access-2");
  });

  it("asks for one refresh however many calls need a token at once", async () => {
    const h = harness({
      "/users/api/tokens": () => tokens(1, 5),
      "/users/api/tokens/refresh": () => tokens(2),
      "/users/api/accounts/me": () => ACCOUNT,
    });
    await h.manager.signIn("ada@mercato.test", "secret-password");
    // the 5-second token is within 10 s of running out: every caller waits for the same refresh
    const all = await Promise.all([h.manager.token(), h.manager.token(), h.manager.token()]);
    expect(all).toEqual(["access-2", "access-2", "access-2"]);
    expect(h.calls.filter((c) => c.path.endsWith("/refresh"))).toHaveLength(1);
  });

  it("keeps a refresh token answered in the body in memory only, for when there is no cookie", async () => {
    const setItem = vi.spyOn(Storage.prototype, "setItem");
    const h = harness({
      "/users/api/tokens": () => ({ ...tokens(1), refresh_token: "r-1" }),
      "/users/api/tokens/refresh": (o) =>
        (o.body as { refresh_token?: string }).refresh_token === "r-1"
          ? { ...tokens(2), refresh_token: "r-2" }
          : new ApiError(400, { title: "missing" }),
      "/users/api/tokens/revoke": () => undefined,
      "/users/api/accounts/me": () => ACCOUNT,
    });
    await h.manager.signIn("ada@mercato.test", "secret-password");
    await h.advance(840_000);
    expect(await h.manager.token()).toBe("access-2");
    await h.manager.signOut();
    // the cookie was tried first, the token in memory only when that was refused
    expect(h.calls.filter((c) => c.path.endsWith("/refresh")).map((c) => c.options.body)).toEqual([
      {},
      { refresh_token: "r-1" },
    ]);
    const revokes = h.calls.filter((c) => c.path.endsWith("/revoke"));
    expect(revokes.map((c) => c.options.body)).toEqual([{}, { refresh_token: "r-2" }]);
    expect(h.manager.getState()).toEqual({ status: "guest" });
    expect(h.posted).toContain("signed-out");
    expect(setItem).not.toHaveBeenCalled();
    expect(h.timers).toHaveLength(0);
  });
});

describe("calls as the shopper", () => {
  function signedInManager(refreshed: boolean) {
    return harness({
      "/users/api/tokens": () => tokens(1),
      "/users/api/tokens/refresh": () =>
        refreshed ? tokens(2) : new ApiError(401, { title: "revoked" }),
      "/users/api/accounts/me": () => ACCOUNT,
    }).manager;
  }

  it("retries once with a fresh token after a 401", async () => {
    const manager = signedInManager(true);
    await manager.signIn("ada@mercato.test", "secret-password");
    const seen: (string | null)[] = [];
    const fetchMock = vi.fn(async (_url: string, init: RequestInit) => {
      const auth = (init.headers as Record<string, string>).Authorization;
      seen.push(auth);
      return auth === "Bearer access-2"
        ? new Response('{"ok":true}', { status: 200 })
        : new Response('{"title":"expired"}', { status: 401 });
    });
    vi.stubGlobal("fetch", fetchMock);
    expect(await api("/orders/api/orders", { auth: "required" }, manager)).toEqual({ ok: true });
    expect(seen).toEqual(["Bearer access-1", "Bearer access-2"]);
  });

  it("ends the session when a fresh token is refused too", async () => {
    const manager = signedInManager(false);
    await manager.signIn("ada@mercato.test", "secret-password");
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => new Response('{"title":"expired"}', { status: 401 })),
    );
    await expect(api("/orders/api/orders", { auth: "required" }, manager)).rejects.toThrow(
      ApiError,
    );
    expect(manager.getState()).toEqual({ status: "guest", expired: true });
  });

  it("does not take a wrong current password for an expired session", async () => {
    const manager = signedInManager(true);
    await manager.signIn("ada@mercato.test", "secret-password");
    const fetchMock = vi.fn(
      async () =>
        new Response(
          '{"type":"https://mercato.dev/problems/invalid-credentials","title":"Invalid credentials"}',
          { status: 401 },
        ),
    );
    vi.stubGlobal("fetch", fetchMock);
    await expect(
      api("/users/api/accounts/me/password", { method: "PUT", auth: "required" }, manager),
    ).rejects.toMatchObject({ kind: "invalid-credentials" });
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(manager.getState().status).toBe("signed-in");
  });

  it("sends same-origin credentials and no token for a guest", async () => {
    const fetchMock = vi.fn(async () => new Response(null, { status: 204 }));
    vi.stubGlobal("fetch", fetchMock);
    await api("/cart/api/carts/c-1", { auth: "optional" }, harness({}).manager);
    const init = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(init[1].credentials).toBe("same-origin");
    expect((init[1].headers as Record<string, string>).Authorization).toBeUndefined();
  });
});
