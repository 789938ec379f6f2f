import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { fakeApi, renderAt } from "../test/render";
import { SearchBox } from "./SearchBox";

describe("the search box", () => {
  it("suggests as the shopper types, once the typing pauses, and searches the chosen one", async () => {
    const calls = fakeApi({
      "GET /catalog/api/suggestions": ({ url }) => ({
        body: {
          suggestions:
            url.searchParams.get("q") === "head"
              ? ["Acoustix Headset 1", "Acoustix Headphones 2"]
              : [],
        },
      }),
    });
    const { router } = renderAt("/", [
      { path: "/", element: <SearchBox /> },
      { path: "/search", element: <p>results</p> },
    ]);
    const box = screen.getByRole("combobox", { name: "Search products" });
    await userEvent.type(box, "head");
    const options = await screen.findAllByRole("option");
    expect(options.map((o) => o.textContent)).toEqual([
      "Acoustix Headset 1",
      "Acoustix Headphones 2",
    ]);
    // debounced: one request for the word, not one per letter
    expect(calls.filter((c) => c.url.pathname.endsWith("/suggestions"))).toHaveLength(1);
    expect(box.getAttribute("aria-expanded")).toBe("true");

    await userEvent.keyboard("{ArrowDown}{ArrowDown}");
    expect(box.getAttribute("aria-activedescendant")).toBe(options[1].id);
    await userEvent.keyboard("{Enter}");
    await waitFor(() => expect(router.state.location.pathname).toBe("/search"));
    expect(router.state.location.search).toBe("?q=Acoustix+Headphones+2");
  });

  it("closes the suggestions with Escape and searches what was typed", async () => {
    fakeApi({
      "GET /catalog/api/suggestions": () => ({ body: { suggestions: ["Pico Phone 1"] } }),
    });
    const { router } = renderAt("/", [
      { path: "/", element: <SearchBox /> },
      { path: "/search", element: <p>results</p> },
    ]);
    const box = screen.getByRole("combobox");
    await userEvent.type(box, "pico");
    await screen.findByRole("option");
    await userEvent.keyboard("{Escape}");
    expect(box.getAttribute("aria-expanded")).toBe("false");
    await userEvent.keyboard("{Enter}");
    await waitFor(() => expect(router.state.location.search).toBe("?q=pico"));
  });
});
