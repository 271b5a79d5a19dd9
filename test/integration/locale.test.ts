// The locale is carried per person (Preference, keyed by the pseudonym, which outlives the idle
// conversation) and read in the turn's one SELECT: a conversation whose author chose another locale
// reads that locale's catalog through `turn.t`; everyone else reads Vietnamese. Only "vi" exists,
// so the test registers a derived catalog under a test locale for its duration.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { catalogs, messagesFor, viMessages, type Messages } from "../../src/i18n/messages.js";
import { readTurnStart } from "../../src/conversations/store.js";
import { expireDrafts } from "../../bots/core/work/sweep.js";
import { createHarness, fileWebTip, type Harness } from "../helpers/harness.js";
import { BOT_TIPSTER, botUpdate, startFakeZaloBot, type FakeZaloBot } from "../helpers/fake-zalo-bot.js";

const TEST_LOCALE = "x-test";

/** Vietnamese with a few citizen-facing strings replaced: what a second locale's file would give. */
const derived: Messages = {
  ...viMessages,
  citizen: {
    ...viMessages.citizen,
    welcome: "[x-test] welcome",
    buttons: { ...viMessages.citizen.buttons, report: "[x-test] report" },
    flow: { ...viMessages.citizen.flow, cancelled: "[x-test] cancelled", draftExpired: (minutes: number) => `[x-test] expired after ${minutes}` },
    followUp: { ...viMessages.citizen.followUp, statusLine: (status: string) => `[x-test] status: ${status}` },
  },
  zalo: { ...viMessages.zalo, choices: { ...viMessages.zalo.choices, hint: (count: number) => `[x-test] type 1 to ${count}` } },
  bulletins: { ...viMessages.bulletins, buttons: { ...viMessages.bulletins.buttons, subscribe: "[x-test] subscribe" } },
  commands: {
    ...viMessages.commands,
    sections: { ...viMessages.commands.sections, citizen: "[x-test] help:" },
    privacy: { ...viMessages.commands.privacy, help: "[x-test] /baomat" },
  },
};

const registry = catalogs as Record<string, Messages>;
let h: Harness;
beforeEach(async () => {
  registry[TEST_LOCALE] = derived;
  h = await createHarness();
});
afterEach(async () => {
  delete registry[TEST_LOCALE];
  await h.close();
});

const texts = (messages: { text: string }[]) => messages.map((m) => m.text).join("\n---\n");
const labels = (messages: { choices?: { label: string }[][] }[]) => messages.flatMap((m) => (m.choices ?? []).flat().map((c) => c.label));

describe("a locale per person", () => {
  it("falls back to Vietnamese for an absent or unknown locale", () => {
    expect(messagesFor(null)).toBe(viMessages);
    expect(messagesFor("no-such-locale")).toBe(viMessages);
    expect(messagesFor("toString")).toBe(viMessages);
    expect(messagesFor(TEST_LOCALE)).toBe(derived);
  });

  it("tells a person whose unfinished tip expired in their locale, and others in Vietnamese", async () => {
    const chooser = h.web();
    const other = h.web();
    await chooser.say("/start");
    const [chosen] = await h.db.conversation.findMany();
    await other.say("/start");
    await h.db.preference.create({ data: { pseudonym: chosen!.pseudonym, locale: TEST_LOCALE, updatedAt: new Date() } });
    h.clock.advanceMinutes(61);
    expect(await expireDrafts(h.deps)).toBe(2);
    await h.settle();
    expect(texts(await chooser.read())).toContain("[x-test] expired after 60");
    const vietnamese = texts(await other.read());
    expect(vietnamese).toContain(viMessages.citizen.flow.draftExpired(60));
    expect(vietnamese).not.toContain("[x-test]");
  });

  it("reads the chosen locale in the turn's one statement, and none for others", async () => {
    const at = new Date("2026-03-01T10:00:00Z");
    await h.db.preference.create({ data: { pseudonym: "chose", locale: TEST_LOCALE, updatedAt: at } });
    expect((await readTurnStart(h.db, "chose")).locale).toBe(TEST_LOCALE);
    expect(await readTurnStart(h.db, "did-not")).toEqual({ conversation: null, staff: null });
  });

  it("answers a person who chose the test locale in its words, and others in Vietnamese", async () => {
    const chooser = h.web();
    const other = h.web();
    await chooser.say("/start");
    const [row] = await h.db.conversation.findMany();
    expect(row).toBeDefined();
    await h.db.preference.create({ data: { pseudonym: row!.pseudonym, locale: TEST_LOCALE, updatedAt: new Date() } });

    // Mid-flow (the conversation row) and idle (no row: the preference alone carries it).
    const cancelled = await chooser.say("/huy");
    expect(texts(cancelled)).toContain("[x-test] cancelled");
    expect(labels(cancelled)).toContain("[x-test] report");
    expect(labels(cancelled)).toContain("[x-test] subscribe");
    expect(await h.db.conversation.count()).toBe(0);
    const idle = await chooser.say("xin chào");
    expect(texts(idle)).toContain("[x-test] welcome");
    expect(texts(idle)).not.toContain(viMessages.citizen.welcome);

    // The help text: section titles and citizens' lines from the catalog; the same commands.
    const help = texts(await chooser.say("/trogiup"));
    expect(help).toContain("[x-test] help:");
    expect(help).toContain("[x-test] /baomat");
    expect(help).toContain(viMessages.commands.followUp.help);

    const vietnamese = await other.say("xin chào");
    expect(texts(vietnamese)).toContain(viMessages.citizen.welcome);
    expect(labels(vietnamese)).toContain(viMessages.citizen.buttons.report);
    expect(texts(vietnamese)).not.toContain("[x-test]");
    expect(texts(await other.say("/trogiup"))).toContain(viMessages.commands.privacy.help);

    // The follow-up view, rendered by the domain (src/tips) with the reader's catalog.
    const code = await fileWebTip(other);
    expect(texts(await chooser.say(code))).toContain("[x-test] status: ");
    expect(texts(await other.say(code))).toContain(viMessages.citizen.followUp.statusLine(""));

    // /xoadulieu takes the choice with the rest: the next answer is Vietnamese, no row is left.
    await chooser.say("/xoadulieu");
    expect(await h.db.preference.count()).toBe(0);
    expect(texts(await chooser.say("xin chào"))).toContain(viMessages.citizen.welcome);
  });
});

describe("a locale per person on Zalo", () => {
  let fake: FakeZaloBot;
  let z: Harness;
  beforeEach(async () => {
    registry[TEST_LOCALE] = derived;
    fake = await startFakeZaloBot();
    z = await createHarness({ zalobot: fake });
  });
  afterEach(async () => {
    delete registry[TEST_LOCALE];
    await z.close();
    await fake.close();
  });

  it("words the adapter adds when it sends (the numbered choices' hint) follow the reader's locale", async () => {
    const say = async (text: string) => {
      expect((await z.postZaloBot(botUpdate(BOT_TIPSTER, { text }))).status).toBe(200);
      await z.settle();
      return fake.textsTo(BOT_TIPSTER.id).at(-1) ?? "";
    };
    const vietnamese = await say("/start");
    expect(vietnamese).toContain(viMessages.zalo.choices.hint(2));
    const [row] = await z.db.conversation.findMany();
    await z.db.preference.create({ data: { pseudonym: row!.pseudonym, locale: TEST_LOCALE, updatedAt: new Date() } });
    const chosen = await say("/huy");
    expect(chosen).toContain("[x-test] cancelled");
    expect(chosen).toMatch(/\[x-test\] type 1 to \d+/);
    expect(chosen).not.toContain(viMessages.zalo.choices.hint(2).slice(0, 3));
  });
});
