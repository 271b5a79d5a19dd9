// A commune's own bulletin on Zalo OA, where choices are typed numbers or words (issue 15): Lùng
// Phình's officer writes an urgent warning by numbers with a step back, the leader (web chat) gets it;
// the leader writes a bulletin and the officer approves it on Zalo by typing "1" and airs it by typing
// "Phát ngay"; the village head gets it on the next tick.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness, type WebClient } from "../helpers/harness.js";
import { ZALO_OFFICER, startFakeZaloOa, type FakeZaloOa } from "../helpers/fake-zalo-oa.js";
import { zaloSay } from "../helpers/zalo-flow.js";
import { tick, vnTime } from "../helpers/bulletins.js";

const TITLE = "Người lạ phát kẹo ở cổng trường";
const TEXT = "Bà con chú ý: sáng nay có người lạ phát kẹo cho học sinh ở cổng trường. Không để trẻ nhận quà của người lạ. Báo ngay công an xã khi thấy.";
const LEADER_TITLE = "Ngày hội thôn bản không ma túy";
const LEADER_TEXT = "Chủ nhật này xã tổ chức ngày hội thôn bản không ma túy ở sân văn hóa. Mời bà con các thôn đến tham gia.";

let fake: FakeZaloOa;
let h: Harness;
let leader: WebClient;
let head: WebClient;

const last = () => fake.textsTo(ZALO_OFFICER.id).at(-1) ?? "";
const say = (text: string) => zaloSay(h, ZALO_OFFICER, text);
const texts = (list: { text: string }[]) => list.map((m) => m.text).join("\n");

beforeAll(async () => {
  fake = await startFakeZaloOa();
  h = await createHarness({ zalo: fake });
  await h.authorizeZalo();
  h.clock.now = vnTime("2026-06-16 09:00");
  await tick(h);
  await say(`/dangky ${await h.invite("officer", { communeCode: "LUNGPHINH" }, "Đ/c Lò Văn Công An")}`);
  leader = h.web();
  expect(texts(await leader.say(`/dangky ${await h.invite("leader", { communeCode: "LUNGPHINH" }, "Đ/c Chủ Tịch")}`))).toContain("Đăng ký thành công");
  head = h.web();
  expect(texts(await head.say(`/dangky ${await h.invite("village_head", { villageCode: "LP-01" }, "Trưởng thôn LP-01")}`))).toContain("Đăng ký thành công");
});
afterAll(async () => {
  await h.close();
  await fake.close();
});

describe("a commune's own bulletin on Zalo OA", () => {
  it("is written by typed numbers, with a step back", async () => {
    await say("/vietbantin");
    expect(last()).toContain("Đồng chí soạn loại nào?");
    expect(last()).toContain("2. ⚠️ Cảnh báo khẩn");
    await say("2");
    expect(last()).toContain("Cảnh báo khẩn: đồng chí gõ tiêu đề");
    await say("/quaylai");
    expect(last()).toContain("Đồng chí soạn loại nào?");
    await say("2");
    await say(TITLE);
    await say(TEXT);
    expect(last()).toContain("Xem lại trước khi gửi duyệt");
    expect(last()).toContain("1. 📤 Gửi duyệt");
    await say("1");
    expect(last()).toContain(`Đã gửi «${TITLE}» cho 1 người duyệt`);
    expect(texts(await leader.read())).toContain(`Cảnh báo khẩn của xã chờ đồng chí duyệt: «${TITLE}»`);
  });

  it("approves the leader's bulletin by typing 1, airs it by typing the words, and the head gets it", async () => {
    await leader.say("/vietbantin");
    await leader.press("📰 Bản tin");
    await leader.say(LEADER_TITLE);
    await leader.say(LEADER_TEXT);
    expect(texts(await leader.press("📤 Gửi duyệt"))).toContain("cho 1 người duyệt");
    expect(last()).toContain(`Bản tin của xã chờ đồng chí duyệt: «${LEADER_TITLE}»`);
    expect(last()).toContain("1. Duyệt");
    await say("1");
    expect(last()).toContain(`Đã duyệt «${LEADER_TITLE}»`);
    await say("Phát ngay");
    expect(last()).toContain(`Đã phát «${LEADER_TITLE}»`);
    h.clock.advanceMinutes(1);
    await tick(h);
    const heard = texts(await head.read());
    expect(heard).toContain(LEADER_TEXT);
    expect(heard).not.toContain(TEXT); // the officer's warning still waits for the leader
  });
});
