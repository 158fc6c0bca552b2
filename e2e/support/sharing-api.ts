import { expect, type APIRequestContext, type BrowserContext, type Page } from "@playwright/test";

/**
 * tRPC over plain HTTP with a browser context's cookies: for setting up data and for checking
 * what the server holds, where the UI is not what a step is about.
 */
export class SignedInApi {
  constructor(
    private readonly request: APIRequestContext,
    private readonly origin: string,
  ) {}

  static of(context: BrowserContext, baseURL: string): SignedInApi {
    return new SignedInApi(context.request, new URL(baseURL).origin);
  }

  async query<T>(path: string, input: unknown): Promise<T> {
    // No input is no `input` parameter: the literal "undefined" is not JSON, and the server says so.
    const query = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`;
    const response = await this.request.get(`/api/trpc/${path}${query}`);
    return this.unwrap<T>(path, response.status(), await response.json());
  }

  /** The server refuses writes without our Origin when a cookie is sent (CSRF); a browser would send it. */
  async mutate<T>(path: string, input: unknown): Promise<T> {
    const response = await this.request.post(`/api/trpc/${path}`, { data: input, headers: { origin: this.origin } });
    return this.unwrap<T>(path, response.status(), await response.json());
  }

  /** The tRPC error code a mutation answers with, or "OK". */
  async mutateCode(path: string, input: unknown): Promise<string> {
    const response = await this.request.post(`/api/trpc/${path}`, { data: input, headers: { origin: this.origin } });
    const body = (await response.json()) as { error?: { data?: { code?: string } } };
    return body.error?.data?.code ?? "OK";
  }

  private unwrap<T>(path: string, status: number, body: unknown): T {
    const payload = body as { result?: { data?: T }; error?: { message?: string } };
    if (!payload.result) throw new Error(`${path} failed (HTTP ${status}): ${payload.error?.message ?? JSON.stringify(body)}`);
    return payload.result.data as T;
  }
}

export interface Person {
  name: string;
  email: string;
  password: string;
}

/** A person nobody else in this server's database uses. */
export function newPerson(name: string): Person {
  const tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  return { name, email: `${name.toLowerCase()}.${tag}@example.com`, password: `pw-${tag}-long-enough` };
}

/** Signs up through the form and waits for the signed-in app. */
export async function signUp(page: Page, person: Person): Promise<void> {
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill(person.name);
  await page.getByLabel("Email").fill(person.email);
  await page.getByLabel("Password").fill(person.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Flows", exact: true })).toBeVisible();
}
