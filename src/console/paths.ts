// Addresses of the staff console: one place, so the pages and their forms agree.
export const CONSOLE_ROOT = "/canbo";

export const tipPath = (tipId: number) => `${CONSOLE_ROOT}/tinbao/${tipId}`;

/** A tip id as it appears in a console address: digits only, or null (then the page is a 404). */
export function parseTipId(raw: string): number | null {
  return /^[1-9][0-9]{0,9}$/.test(raw) ? Number(raw) : null;
}

/** The admin pages (issue 13): places, staff, alert groups, posters. */
export const ADMIN_ROOT = `${CONSOLE_ROOT}/quantri`;

export const communeAdminPath = (communeCode: string) => `${ADMIN_ROOT}/xa/${encodeURIComponent(communeCode)}`;
