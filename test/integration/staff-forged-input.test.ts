// Regressions found by fuzzing chat commands (test/fuzz/commands.test.ts), on the web chat with the
// real app and a real SQLite file:
//   - "/tinbao constructor" or "/tinbao __proto__" made the tip list throw (a status lookup table
//     answered with Object's own properties), and the officer got only the generic error;
//   - a tip button with a word that is not an action ("t:<id>:foo", "t:<id>:toString") was either
//     silently ignored or made the handler throw;
//   - a national admin (or an officer whose alerts go to a group) who pressed an action got no
//     answer at all: the confirmation went only to the commune's alert targets.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, fileWebTip, type Harness, type WebClient } from "../helpers/harness.js";

let h: Harness;
let officer: WebClient;
let admin: WebClient;
let tipId: number;
let caseNumber: string;

const texts = (messages: { text: string }[]) => messages.map((m) => m.text).join("\n");

/** One message at a human pace (the web chat takes 40 a minute). */
async function say(client: WebClient, text: string) {
  h.clock.advanceMinutes(0.05);
  return client.say(text);
}

async function press(client: WebClient, data: string) {
  h.clock.advanceMinutes(0.05);
  const res = await client.send({ choice: data });
  expect(res.status).toBe(202);
  return client.read();
}

beforeAll(async () => {
  h = await createHarness();
  officer = h.web();
  await say(officer, `/dangky ${await h.invite("officer", { communeCode: "HONGLOC" }, "Công an Hồng Lộc")}`);
  admin = h.web();
  await say(admin, `/dangky ${await h.invite("admin", {}, "Quản trị toàn quốc")}`);
  await fileWebTip(h.web(), { text: "Có người bán ma túy ở bến đò, tối nào cũng thấy." });
  const tip = await h.db.tip.findFirstOrThrow();
  tipId = tip.id;
  caseNumber = tip.caseNumber;
  await officer.read();
});
afterAll(async () => h.close());

describe("forged words in staff commands and buttons", () => {
  it("answers /tinbao with a JavaScript property name as a filter like any unknown word", async () => {
    for (const word of ["constructor", "__proto__", "toString", "hasOwnProperty"]) {
      expect(texts(await say(officer, `/tinbao ${word}`))).toContain(`Không hiểu bộ lọc "${word}"`);
    }
    expect(texts(await say(officer, "/tinbao tatca"))).toContain(caseNumber);
    expect(h.logs.filter((l) => l.includes("inbound.failed"))).toEqual([]);
  });

  it("offers the real buttons again for a tip button whose action is not one", async () => {
    for (const word of ["foo", "toString", "constructor", "__proto__"]) {
      const out = await press(officer, `t:${tipId}:${word}`);
      expect(texts(out), word).toContain("Hãy chọn một trong các nút bên dưới");
      expect(out.at(-1)!.choices!.flat().map((c) => c.data)).toContain(`t:${tipId}:take`);
    }
    expect((await h.db.tip.findUniqueOrThrow({ where: { id: tipId } })).status).toBe("new");
    expect(h.logs.filter((l) => l.includes("inbound.failed"))).toEqual([]);
  });

  it("tells a national admin what their action did, and the commune's officer too", async () => {
    const out = await press(admin, `t:${tipId}:take`);
    expect(texts(out)).toContain(caseNumber);
    expect(texts(out)).toContain("Quản trị toàn quốc");
    expect(texts(await officer.read())).toContain(`${caseNumber}`);
    // Refused next time (already taken): said so, to the admin.
    expect(texts(await press(admin, `t:${tipId}:take`))).toContain(caseNumber);
  });

  it("does not repeat the confirmation to an officer who gets the alert thread in this chat", async () => {
    const out = await press(officer, `t:${tipId}:verify`);
    const confirmations = out.filter((m) => m.text.includes(caseNumber));
    expect(confirmations).toHaveLength(1);
  });
});

describe("numbers out of range in buttons", () => {
  // "c:1e20" made the database lookup fail three times and the citizen saw the generic error.
  const forged = ["1e20", "9".repeat(40), "99999999999", "0x10", "-0", "00"];

  it("answers a citizen's forged commune button like any button that is not one", async () => {
    const citizen = h.web();
    await say(citizen, "/start");
    await say(citizen, "Hồng Lộc");
    for (const id of forged) {
      const out = await press(citizen, `c:${id}`);
      expect(texts(out), id).not.toContain("hệ thống gặp trục trặc");
      expect(out.length, id).toBeGreaterThan(0);
    }
    await press(citizen, `c:${(await h.db.commune.findFirstOrThrow({ where: { code: "HONGLOC" } })).id}`);
    await citizen.press("Điểm, người bán lẻ ma túy");
    for (const id of forged) {
      const out = await press(citizen, `v:${id}`);
      expect(texts(out), id).not.toContain("hệ thống gặp trục trặc");
      expect(out.length, id).toBeGreaterThan(0);
    }
    expect(h.logs.filter((l) => l.includes("inbound.failed"))).toEqual([]);
  });

  it("tells an officer that a tip with an impossible number does not exist", async () => {
    for (const id of ["9".repeat(40), "99999999999", "00", "0"]) {
      for (const data of [`t:${id}:take`, `l:${id}`, `r:${id}`]) {
        const out = await press(officer, data);
        expect(texts(out), data).toContain("Không tìm thấy tin báo");
      }
    }
    expect(h.logs.filter((l) => l.includes("inbound.failed"))).toEqual([]);
  });
});
