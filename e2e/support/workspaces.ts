import { expect, type Locator, type Page } from "@playwright/test";

/** The header's workspace switcher (a select). */
export function workspaceSwitcher(page: Page): Locator {
  return page.getByRole("banner").getByLabel("Workspace", { exact: true });
}

/** Creates a team workspace from the switcher's last entry; the app opens its members page. */
export async function createTeamWorkspace(page: Page, name: string): Promise<void> {
  await workspaceSwitcher(page).selectOption({ label: "＋ Create team workspace…" });
  const dialog = page.getByRole("dialog", { name: "Create a team workspace" });
  await dialog.getByLabel("Workspace name").fill(name);
  await dialog.getByRole("button", { name: "Create workspace" }).click();
  await expect(page.getByRole("heading", { name: "Members", level: 1 })).toBeVisible();
  await expect(workspaceSwitcher(page).locator("option:checked")).toHaveText(`${name} (owner)`);
}

/** Opens the current workspace's settings: the header's Members link, then the settings tab. */
export async function openWorkspaceSettings(page: Page): Promise<void> {
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Members" })
    .click();
  await page
    .getByRole("navigation", { name: "Workspace pages" })
    .getByRole("link", { name: "Workspace settings" })
    .click();
  await expect(page.getByRole("heading", { name: "Workspace settings", level: 1 })).toBeVisible();
}
