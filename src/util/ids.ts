// Ids read back from button data or typed text. A forged button may carry anything ("1e20", forty
// nines, "-0"): only a plain positive number a database id can be is an id; the rest is no id at all,
// so the handler answers "not found" instead of failing in the database.

const MAX_ID = 2_147_483_647;

export function parseId(text: string | undefined | null): number | null {
  if (text === undefined || text === null || !/^[1-9]\d{0,9}$/.test(text)) return null;
  const id = Number(text);
  return id <= MAX_ID ? id : null;
}
