// Test helpers: a page rendered with the shop's providers at a URL, and a fake of the shop's APIs.
import { render } from "@testing-library/react";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createMemoryRouter, RouteObject, RouterProvider } from "react-router";
import { vi } from "vitest";
import { Layout } from "../components/Layout";

export function renderAt(path: string, routes: RouteObject[], withLayout = false) {
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: Infinity }, mutations: { retry: false } },
  });
  const router = createMemoryRouter(
    withLayout ? [{ element: <Layout />, children: routes }] : routes,
    {
      initialEntries: [path],
    },
  );
  render(
    <QueryClientProvider client={client}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { router, client };
}

export interface FakeCall {
  method: string;
  url: URL;
  body: unknown;
  headers: Record<string, string>;
}

type Answer = { status?: number; body?: unknown } | undefined;

/**
 * Answers fetch from handlers keyed "METHOD /path" (the query string is the handler's to read); anything else is a
 * 404 problem. Every call is recorded.
 */
export function fakeApi(handlers: Record<string, (call: FakeCall) => Answer | Promise<Answer>>) {
  const calls: FakeCall[] = [];
  const fetchMock = vi.fn(async (input: string, init: RequestInit = {}) => {
    const url = new URL(input, "http://shop.test");
    const method = init.method ?? "GET";
    const call: FakeCall = {
      method,
      url,
      body: init.body ? JSON.parse(String(init.body)) : undefined,
      headers: (init.headers ?? {}) as Record<string, string>,
    };
    calls.push(call);
    const handler = handlers[`${method} ${url.pathname}`];
    const answer = handler ? await handler(call) : { status: 404, body: { title: "Not Found" } };
    const status = answer?.status ?? 200;
    return new Response(
      answer?.body === undefined || status === 204 ? null : JSON.stringify(answer.body),
      { status },
    );
  });
  vi.stubGlobal("fetch", fetchMock);
  return calls;
}

export const eur = (amount: number) => ({ amount, currency: "EUR" });
