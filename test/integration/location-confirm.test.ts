// A shared location is asked about before it goes anywhere (issue 10): a phone shares where it is,
// often the tipster's home. "Yes, this is the place" attaches it; "no" drops it and nothing of it
// reaches an officer or the database; other messages meanwhile are kept and the question stays.
// Same in a follow-up. /baomat says what a location reveals. Real app, web chat, real SQLite file.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, fileWebTip, type Harness, type WebClient, type WebMessage } from "../helpers/harness.js";

let h: Harness;
let officer: WebClient;
const texts = (messages: WebMessage[]) => messages.map((m) => m.text).join("\n");
const HOME = { latitude: 18.530112, longitude: 105.720334 };
const PLACE = { latitude: 18.541, longitude: 105.731 };

async function step<T>(action: () => Promise<T>): Promise<T> {
  h.clock.advanceMinutes(0.05);
  return action();
}

async function toMediaStep(citizen: WebClient) {
  await step(() => citizen.say("/start"));
  await step(() => citizen.say("Hồng Lộc"));
  await step(() => citizen.press("Điểm, người bán lẻ ma túy"));
  await step(() => citizen.press("Không rõ thôn/xóm"));
  await step(() => citizen.say("Có người bán ma túy ở bãi sông sau chợ, chiều nào cũng thấy."));
}

async function shareLocation(citizen: WebClient, at: { latitude: number; longitude: number }) {
  h.clock.advanceMinutes(0.05);
  expect((await citizen.send({ location: at })).status).toBe(202);
  return citizen.read();
}

const onDiskCoordinates = async () => (await h.db.tipAttachment.findMany({ where: { kind: "location" } })).map((a) => [a.latitude, a.longitude]);

beforeAll(async () => {
  h = await createHarness();
  officer = h.web();
  await officer.say(`/dangky ${await h.invite("officer", { communeCode: "HONGLOC" }, "Công an Hồng Lộc")}`);
  await officer.read();
});
afterAll(async () => h.close());

describe("a location in a new tip", () => {
  it("is asked about first, and 'no' drops it: neither the officer nor the database gets it", async () => {
    const citizen = h.web();
    await toMediaStep(citizen);
    const asked = await shareLocation(citizen, HOME);
    expect(texts(asked)).toContain("có phải là nơi xảy ra sự việc");
    expect(asked.at(-1)!.choices!.flat().map((c) => c.data)).toEqual(expect.arrayContaining(["loc:yes", "loc:no"]));
    expect(texts(await step(() => citizen.press("loc:no")))).toContain("Đã bỏ vị trí này");
    await step(() => citizen.press("m:continue"));
    expect(texts(citizen.all.slice(-1))).toContain("Đính kèm: không có");
    await step(() => citizen.press("s:submit"));
    const alerts = await officer.read();
    expect(alerts.some((m) => m.media?.kind === "location")).toBe(false);
    expect(JSON.stringify(alerts)).not.toContain(String(HOME.latitude));
    expect(await onDiskCoordinates()).toEqual([]);
  });

  it("keeps a photo sent while the question waits, asks again, and 'yes' attaches the place", async () => {
    const citizen = h.web();
    await toMediaStep(citizen);
    await shareLocation(citizen, PLACE);
    // Pressing "continue" before answering: the question first, nothing lost.
    expect(texts(await step(() => citizen.press("m:continue")))).toContain("Hãy trả lời câu hỏi về vị trí trước");
    await step(() => citizen.say("Thêm: có hai xe máy màu đỏ."));
    expect(texts(citizen.all.slice(-2))).toContain("có phải là nơi xảy ra sự việc");
    expect(texts(await step(() => citizen.press("loc:yes")))).toContain("Đã thêm vị trí nơi xảy ra sự việc");
    const summary = await step(() => citizen.press("m:continue"));
    expect(texts(summary)).toContain("1 vị trí");
    expect(texts(summary)).toContain("hai xe máy màu đỏ");
    await step(() => citizen.press("s:submit"));
    const location = (await officer.read()).find((m) => m.media?.kind === "location");
    expect(location?.media).toMatchObject(PLACE);
    expect(await onDiskCoordinates()).toEqual([[PLACE.latitude, PLACE.longitude]]);
  });
});

describe("a location in a follow-up", () => {
  it("is asked about too: 'no' sends nothing, 'yes' sends it to the officer", async () => {
    const citizen = h.web();
    const code = await fileWebTip(citizen);
    await officer.read();
    await step(() => citizen.say(`/theodoi ${code}`));
    await step(() => citizen.press("f:add"));
    expect(texts(await shareLocation(citizen, HOME))).toContain("có phải là nơi xảy ra sự việc");
    expect(texts(await step(() => citizen.press("loc:no")))).toContain("Đã bỏ vị trí này");
    expect((await officer.read()).some((m) => m.media?.kind === "location")).toBe(false);
    await shareLocation(citizen, PLACE);
    await step(() => citizen.press("loc:yes"));
    const location = (await officer.read()).find((m) => m.media?.kind === "location");
    expect(location?.media).toMatchObject(PLACE);
    const coordinates = await onDiskCoordinates();
    expect(coordinates).toContainEqual([PLACE.latitude, PLACE.longitude]);
    expect(coordinates).not.toContainEqual([HOME.latitude, HOME.longitude]);
  });
});

describe("/baomat", () => {
  it("says what a shared location reveals and what is cleaned from files", async () => {
    const out = texts(await step(() => h.web().say("/baomat")));
    expect(out).toContain("Vị trí bạn chia sẻ cho biết chính xác một điểm trên bản đồ");
    expect(out).toContain("đừng gửi khi đang ở nhà");
    expect(out).toContain("được máy chủ làm sạch");
  });
});
