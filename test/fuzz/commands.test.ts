// Property-based fuzzing of chat commands from every role (fast-check). Staff of every role —
// officer, leader, village heads of two villages, translator, a commune-scoped admin, province
// admins and a national admin — are registered by invitation in two communes, with citizens, on
// the web chat and on Telegram (the real app, a real SQLite file, grammY against a fake Bot API).
// Commune A (Hồng Lộc) holds tips with secret texts and village figures with distinctive numbers.
// Every person then sends random commands (every command the engine knows, and unknown ones) with
// random arguments, random button data with real prefixes and forged ids, and random text, in
// private and in a group. Invariants, checked after every message:
//   - no handler fails (no InboundUpdate "failed", no "inbound.failed" log line, nothing left
//     unprocessed) and no reply fails to go out;
//   - every private message gets at least one reply, delivered;
//   - scope never leaks: nobody outside A's tip readers ever receives A's tip texts or case
//     numbers, and nobody outside A's figure readers ever receives A's figures — whatever they type;
//   - A's own officer, leader and the national admin do see them (so the scan can fail).
// The seed is printed on failure; FUZZ_RUNS raises the count; FUZZ_TRACE=1 prints every message sent.
import { addMonths, monthOf } from "../../src/util/vietnam-time.js";
import { randomBytes } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, fileWebTip, type Harness, type WebClient } from "../helpers/harness.js";
import * as tg from "../helpers/fake-telegram.js";
import type { TestUser } from "../helpers/fake-telegram.js";
import { runBulletinTick } from "../../src/bulletins/tick.js";
import { DEFAULT_SCHEDULE, previousSlotAtOrBefore } from "../../src/bulletins/schedule.js";
import { defaultComplianceDeps, saveFigures } from "../../src/compliance/service.js";
import { can } from "../../src/staff/roles.js";
import { addressTagOf } from "../../src/crypto/pseudonym.js";
import { RUNS, anyText } from "./arbitraries.js";
import { JS_HAZARDS, argsText, buttonData, commandText, engineCommands, type ArgPools } from "./command-arbitraries.js";

/** Distinctive figures of village HL-01 (formatted the Vietnamese way, as the bot prints them). */
const FIGURES = { households: 48_271, households_committed: 46_093, tip_box: 1, hotline_board: 1, propaganda_sessions: 3, addicts_total: 7, addicts_with_file: 7, negative_tests_30d: 27_461, baseline_addicts: 9_387 };
const FIGURE_TOKENS = ["48.271", "46.093", "27.461", "9.387"];
const TIP_TOKENS = Array.from({ length: 3 }, () => `SECRET${randomBytes(5).toString("hex").toUpperCase()}`);
/**
 * Generated input never contains a secret or a JavaScript artifact, so one in a reply is never the
 * sender's own words echoed back.
 */
const FORBIDDEN_INPUT = /HONGLOC-\d|SECRET|48\D?271|46\D?093|27\D?461|9\D?387|\[object |\[native code\]/i;

interface Person {
  key: string;
  role: string;
  channel: "web" | "telegram";
  web?: WebClient;
  /** The web chat's address tag (where its messages are filed). */
  webTag?: string;
  tg?: TestUser;
  staffId?: number;
  /** May read commune A's tips (texts, case numbers). */
  mayTips: boolean;
  /** May read commune A's figures of village HL-01. */
  mayFigures: boolean;
  /** Everything received, in order. */
  received: string[];
  /** Button data of the last messages this person was shown (what a person would press next). */
  buttons: string[];
}

let fake: tg.FakeTelegram;
let h: Harness;
let communeA: number;
const people: Person[] = [];
const group: Person = { key: "group", role: "group", channel: "telegram", mayTips: false, mayFigures: false, received: [], buttons: [] };
/** Every button anyone was shown: replayed and mutated by others (data leaks out of chats). */
const harvested = new Set<string>();
let pools: ArgPools;
let callCursor = 0;
let webCursor = 0;
let nextTelegramId = 5_300_000_001;
const stats = { steps: 0, commands: new Map<string, number>(), refused: 0 };

const byChat = new Map<string, Person>();

function telegramPerson(key: string, role: string, mayTips = false, mayFigures = false): Person {
  const user: TestUser = { id: nextTelegramId++, is_bot: false, first_name: `Người thử ${key}`, username: `fuzz_${key}` };
  const person: Person = { key, role, channel: "telegram", tg: user, mayTips, mayFigures, received: [], buttons: [] };
  byChat.set(String(user.id), person);
  return person;
}

async function webPerson(key: string, role: string, mayTips = false, mayFigures = false): Promise<Person> {
  const web = h.web();
  const webTag = await addressTagOf(h.keys, { channel: "web", chatId: web.token });
  return { key, role, channel: "web", web, webTag, mayTips, mayFigures, received: [], buttons: [] };
}

/** Texts, button labels and data, and file names of a Telegram send call. */
function telegramContent(call: tg.ApiCall): { text: string; data: string[] } {
  const p = call.payload;
  const markup = p.reply_markup as { inline_keyboard?: { text: string; callback_data?: string }[][] } | undefined;
  const keys = (markup?.inline_keyboard ?? []).flat();
  const text = [p.text, p.caption, ...keys.map((b) => `${b.text} ${b.callback_data ?? ""}`), ...call.files.map((f) => f.filename)].filter((x) => typeof x === "string").join("\n");
  return { text, data: keys.map((b) => b.callback_data).filter((d): d is string => typeof d === "string") };
}

/** Collects everything delivered since the last call; returns how many messages each person got. */
async function collect(): Promise<Map<Person, number>> {
  const got = new Map<Person, number>();
  const add = (person: Person, { text, data }: { text: string; data: string[] }) => {
    person.received.push(text);
    if (data.length > 0) person.buttons = data;
    for (const d of data) harvested.add(d);
    got.set(person, (got.get(person) ?? 0) + 1);
  };
  for (; callCursor < fake.calls.length; callCursor++) {
    const call = fake.calls[callCursor]!;
    if (call.result === undefined || !/^(send|copyMessage)/.test(call.method)) continue;
    const chat = String(call.payload.chat_id);
    if (chat === String(tg.GROUP_CHAT.id)) add(group, telegramContent(call));
    else {
      const person = byChat.get(chat);
      if (person) add(person, telegramContent(call));
    }
  }
  // Read only the web chats that got something (one query), not every chat after every message.
  const fresh = await h.db.webChatMessage.findMany({ where: { id: { gt: webCursor } }, select: { id: true, addressTag: true } });
  webCursor = fresh.at(-1)?.id ?? webCursor;
  const tags = new Set(fresh.map((m) => m.addressTag));
  for (const person of people) {
    if (!person.web || !tags.has(person.webTag!)) continue;
    for (const m of await person.web.read()) {
      const choices = (m.choices ?? []).flat();
      add(person, { text: [m.text, ...choices.map((c) => `${c.label} ${c.data}`), m.media?.fileName ?? ""].join("\n"), data: choices.map((c) => c.data) });
    }
  }
  return got;
}

async function caseNumbersOfA(): Promise<string[]> {
  return (await h.db.tip.findMany({ where: { communeId: communeA }, select: { caseNumber: true } })).map((t) => t.caseNumber);
}

/** The secrets this person must never see. */
function forbiddenFor(person: Person, caseNumbers: string[]): string[] {
  const list: string[] = [];
  if (!person.mayTips) list.push(...TIP_TOKENS, ...caseNumbers);
  if (!person.mayFigures) list.push(...FIGURE_TOKENS);
  return list;
}

async function assertNoLeak(got: Map<Person, number>, what: string): Promise<void> {
  const caseNumbers = got.size > 0 ? await caseNumbersOfA() : [];
  for (const [person, n] of got) {
    const forbidden = forbiddenFor(person, caseNumbers);
    for (const text of person.received.slice(-n)) {
      const leaked = forbidden.find((secret) => text.includes(secret));
      expect(leaked, `${person.key} (${person.role}) received "${leaked}" after ${what}:\n${text.slice(0, 600)}`).toBeUndefined();
    }
  }
}

interface Step {
  who: number;
  inGroup: boolean;
  kind: "text" | "choice";
  value: string;
}

/** Sends one message as a person would, lets the server handle it, and checks the invariants. */
async function act(person: Person, step: Omit<Step, "who">): Promise<void> {
  h.clock.advanceMinutes(2 / 60); // a human pace: the web chat takes 40 messages a minute
  stats.steps++;
  if (process.env.FUZZ_TRACE) console.log(`${person.key}: ${step.kind} ${JSON.stringify(step.value.slice(0, 80))}`);
  if (step.kind === "text" && step.value.startsWith("/")) {
    const name = /^\/([A-Za-z_]+)/.exec(step.value)?.[1]?.toLowerCase() ?? "?";
    stats.commands.set(name, (stats.commands.get(name) ?? 0) + 1);
  }
  const what = `${person.key}${step.inGroup ? " in the group" : ""} sent ${step.kind} ${JSON.stringify(step.value.slice(0, 200))}`;
  let accepted = true;
  if (person.tg) {
    const opts = { user: person.tg, ...(step.inGroup ? { chat: tg.GROUP_CHAT } : {}) };
    const update = step.kind === "text" ? tg.textUpdate(step.value, opts) : tg.callbackUpdate(step.value, opts);
    const res = await h.postTelegram(update);
    expect(res.status, what).toBe(200);
  } else {
    const res = await person.web!.send(step.kind === "text" ? { text: step.value } : { choice: step.value });
    // Over the web chat's size limits the API refuses with 400 and stores nothing.
    expect([202, 400], what).toContain(res.status);
    accepted = res.status === 202;
  }
  await h.settle();
  const got = await collect();
  if (accepted && !step.inGroup) expect(got.get(person) ?? 0, `no reply to ${what}`).toBeGreaterThan(0);
  // JavaScript must never show through the Vietnamese ("function Object() { [native code] }").
  for (const [who, n] of got) {
    for (const text of who.received.slice(-n)) {
      for (const artifact of ["[native code]", "[object Object]", "[object Promise]"]) {
        expect(text.includes(artifact), `${who.key} was shown "${artifact}" after ${what}:\n${text.slice(0, 400)}`).toBe(false);
      }
    }
  }
  for (const text of person.received.slice(-(got.get(person) ?? 0))) if (/không có quyền|chỉ dành cho cán bộ/.test(text)) stats.refused++;
  await assertNoLeak(got, what);
}

async function register(person: Person, role: string, scope: { communeCode?: string; villageCode?: string; provinceCode?: string }): Promise<void> {
  const code = await h.invite(role, scope as never, `${role} ${person.key}`);
  await act(person, { inGroup: false, kind: "text", value: person.tg ? `/start ${code}` : `/dangky ${code}` });
  expect(person.received.join("\n"), person.key).toContain("Đăng ký thành công");
  person.staffId = (await h.db.staff.findFirstOrThrow({ where: { displayName: `${role} ${person.key}` } })).id;
}

beforeAll(async () => {
  fake = await tg.startFakeTelegram();
  h = await createHarness({ telegram: fake });
  h.deps.compliance = defaultComplianceDeps();
  communeA = (await h.db.commune.findUniqueOrThrow({ where: { code: "HONGLOC" } })).id;

  // A bulletin slot is coming: schedules and the catalog exist before it, as on a running server.
  const slot = previousSlotAtOrBefore(DEFAULT_SCHEDULE, new Date())!;
  h.clock.now = new Date(slot.getTime() - 60_000);
  await runBulletinTick(h.deps);

  const staff: Array<[Person, string, Record<string, string>]> = [
    [await webPerson("a_officer", "officer", true, true), "officer", { communeCode: "HONGLOC" }],
    [telegramPerson("a_leader", "leader", true, true), "leader", { communeCode: "HONGLOC" }],
    [telegramPerson("a_head1", "village_head", false, true), "village_head", { villageCode: "HL-01" }],
    [await webPerson("a_head2", "village_head"), "village_head", { villageCode: "HL-02" }],
    [await webPerson("a_translator", "translator"), "translator", { communeCode: "HONGLOC" }],
    // Reporting units (issue 14): their own unit's figures only, never a tip nor a village's figures.
    [await webPerson("a_unit", "reporting_unit"), "reporting_unit", { communeCode: "HONGLOC", unitKind: "health_station" }],
    [telegramPerson("b_unit", "reporting_unit"), "reporting_unit", { communeCode: "PHUONGTIEN", unitKind: "schools" }],
    [telegramPerson("a_province_admin", "admin", false, true), "admin", { provinceCode: "HTI" }],
    [telegramPerson("b_officer", "officer"), "officer", { communeCode: "PHUONGTIEN" }],
    [await webPerson("b_leader", "leader"), "leader", { communeCode: "PHUONGTIEN" }],
    [await webPerson("b_head", "village_head"), "village_head", { villageCode: "PT-01" }],
    [telegramPerson("b_translator", "translator"), "translator", { communeCode: "PHUONGTIEN" }],
    [telegramPerson("b_commune_admin", "admin"), "admin", { communeCode: "PHUONGTIEN" }],
    [await webPerson("b_province_admin", "admin"), "admin", { provinceCode: "TNG" }],
    [telegramPerson("national_admin", "admin", true, true), "admin", {}],
  ];
  for (const [person, role, scope] of staff) {
    people.push(person);
    await register(person, role, scope);
  }
  people.push(await webPerson("citizen_web1", "citizen"), await webPerson("citizen_web2", "citizen"), telegramPerson("citizen_tg1", "citizen"), telegramPerson("citizen_tg2", "citizen"));

  // The slot airs: deliveries for every village, bulletins to the village heads.
  h.clock.now = new Date(slot.getTime() + 10_000);
  await runBulletinTick(h.deps, { fanOutBudget: 10_000 });
  await h.settle();

  // Secrets of commune A: tips with distinctive texts (filed like a citizen would), and figures.
  const planterA = h.web();
  for (const [i, token] of TIP_TOKENS.entries()) {
    h.clock.advanceMinutes(1);
    await fileWebTip(planterA, { commune: "Hồng Lộc", village: i === 0 ? "Thôn Thượng Phú" : "Không rõ thôn/xóm", text: `Có người bán ma túy ở nhà số ${i + 3} đầu thôn, mã ghi nhớ ${token}.` });
  }
  const planterB = h.web();
  for (let i = 0; i < 2; i++) {
    h.clock.advanceMinutes(1);
    await fileWebTip(planterB, { commune: "Phượng Tiến", text: `Tin xã Phượng Tiến số ${i + 1}: có người lạ mua bán ở chợ phiên.` });
  }
  const hl01 = await h.db.village.findUniqueOrThrow({ where: { code: "HL-01" } });
  const head1 = people.find((p) => p.key === "a_head1")!;
  const month = monthOf(h.clock.now);
  for (const m of [month, addMonths(month, -1)]) {
    const saved = await saveFigures(h.db, { villageId: hl01.id, month: m, values: FIGURES, staffId: head1.staffId!, source: "chat", basedOnVersion: 0, now: h.clock.now });
    expect(saved.ok).toBe(true);
  }
  await h.settle();
  await collect();
  // The alerts reached A's officer with the secret texts: the scan below can see a leak.
  const officer = people.find((p) => p.key === "a_officer")!;
  for (const token of TIP_TOKENS) expect(officer.received.join("\n")).toContain(token);
  await assertNoLeak(new Map(people.map((p) => [p, p.received.length])), "the setup");

  const idsOf = async (rows: Promise<{ id: number }[]>) => (await rows).map((r) => r.id);
  const ids = {
    tips: await idsOf(h.db.tip.findMany({ select: { id: true } })),
    deliveries: await idsOf(h.db.bulletinDelivery.findMany({ select: { id: true } })),
    slots: await idsOf(h.db.bulletinSlot.findMany({ select: { id: true } })),
    versions: await idsOf(h.db.bulletinVersion.findMany({ select: { id: true }, take: 30 })),
    items: await idsOf(h.db.bulletinItem.findMany({ select: { id: true }, take: 10 })),
    villages: await idsOf(h.db.village.findMany({ where: { commune: { code: { in: ["HONGLOC", "PHUONGTIEN"] } } }, select: { id: true } })),
    communes: await idsOf(h.db.commune.findMany({ select: { id: true } })),
    staff: await idsOf(h.db.staff.findMany({ select: { id: true } })),
  };
  pools = {
    codes: ["HL-01", "HL-02", "HL-03", "PT-01", "PT-02", "LP-01", "NX-04", "HONGLOC", "PHUONGTIEN", "LUNGPHINH", "NAMSACH", "HTI", "TNG", "LCA", "HPG", "HL-99", "XX-01", "ZZZ", "HL", "H", "A-", "--", "HL-01-", "0"],
    month,
    ids,
    forbidden: FORBIDDEN_INPUT,
  };
}, 120_000);

afterAll(async () => {
  await h?.close();
  await fake?.close();
});

describe("fuzzing chat commands from every role", () => {
  it("knows every command of the engine", () => {
    const commands = engineCommands();
    expect(commands).toEqual(expect.arrayContaining(["start", "tinbao", "thongke", "tieuchi", "tinbao_tk", "baocao", "bieudo", "xephang", "capnhat", "bantin", "dich", "tiendo", "lichphat", "ngonngu", "lienket", "kenhcanhbao", "nhomcanhbao", "dangky", "xoadulieu"]));
    expect(commands.length).toBeGreaterThanOrEqual(30);
  });

  it("refuses every forged reach into commune A from outside, and answers each attempt", async () => {
    const aTips = await h.db.tip.findMany({ where: { communeId: communeA }, select: { id: true } });
    const aDeliveries = await h.db.bulletinDelivery.findMany({ where: { village: { communeId: communeA } }, select: { id: true } });
    const aSlot = await h.db.bulletinSlot.findFirstOrThrow({ where: { communeId: communeA } });
    const month = pools.month;
    const attacks: Array<Omit<Step, "who">> = [];
    const text = (value: string) => attacks.push({ inGroup: false, kind: "text", value });
    const press = (value: string) => attacks.push({ inGroup: false, kind: "choice", value });
    // A tip in village HL-01 and one in no village; a delivery; the slot.
    for (const { id } of [aTips[0]!, aTips.at(-1)!]) for (const b of [`l:${id}`, `r:${id}`, `t:${id}:ask`]) press(b);
    for (const b of [`bp:${aDeliveries[0]!.id}`, `br:${aDeliveries[0]!.id}:other`, `bv:${aSlot.id}`]) press(b);
    const previous = monthSpelling(addMonths(month, -1));
    for (const cmd of ["/tinbao", "/tinbao HL-01 tatca", "/thongke HONGLOC", `/thongke HL-01 ${monthSpelling(month)}`, `/tieuchi HL-01 ${previous}`, "/tinbao_tk HONGLOC", "/baocao HONGLOC", `/bieudo HONGLOC ${previous}`, "/capnhat HL-01", "/huy", "/xephang HTI", "/tiendo HONGLOC thang", "/bantin"]) text(cmd);
    for (const person of people) for (const attack of attacks) await act(person, attack);
    // Whoever may read A's secrets did see them in this very sweep: the scan is not blind.
    const seen = (key: string) => people.find((p) => p.key === key)!.received.join("\n");
    for (const key of ["a_officer", "a_leader", "national_admin"]) {
      expect(TIP_TOKENS.some((t) => seen(key).includes(t)), `${key} sees A's tip texts`).toBe(true);
      expect(FIGURE_TOKENS.some((t) => seen(key).includes(t)), `${key} sees A's figures`).toBe(true);
    }
    for (const key of ["a_head1", "a_province_admin"]) expect(FIGURE_TOKENS.some((t) => seen(key).includes(t)), `${key} sees HL-01's figures`).toBe(true);
    expect(stats.refused).toBeGreaterThan(people.length);
  }, 300_000);

  it("never fails, always answers, and never leaks across scope under random commands, buttons and text", async () => {
    const commands = engineCommands();
    const allIds = Object.values(pools.ids).flat();
    const move: fc.Arbitrary<Move> = fc.oneof(
      { weight: 8, arbitrary: commandText(pools, commands).map((value) => ({ kind: "text" as const, value })) },
      { weight: 2, arbitrary: fc.oneof(argsText(pools), anyText.filter((t) => !FORBIDDEN_INPUT.test(t))).map((value) => ({ kind: "text" as const, value })) },
      { weight: 4, arbitrary: buttonData(pools).map((value) => ({ kind: "choice" as const, value })) },
      { weight: 4, arbitrary: fc.nat().map((pick) => ({ kind: "own" as const, pick })) },
      {
        weight: 4,
        arbitrary: fc.record({
          kind: fc.constant("replay" as const),
          pick: fc.nat(),
          mutate: fc.constantFrom("none", "id", "word") as fc.Arbitrary<"none" | "id" | "word">,
          id: fc.oneof(fc.constantFrom(...allIds), fc.constantFrom(0, -1, 999_999_999, 2 ** 53)),
          word: fc.oneof(fc.constantFrom(...JS_HAZARDS), fc.stringMatching(/^\w{1,10}$/)),
        }),
      },
    );
    const step = fc.record({ who: fc.nat({ max: people.length - 1 }), inGroup: fc.oneof({ weight: 12, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }), move });
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 5 }), async (steps) => {
        for (const s of steps) {
          const person = people[s.who]!;
          // Only people who may see none of A's secrets act in the shared group: it is watched like a person.
          const inGroup = s.inGroup && person.channel === "telegram" && !person.mayTips && !person.mayFigures;
          await act(person, { inGroup, ...resolve(person, s.move) });
        }
      }),
      { numRuns: Math.ceil(RUNS / 3), endOnFailure: true },
    );
    await h.settle();
    expect(await h.db.inboundUpdate.count({ where: { status: "failed" } })).toBe(0);
    expect(await h.db.inboundUpdate.count({ where: { status: { not: "done" } } })).toBe(0);
    expect(h.logs.filter((l) => l.includes("inbound.failed")), "handlers that threw").toEqual([]);
    expect(await h.db.outboxMessage.count({ where: { status: "failed" } }), "replies that could not be sent").toBe(0);
    // Whatever admins typed, every commune whose bulletins are on still has a next slot, and the job runs.
    expect(await h.db.bulletinSchedule.findMany({ where: { enabled: true, nextDueAt: null }, select: { communeId: true, days: true, times: true } })).toEqual([]);
    await runBulletinTick(h.deps, { fanOutBudget: 10_000 });
    await h.settle();
    console.info(`${stats.steps} messages; ${stats.refused} refusals; commands: ${[...stats.commands].sort((a, b) => b[1] - a[1]).map(([c, n]) => `${c} ${n}`).join(", ")}`);
  }, 600_000);

  it("made report files only for people allowed to read that commune's report", async () => {
    const files = await h.db.reportFile.findMany();
    for (const f of files) {
      const staff = await h.db.staff.findUniqueOrThrow({ where: { id: f.staffId! } });
      const target = { communeId: f.communeId ?? undefined, provinceId: f.provinceId ?? undefined };
      expect(can(staff, "report.read", target) || can(staff, "stats.read", target), `${staff.displayName} got a ${f.kind} of commune ${f.communeId}`).toBe(true);
      if (f.communeId !== communeA) {
        const upload = await h.db.webUpload.findUnique({ where: { id: f.webUploadId } });
        const content = upload ? Buffer.from(upload.bytes ?? new Uint8Array()).toString("utf8") : "";
        for (const secret of [...TIP_TOKENS, ...FIGURE_TOKENS]) expect(content.includes(secret), `${f.kind} of commune ${f.communeId} holds ${secret}`).toBe(false);
      }
    }
  });

  it("still shows A's officer their own commune's tips and figures", async () => {
    const officer = people.find((p) => p.key === "a_officer")!;
    const before = officer.received.length;
    await act(officer, { inGroup: false, kind: "text", value: "/tinbao tatca" });
    const list = officer.received.slice(before).join("\n");
    for (const caseNumber of await caseNumbersOfA()) expect(list).toContain(caseNumber);
    const planted = await h.db.tip.findFirstOrThrow({ where: { communeId: communeA, text: { contains: TIP_TOKENS[0]! } } });
    await act(officer, { inGroup: false, kind: "choice", value: `l:${planted.id}` });
    expect(officer.received.slice(before).join("\n")).toContain(TIP_TOKENS[0]);
    await act(officer, { inGroup: false, kind: "text", value: `/thongke HL-01 ${monthSpelling(pools.month)}` });
    expect(officer.received.slice(before).join("\n")).toContain("48.271");
  });
});

type Move =
  | { kind: "text" | "choice"; value: string }
  | { kind: "own"; pick: number }
  | { kind: "replay"; pick: number; mutate: "none" | "id" | "word"; id: number; word: string };

/** Turns a generated move into what the person sends: their own buttons and replayed ones are read from what was shown. */
function resolve(person: Person, move: Move): { kind: "text" | "choice"; value: string } {
  if (move.kind === "own") {
    const data = person.buttons[move.pick % Math.max(1, person.buttons.length)];
    return { kind: "choice", value: data ?? "menu:help" };
  }
  if (move.kind !== "replay") return move;
  const all = [...harvested];
  const parts = (all[move.pick % Math.max(1, all.length)] ?? "menu:help").split(":");
  const numeric = parts.map((p, i) => (/^-?\d+$/.test(p) ? i : -1)).filter((i) => i >= 0);
  if (move.mutate === "id" && numeric.length > 0) parts[numeric[move.pick % numeric.length]!] = String(move.id);
  if (move.mutate === "word" && parts.length > 1) parts[parts.length - 1] = move.word;
  const value = parts.join(":");
  return { kind: "choice", value: FORBIDDEN_INPUT.test(value) || Buffer.byteLength(value) > 64 ? "menu:help" : value };
}

function monthSpelling(month: string): string {
  const [y, m] = month.split("-");
  return `${m}/${y}`;
}
