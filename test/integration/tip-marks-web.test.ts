// Duplicates and spam (issue 12) in the web chat, officer and tipsters all in browsers: "Trùng tin"
// by case number (refusals asked again, /huy leaves it unmarked), the duplicate's tipster still heard
// and their detail reaching the original; "Tin rác" behind its confirmation, three marks holding the
// same sender's next tip while another citizen's still alerts; "Không phải tin rác" undoing one.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, fileWebTip, type Harness, type WebClient } from "../helpers/harness.js";
import { viMarks } from "../../src/i18n/vi-marks.js";

let h: Harness;
let officer: WebClient;

const texts = (messages: { text: string }[]) => messages.map((m) => m.text).join("\n---\n");
const latestTip = () => h.db.tip.findFirstOrThrow({ orderBy: { id: "desc" } });

/** Presses what a button carries (the view's buttons come from the latest view: one press at a time). */
async function send(client: WebClient, data: string) {
  expect((await client.send({ choice: data })).status).toBe(202);
  return client.read();
}

/** Opens the tip's view and checks it offers `label`; returns that button's data. */
async function offered(tipId: number, label: string): Promise<string> {
  const view = await send(officer, `l:${tipId}`);
  const button = view.flatMap((m) => m.choices ?? []).flat().find((c) => c.label === label);
  expect(button, `${label} on the view of ${tipId}`).toBeDefined();
  return button!.data;
}

beforeAll(async () => {
  h = await createHarness();
  officer = h.web();
  expect((await officer.say(`/dangky ${await h.invite("officer", { communeCode: "HONGLOC" }, "Đ/c Công An Hồng Lộc")}`))[0]!.text).toContain("Đăng ký thành công");
});
afterAll(async () => h.close());

describe("duplicates and spam in the web chat", () => {
  it("marks a duplicate by case number; its tipster's later detail reaches the original", async () => {
    const first = h.web();
    await fileWebTip(first, { text: "Bán ma túy ở quán nước cạnh trường." });
    const original = await latestTip();
    const second = h.web();
    const code = await fileWebTip(second, { text: "Quán nước cạnh trường có người bán hàng trắng." });
    const duplicate = await latestTip();
    await officer.read();

    expect(texts(await send(officer, await offered(duplicate.id, viMarks.buttons.duplicate)))).toContain(`Gõ số hiệu tin báo gốc mà tin ${duplicate.caseNumber} trùng với`);
    expect(texts(await officer.say("99999"))).toContain('Xã không có tin báo số hiệu "');
    expect(texts(await officer.say(duplicate.caseNumber))).toContain(`Đó chính là tin ${duplicate.caseNumber}`);
    expect(texts(await officer.say("/huy"))).toContain(viMarks.duplicate.cancelled);
    expect((await h.db.tip.findUniqueOrThrow({ where: { id: duplicate.id } })).status).toBe("new");

    await send(officer, await offered(duplicate.id, viMarks.buttons.duplicate));
    expect(texts(await officer.say(original.caseNumber))).toContain(`Đã đánh dấu ${duplicate.caseNumber} trùng với ${original.caseNumber}`);
    expect(await h.db.tip.findUniqueOrThrow({ where: { id: duplicate.id } })).toMatchObject({ status: "done", duplicateOfId: original.id });
    await h.settle();
    // The duplicate's tipster hears the neutral closing words; the original's tipster hears nothing of it.
    expect(texts(await second.read())).toContain("đã được công an xã xem xét, giải quyết xong");
    expect(texts(await first.read())).not.toContain("trùng");

    // Their detail by receipt code goes to the original, to its officers.
    await second.say("/theodoi");
    await second.say(code);
    await second.press("f:add");
    await second.say("Tối thứ Bảy đông người mua nhất.");
    await h.settle();
    expect(texts(await officer.read())).toContain(`BỔ SUNG cho tin báo ${original.caseNumber}`);
    expect(await h.db.tipEvent.count({ where: { tipId: original.id, kind: "duplicate_detail" } })).toBe(1);
  });

  it("holds a sender's next tip after three spam marks, never telling them; undoing one restores alerts", async () => {
    const spammer = h.web();
    const ids: number[] = [];
    for (const n of [1, 2, 3]) {
      await fileWebTip(spammer, { text: `Quảng cáo bán hàng số ${n}, không liên quan.` });
      const tip = await latestTip();
      ids.push(tip.id);
      await officer.read();
      const asked = await send(officer, await offered(tip.id, viMarks.buttons.spam));
      expect(texts(asked)).toContain(`Đánh dấu tin ${tip.caseNumber} là tin rác?`);
      expect(asked.flatMap((m) => m.choices ?? []).flat().map((c) => c.label)).toContain(viMarks.buttons.confirmSpam);
      if (n === 1) {
        // "Hủy" first: nothing marked.
        expect(texts(await officer.say("/huy"))).toContain(viMarks.spam.cancelled);
        expect(await h.db.spamMark.count()).toBe(0);
        await send(officer, await offered(tip.id, viMarks.buttons.spam));
      }
      expect(texts(await send(officer, "tmy"))).toContain(viMarks.spam.done(tip.caseNumber));
    }
    expect((await h.db.spamMark.findFirstOrThrow()).count).toBe(3);

    await officer.read();
    const answer = await fileWebTip(spammer, { text: "Quảng cáo lần thứ tư." });
    expect(answer).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    const held = await latestTip();
    expect(held.hold).toBe("held");
    await h.settle();
    expect(texts(await officer.read())).not.toContain("Quảng cáo lần thứ tư");
    // Another citizen in the same commune still alerts at once.
    const other = h.web();
    await fileWebTip(other, { text: "Có người lạ bán ma túy ở bãi sông." });
    await h.settle();
    expect(texts(await officer.read())).toContain("Có người lạ bán ma túy ở bãi sông.");

    await send(officer, await offered(ids[0]!, viMarks.buttons.notSpam));
    expect(texts(await send(officer, "tmy"))).toContain("Đã gỡ dấu tin rác");
    expect((await h.db.spamMark.findFirstOrThrow()).count).toBe(2);
    await officer.read();
    await fileWebTip(spammer, { text: "Tin thật lần này: có người bán ma túy ở chợ." });
    expect((await latestTip()).hold).toBeNull();
    await h.settle();
    expect(texts(await officer.read())).toContain("Tin thật lần này");
    // Nobody learns who: no staff message names the sender's browser token.
    expect(JSON.stringify(await h.db.outboxMessage.findMany())).not.toContain(spammer.token);
  });
});
