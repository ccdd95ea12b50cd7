// What the logged-in account's roles let it do, as the server decides it (api/caller.rs). The
// UI only uses this to avoid offering what the server would refuse; the server still checks.
import type { Me, Role } from "../../generated/bindings";

export type Permission = "read" | "comment" | "suggest" | "advance" | "sendBack" | "edit" | "sign" | "administer";

const ROLES_OF: Record<Permission, readonly Role[]> = {
  read: ["editor", "proofreader", "signer", "admin"],
  comment: ["editor", "proofreader", "signer", "admin"],
  suggest: ["editor", "proofreader"],
  advance: ["editor", "proofreader"],
  sendBack: ["editor", "signer"],
  edit: ["editor"],
  sign: ["signer"],
  administer: ["admin"],
};

/** Whether `me` may do it; nobody known yet (still starting) may do nothing. */
export function may(me: Me | null, permission: Permission): boolean {
  return me !== null && me.roles.some((role) => ROLES_OF[permission].includes(role));
}

const ROLE_NAMES: Record<Role, string> = { editor: "编辑", proofreader: "校对", signer: "签发人", admin: "管理员" };

/** `编辑、校对` */
export function roleNames(roles: readonly Role[]): string {
  return roles.map((role) => ROLE_NAMES[role]).join("、");
}

/** Why a control is greyed out, shown as its tooltip. */
export function refusalHint(permission: Permission): string {
  const roles = roleNames(ROLES_OF[permission]);
  return `您的账号没有这项权限（需要${roles}角色）`;
}
