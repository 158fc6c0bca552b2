import { test, expect } from "../support/fixtures";
import { screenshot } from "../support/run";
import { SignedInApi } from "../support/sharing-api";
import {
  createTeamWorkspace,
  openWorkspaceSettings,
  workspaceSwitcher,
} from "../support/workspaces";
import { longRunningFlow } from "../fixtures/flows";

test("a team workspace renamed (the header follows) and deleted by typing its name, landing in the personal workspace", async ({
  page,
  baseURL,
}) => {
  const api = SignedInApi.of(page.context(), baseURL ?? "");
  await createTeamWorkspace(page, "Support team");
  const me = await api.query<{ workspaces: { id: string; name: string; personal: boolean }[] }>(
    "me.get",
    undefined,
  );
  const team = me.workspaces.find((w) => w.name === "Support team")!;
  const personal = me.workspaces.find((w) => w.personal)!;
  // Something in it to delete along with it: a flow, and a run of it still going when the workspace goes.
  const { id: flowId } = await api.mutate<{ id: string }>("flows.import", {
    workspaceId: team.id,
    document: longRunningFlow("Team story"),
  });
  await api.mutate("runs.start", { flowId, inputs: {} });

  await test.step("rename: the switcher shows the new name", async () => {
    await openWorkspaceSettings(page);
    const form = page.getByRole("form", { name: "Rename the workspace" });
    const rename = form.getByRole("button", { name: "Rename" });
    await expect(rename).toBeDisabled(); // nothing changed yet
    await form.getByLabel("Workspace name").fill("  ");
    await rename.click();
    await expect(form.getByText("Give the workspace a name, e.g. your team's.")).toBeVisible();
    await form.getByLabel("Workspace name").fill("Customer care");
    await rename.click();
    await expect(form.getByRole("status")).toHaveText("Renamed.");
    await expect(workspaceSwitcher(page).locator("option:checked")).toHaveText(
      "Customer care (owner)",
    );
    await expect(page.getByText("of Customer care · your role")).toBeVisible();
    await screenshot(page, "workspace-settings.png", { fullPage: true });
  });

  await test.step("delete: only once the name is typed exactly; then the personal workspace's flows", async () => {
    await page.getByRole("button", { name: "Delete workspace…" }).click();
    const dialog = page.getByRole("dialog", { name: "Delete Customer care?" });
    const confirm = dialog.getByRole("button", { name: "Delete workspace" });
    const typed = dialog.getByLabel("Type “Customer care” to confirm");
    await expect(confirm).toBeDisabled();
    await typed.fill("customer care");
    await expect(confirm).toBeDisabled();
    await typed.fill("Customer care");
    await expect(confirm).toBeEnabled();
    await screenshot(page, "workspace-delete-dialog.png");
    await confirm.click();

    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole("heading", { name: "Flows", level: 1 })).toBeVisible();
    await expect(workspaceSwitcher(page).locator("option:checked")).toHaveText(
      `${personal.name} (owner)`,
    );
    await expect(
      workspaceSwitcher(page).locator("option", { hasText: "Customer care" }),
    ).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Team story" })).toHaveCount(0);
  });

  await test.step("the personal workspace can be renamed but not deleted", async () => {
    await openWorkspaceSettings(page);
    await expect(
      page.getByText(
        `${personal.name} is your personal workspace: it can be renamed but not deleted.`,
      ),
    ).toBeVisible();
    await expect(page.getByRole("button", { name: "Delete workspace…" })).toHaveCount(0);
    await expect(
      page.getByRole("form", { name: "Rename the workspace" }).getByLabel("Workspace name"),
    ).toHaveValue(personal.name);
    await screenshot(page, "workspace-settings-personal.png");
  });

  // The server agrees: the workspace and its flow are gone.
  const after = await api.query<{ workspaces: { id: string }[] }>("me.get", undefined);
  expect(after.workspaces.map((w) => w.id)).toEqual([personal.id]);
  expect(await api.mutateCode("workspaces.rename", { workspaceId: team.id, name: "Back" })).toBe(
    "NOT_FOUND",
  );
});
