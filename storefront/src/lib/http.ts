// One way to call the shop's APIs: JSON in and out, cookies of the same origin only, and problem+json errors
// (RFC 9457) turned into an ApiError a page can explain to the shopper.

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  errors?: { field: string; message: string }[];
}

/** The API answered with an error status. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
    readonly retryAfterSeconds?: number,
  ) {
    super(describeProblem(problem, status));
    this.name = "ApiError";
  }

  /** The problem type's last segment: "payment-declined" for https://mercato.dev/problems/payment-declined. */
  get kind(): string {
    return problemKind(this.problem.type);
  }
}

/** The request never got an answer (offline, connection refused, DNS). */
export class NetworkError extends Error {
  constructor(cause?: unknown) {
    super("The shop cannot be reached right now. Check your connection and try again.");
    this.name = "NetworkError";
    this.cause = cause;
  }
}

export function problemKind(type: string | undefined): string {
  if (!type) {
    return "";
  }
  const trimmed = type.replace(/\/+$/, "");
  return trimmed.slice(trimmed.lastIndexOf("/") + 1);
}

/** One sentence a shopper can act on, from a problem+json body. */
export function describeProblem(problem: Problem, status: number): string {
  if (problem.errors && problem.errors.length > 0) {
    return problem.errors.map((e) => `${e.field}: ${e.message}`).join("; ");
  }
  if (problem.detail) {
    return problem.detail;
  }
  if (problem.title) {
    return problem.title;
  }
  return `The request failed (HTTP ${status})`;
}

/** A service is down or overloaded, or the network failed: worth trying again later. */
export function isUnavailable(error: unknown): boolean {
  return (
    error instanceof NetworkError ||
    (error instanceof ApiError &&
      (error.status === 502 || error.status === 503 || error.status === 504))
  );
}

/** What to tell a shopper about any failed call. */
export function errorMessage(error: unknown): string {
  if (error instanceof NetworkError) {
    return error.message;
  }
  if (error instanceof ApiError) {
    if (error.status === 429) {
      return "Too many attempts in a short time. Please wait a minute and try again.";
    }
    if (isUnavailable(error)) {
      return "This part of the shop is not available right now. Please try again in a moment.";
    }
    return error.message;
  }
  return "Something went wrong. Please try again.";
}

export interface RequestOptions {
  method?: string;
  body?: unknown;
  token?: string | null;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/**
 * Answers the page server put in the first HTML response (ShopPages: a product, a category's first listing page,
 * the category tree), by request path; each is used once, by the first anonymous GET of that path, so the first
 * paint waits for no API round trip and every later request asks the API again.
 */
let preloaded: Map<string, unknown> | null = null;

function readPreloaded(): Map<string, unknown> {
  const element =
    typeof document === "undefined" ? null : document.getElementById("mercato-preloaded");
  if (!element?.textContent) {
    return new Map();
  }
  try {
    const answers: unknown = JSON.parse(element.textContent);
    return answers && typeof answers === "object" ? new Map(Object.entries(answers)) : new Map();
  } catch {
    return new Map();
  }
}

/** The preloaded answer for an anonymous GET of this path, once; undefined when there is none. */
export function takePreloaded(path: string): unknown {
  preloaded ??= readPreloaded();
  const answer = preloaded.get(path);
  preloaded.delete(path);
  return answer;
}

/** A JSON call to one of the shop's APIs (same origin). Resolves to undefined for an empty answer (204). */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  if ((options.method ?? "GET") === "GET" && !options.token && options.body === undefined) {
    const answer = takePreloaded(path);
    if (answer !== undefined) {
      return answer as T;
    }
  }
  const headers: Record<string, string> = { Accept: "application/json", ...options.headers };
  if (options.body !== undefined) {
    headers["Content-Type"] = "application/json";
  }
  if (options.token) {
    headers.Authorization = `Bearer ${options.token}`;
  }
  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? "GET",
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: "same-origin",
      signal: options.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === "AbortError") {
      throw e;
    }
    throw new NetworkError(e);
  }
  const text = await response.text();
  let body: unknown = undefined;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      // a gateway's HTML error page, say: the status tells enough
      body = undefined;
    }
  }
  if (!response.ok) {
    const retryAfter = Number(response.headers.get("Retry-After"));
    const problem =
      body && typeof body === "object" ? (body as Problem) : { title: response.statusText };
    throw new ApiError(
      response.status,
      problem,
      Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
    );
  }
  return body as T;
}
