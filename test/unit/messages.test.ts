// The shape a locale must fill (src/i18n/messages.ts): the Vietnamese catalog's, with its strings
// widened, so another locale's own words fit and a missing one fails `npm run typecheck`; the
// expected errors below fail the typecheck if they stop being errors.
import { describe, expect, it } from "vitest";
import { catalogs, DEFAULT_LOCALE, messagesFor, viMessages, type Messages } from "../../src/i18n/messages.js";

describe("Messages", () => {
  it("takes other words for every string, and refuses a catalog that lacks one", () => {
    const other = {
      ...viMessages,
      common: { ...viMessages.common, back: "⬅️ Back", duration: { ...viMessages.common.duration, days: (n: string) => `${n} days` } },
    } satisfies Messages;
    expect(other.common.duration.days("2")).toBe("2 days");

    const { welcome: _welcome, ...citizenWithoutWelcome } = viMessages.citizen;
    // @ts-expect-error a locale without the citizens' welcome is not a Messages
    const missing: Messages = { ...viMessages, citizen: citizenWithoutWelcome };
    expect(missing.citizen.welcome).toBeUndefined();

    // @ts-expect-error a template keeps its parameters
    const wrongParameters: Messages = { ...viMessages, common: { ...viMessages.common, duration: { ...viMessages.common.duration, days: (n: number) => `${n}` } } };
    expect(wrongParameters).toBeDefined();
  });

  it("has Vietnamese as the default and only locale", () => {
    expect(Object.keys(catalogs)).toEqual(["vi"]);
    expect(messagesFor(DEFAULT_LOCALE)).toBe(viMessages);
  });
});
