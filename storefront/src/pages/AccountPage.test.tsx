import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import { session } from "../lib/session";
import { FakeCall, fakeApi, renderAt } from "../test/render";
import AccountPage from "./AccountPage";

const ACCOUNT = { id: "acc-1", email: "ada@mercato.test", name: "Ada", roles: ["customer"] };
const HOME = {
  id: "ad-1",
  name: "Ada",
  line1: "Hauptstr. 1",
  line2: null,
  city: "Berlin",
  postalCode: "10115",
  country: "DE",
};

type Handler = (call: FakeCall) => { status?: number; body?: unknown } | undefined;

function users(extra: Record<string, Handler> = {}) {
  let addresses = [HOME];
  return fakeApi({
    "POST /users/api/tokens": () => ({ body: { access_token: "t-1", expires_in: 900 } }),
    "GET /users/api/accounts/me": () => ({ body: ACCOUNT }),
    "GET /users/api/accounts/me/addresses": () => ({ body: addresses }),
    "DELETE /users/api/accounts/me/addresses/ad-1": () => {
      addresses = [];
      return { status: 204 };
    },
    "PATCH /users/api/accounts/me": ({ body }) => ({ body: { ...ACCOUNT, ...(body as object) } }),
    ...extra,
  });
}

const routes = [{ path: "/account", element: <AccountPage /> }];

describe("the account page", () => {
  beforeEach(async () => {
    users();
    await session.signIn("ada@mercato.test", "secret-password");
  });

  it("renames the shopper everywhere", async () => {
    const calls = users();
    renderAt("/account", routes);
    const name = screen.getByLabelText("Name");
    await userEvent.clear(name);
    await userEvent.type(name, "Ada Lovelace");
    await userEvent.click(screen.getByRole("button", { name: "Save name" }));
    expect(await screen.findByText("Your name is saved.")).toBeTruthy();
    expect(calls.find((c) => c.method === "PATCH")?.body).toEqual({ name: "Ada Lovelace" });
    expect(session.getState()).toMatchObject({ account: { name: "Ada Lovelace" } });
  });

  it("deletes an address only once confirmed", async () => {
    const calls = users();
    renderAt("/account", routes);
    await userEvent.click(await screen.findByRole("button", { name: /^Delete Ada, Hauptstr/ }));
    expect(calls.some((c) => c.method === "DELETE")).toBe(false);
    await userEvent.click(screen.getByRole("button", { name: "Yes, delete it" }));
    expect(await screen.findByText("No saved addresses yet.")).toBeTruthy();
  });

  it("says when the current password is wrong, and keeps the shopper signed in", async () => {
    users({
      "PUT /users/api/accounts/me/password": () => ({
        status: 401,
        body: {
          type: "https://mercato.dev/problems/invalid-credentials",
          title: "Invalid credentials",
        },
      }),
    });
    renderAt("/account", routes);
    await userEvent.type(screen.getByLabelText("Current password"), "not-it-at-all");
    await userEvent.type(screen.getByLabelText("New password"), "a much better one");
    await userEvent.click(screen.getByRole("button", { name: "Change password" }));
    expect(await screen.findByText("The current password is not right.")).toBeTruthy();
    await waitFor(() => expect(session.getState().status).toBe("signed-in"));
  });
});
