// A voice recording and a phone video made in the web chat page, in Debian's Chromium (its fake
// microphone plays a tone), against the real Node server with Telegram on a fake Bot API on
// localhost: the citizen records with 🎤 Ghi âm on a 360×740 phone, adds a video with 🎬 Video,
// files the tip, and the officer on Telegram gets the recording as a voice note (Ogg Opus that
// Chromium itself decodes to the length recorded) and the video without its metadata.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import type { RunningServer } from "../../src/node.js";
import { startBrowserServer, type BrowserServer } from "../helpers/browser-server.js";
import { textUpdate, type FakeTelegram, type TestUser } from "../helpers/fake-telegram.js";
import { avFixture, avMarkersIn } from "../helpers/av.js";
import { CHROMIUM, hasChromium, lastBot, press, say, tipUpToDescription } from "../helpers/webchat-page.js";

const eventually = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 20_000, interval: 100 });
if (!hasChromium) console.warn(`Browser tests skipped: ${CHROMIUM} is missing (apt-get install chromium; .ci/run installs it).`);

const OFFICER: TestUser = { id: 5_551_777_001, is_bot: false, first_name: "Sùng A Tủa" };
const LONG = 30_000; // an upper bound on a busy machine; each wait ends as soon as its call is made
let fake: FakeTelegram;
let server: RunningServer;
let browser: Browser;
let setup: BrowserServer;

const admin = (...argv: string[]) => setup.admin(...argv);

describe.skipIf(!hasChromium)("voice and video in the web chat, in Chromium", () => {
  beforeAll(async () => {
    setup = await startBrowserServer("voice");
    ({ fake, server, browser } = setup);
  });
  afterAll(() => setup?.stop());

  it("a recording reaches a Telegram officer as a voice note, and a video as a clean video", async () => {
    // An officer of Hồng Lộc registers on Telegram.
    const code = /Mã mời: (MOI-[A-Z0-9]{4}-[A-Z0-9]{4})/.exec(await admin("invite", "--role", "congan", "--commune", "HONGLOC", "--name", "Đ/c Sùng A Tủa"))![1]!;
    fake.enqueueUpdate(textUpdate(`/start ${code}`, { user: OFFICER }));
    await fake.waitFor((c) => c.method === "sendMessage" && c.payload.chat_id === OFFICER.id && String(c.payload.text).includes("Đăng ký thành công"), LONG);

    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: "vi-VN" });
    await context.grantPermissions(["microphone"], { origin: server.url });
    const phone = await context.newPage();
    await tipUpToDescription(phone, server.url, 20_000);
    expect(await lastBot(phone).textContent()).toContain("🎤 Ghi âm");
    await say(phone, "Tối nào cũng có người giao hàng ở bãi sông, tôi ghi âm lại.");
    await eventually(() => lastBot(phone).textContent()).toContain("Bước 5/5");
    expect(await lastBot(phone).textContent()).toContain("🎬 Video");

    // All four tools fit on the phone's screen.
    for (const id of ["#photo", "#video", "#voice", "#where", "#send"]) {
      const box = await phone.locator(id).boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= 360 && box.y + box.height <= 740, `${id} ${JSON.stringify(box)}`).toBe(true);
    }

    // Record until the button has counted two seconds, then stop: it sends by itself.
    await phone.locator("#voice").click();
    await eventually(() => phone.locator("#voice").getAttribute("aria-pressed")).toBe("true");
    await eventually(() => phone.locator("#voice").textContent()).toMatch(/0:0[2-9]/);
    await phone.locator("#voice").click();
    await eventually(() => lastBot(phone).textContent()).toContain("Đã nhận 1 tin nhắn thoại");
    expect(await phone.locator("#voice").textContent()).toBe("🎤 Ghi âm");
    expect(await phone.locator(".msg.me", { hasText: "Đã gửi tin nhắn thoại" }).locator("audio").count()).toBe(1);

    const video = avFixture("android.mp4");
    await phone.locator("#video-file").setInputFiles({ name: "VID_20261203.mp4", mimeType: "video/mp4", buffer: Buffer.from(video) });
    await eventually(() => lastBot(phone).textContent()).toMatch(/Đã nhận 1 video và 1 tin nhắn thoại|Đã nhận 1 tin nhắn thoại và 1 video/);

    await press(phone, "Tiếp tục");
    await eventually(() => lastBot(phone).textContent()).toContain("Xem lại tin báo");
    await press(phone, "Gửi tin báo");
    await eventually(() => phone.locator("#receipt").isVisible()).toBe(true);

    const voice = await fake.waitFor((c) => c.method === "sendVoice" && String(c.payload.chat_id) === String(OFFICER.id), LONG);
    const ogg = voice.files[0]!.bytes;
    expect(Buffer.from(ogg.subarray(0, 4)).toString("latin1")).toBe("OggS");
    expect(Buffer.from(ogg).toString("latin1")).not.toContain("Chrome");
    // The voice note plays: Chromium decodes it to about as long as was recorded.
    const seconds = await phone.evaluate(async (b64) => {
      const bytes = Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0));
      return (await new OfflineAudioContext(1, 48_000, 48_000).decodeAudioData(bytes.buffer)).duration;
    }, Buffer.from(ogg).toString("base64"));
    expect(seconds).toBeGreaterThan(1.5);
    expect(seconds).toBeLessThan(30);

    const sentVideo = await fake.waitFor((c) => c.method === "sendVideo" && String(c.payload.chat_id) === String(OFFICER.id), LONG);
    expect(avMarkersIn(sentVideo.files[0]!.bytes)).toEqual([]);
    expect(sentVideo.files[0]!.filename).not.toContain("VID_");
    await context.close();
  }, 120_000);
});
