// Addresses of the staff console: one place, so the pages and their forms agree.
export const CONSOLE_ROOT = "/canbo";

export const tipPath = (tipId: number) => `${CONSOLE_ROOT}/tinbao/${tipId}`;
