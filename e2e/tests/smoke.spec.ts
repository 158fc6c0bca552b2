import { expect, test } from "@playwright/test";

test("the built app loads from the real server without console errors", async ({ page, request }) => {
  const errors: string[] = [];
  page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
  page.on("pageerror", (error) => errors.push(error.message));
  expect((await request.get("/healthz")).ok()).toBe(true);
  await page.goto("/");
  await expect(page).toHaveTitle(/Switchyard/);
  await expect(page.getByText("Switchyard").first()).toBeVisible();
  expect(errors).toEqual([]);
});
