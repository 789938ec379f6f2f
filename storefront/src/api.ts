// The storefront's calls to the users API, and how it turns problem+json errors into words for shoppers.

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: { field: string; message: string }[];
}

export interface Tokens {
  access_token: string;
  refresh_token: string;
  expires_in: number;
  token_type: string;
}

export interface Account {
  id: string;
  email: string;
  name: string;
  roles: string[];
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(describeProblem(problem, status));
  }
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

async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(path, {
    ...init,
    headers: { "Content-Type": "application/json", Accept: "application/json", ...init.headers },
  });
  const text = await response.text();
  const body = text ? JSON.parse(text) : undefined;
  if (!response.ok) {
    throw new ApiError(response.status, (body ?? {}) as Problem);
  }
  return body as T;
}

export function register(email: string, password: string, name: string): Promise<Account> {
  return call<Account>("/users/api/accounts", {
    method: "POST",
    body: JSON.stringify({ email, password, name }),
  });
}

export function signIn(email: string, password: string): Promise<Tokens> {
  return call<Tokens>("/users/api/tokens", {
    method: "POST",
    body: JSON.stringify({ email, password }),
  });
}

export function me(accessToken: string): Promise<Account> {
  return call<Account>("/users/api/accounts/me", {
    headers: { Authorization: `Bearer ${accessToken}` },
  });
}

export function signOut(refreshToken: string): Promise<void> {
  return call<void>("/users/api/tokens/revoke", {
    method: "POST",
    body: JSON.stringify({ refresh_token: refreshToken }),
  });
}
