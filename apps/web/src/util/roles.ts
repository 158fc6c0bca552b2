/** Roles in a workspace, and on a flow shared with someone. */
export type Role = "owner" | "editor" | "viewer";

export const ROLES: readonly Role[] = ["owner", "editor", "viewer"];

/** What each role may do, in the words the members page and the share dialog use. */
export const ROLE_ABILITIES: Record<Role, string> = {
  owner: "manages members, roles and keys; edits and runs flows",
  editor: "edits and runs flows",
  viewer: "sees flows and runs",
};

/** "an owner", "an editor", "a viewer": for sentences. */
export function withArticle(role: string): string {
  return `${/^[aeiou]/i.test(role) ? "an" : "a"} ${role}`;
}

export function isRole(value: string): value is Role {
  return value === "owner" || value === "editor" || value === "viewer";
}
