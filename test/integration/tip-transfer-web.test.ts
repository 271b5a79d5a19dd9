// Sending a tip on (issue 12) in the web chat: an officer of another commune cannot start it by a
// crafted choice; Hồng Lộc's officer cancels once, then sends the tip to Can Lộc (from the confirm step
// back to the reason); Can Lộc's officer gets the alert and asks, the tipster's code from another
// browser shows the status and their answer reaches Can Lộc; Hồng Lộc's officer gets only "sent to".
import { existsSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, fileWebTip, type Harness, type WebClient } from "../helpers/harness.js";
import { addHaTinhCommunes } from "../helpers/places.js";


let h: Harness;
let officerA: WebClient;
let officerB: WebClient;
let officerC: WebClient;
let citizen: WebClient;
let receipt = "";
let tipId = 0;
let caseNumber = "";

const texts = (messages: { text: string }[]) => messages.map((m) => m.text).join("\n---\n");

/** Sends choice data as a crafted request would, whether or not a button carried it. */
async function send(client: WebClient, data: string) {
  expect((await client.send({ choice: data })).status).toBe(202);
  return client.read();
}

async function register(code: string, name: string): Promise<WebClient> {
  const officer = h.web();
  const replies = await officer.say(`/dangky ${await h.invite("officer", { communeCode: code }, name)}`);
  expect(replies[0]!.text).toContain("Đăng ký thành công");
  return officer;
}

beforeAll(async () => {
  h = await createHarness();
  await addHaTinhCommunes(h.db, ["CANLOC"]);
  officerA = await register("HONGLOC", "Đ/c Công An Hồng Lộc");
  officerB = await register("CANLOC", "Đ/c Công An Can Lộc");
  officerC = await register("NAMSACH", "Đ/c Công An Nam Sách");
  citizen = h.web();
  receipt = await fileWebTip(citizen, { text: "Có người bán ma túy ở bến đò giáp xã Can Lộc, tối nào cũng có." });
  const tip = await h.db.tip.findFirstOrThrow({ orderBy: { id: "desc" } });
  tipId = tip.id;
  caseNumber = tip.caseNumber;
  await Promise.all([officerA.read(), officerB.read(), officerC.read()]);
});
afterAll(async () => h.close());

describe("sending a tip on, in the web chat", () => {
  it("refuses an officer of another commune who crafts the choice, and changes nothing", async () => {
    const refused = await send(officerC, `ttr:${tipId}`);
    expect(texts(refused)).toContain("Không tìm thấy tin báo này.");
    expect(texts(refused)).not.toContain(caseNumber);
    expect(texts(await send(officerC, "tfk:commune"))).not.toContain("Gõ tên hoặc mã");
    expect((await h.db.tip.findUniqueOrThrow({ where: { id: tipId } })).communeId).toBe((await h.db.commune.findUniqueOrThrow({ where: { code: "HONGLOC" } })).id);
  });

  it("cancels once, then sends it to Can Lộc from the confirm step back to the reason", async () => {
    const view = await send(officerA, `l:${tipId}`);
    expect(view.at(-1)!.choices!.flat().map((c) => c.label)).toContain("↪️ Chuyển");
    await officerA.press("↪️ Chuyển");
    await officerA.press("Xã/phường khác");
    expect(texts(await officerA.press("Hủy"))).toContain("Đã hủy, tin báo không được chuyển.");

    await send(officerA, `l:${tipId}`);
    await officerA.press("↪️ Chuyển");
    await officerA.press("Xã/phường khác");
    expect(texts(await officerA.say("Can Lộc"))).toContain("Gõ lý do chuyển tin báo cho xã Can Lộc");
    expect(texts(await officerA.say("Bến đò thuộc xã Can Lộc."))).toContain("Nơi nhận: xã Can Lộc");
    expect(texts(await officerA.press("Quay lại"))).toContain("Gõ lý do chuyển tin báo cho xã Can Lộc");
    expect(texts(await officerA.say("Bến đò thuộc địa bàn xã Can Lộc."))).toContain("Lý do: Bến đò thuộc địa bàn xã Can Lộc.");
    expect(texts(await officerA.press("✅ Chuyển"))).toContain(`Đã chuyển tin báo ${caseNumber} sang xã Can Lộc`);

    const toB = texts(await officerB.read());
    expect(toB).toContain("TIN BÁO MỚI");
    expect(toB).toContain(caseNumber);
    expect(toB).toContain("Tin báo do xã Hồng Lộc chuyển đến");
    expect(texts(await officerC.read())).not.toContain(caseNumber);
    expect(texts(await send(officerA, `l:${tipId}`))).toContain(`Tin báo ${caseNumber} đã được chuyển sang xã Can Lộc`);
  });

  it("keeps the receipt code working from another browser; the answer to Can Lộc's question reaches Can Lộc", async () => {
    const elsewhere = h.web();
    expect(texts(await elsewhere.say(`/theodoi ${receipt}`))).toContain("Tin báo đã đến công an xã và đang chờ cán bộ tiếp nhận.");

    await send(officerB, `l:${tipId}`);
    await officerB.press("Hỏi người báo tin");
    expect(texts(await officerB.say("Bến đò nào, gần nhà ai?"))).toContain("Đã gửi câu hỏi");
    const question = (await citizen.read()).find((m) => m.text.includes("Bến đò nào, gần nhà ai?"));
    expect(question).toBeDefined();
    await officerA.read();
    await citizen.press("Trả lời cán bộ");
    await citizen.say("Bến đò Trung Lương.");
    await citizen.press("f:done");
    expect(texts(await officerB.read())).toContain("Bến đò Trung Lương.");
    expect(texts(await officerA.read())).not.toContain("Bến đò Trung Lương.");
  });

  it("shows the transfer on the console's tip page to Can Lộc, and the page is not found for Hồng Lộc", async () => {
    const cookieOf = async (officer: WebClient) => {
      const link = /\/canbo\/vao\/[A-Za-z0-9_-]{43}/.exec(texts(await officer.say("/dangnhap")))![0];
      const res = await h.app.request("/canbo/vao", { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "http://localhost" }, body: new URLSearchParams({ token: link.split("/").at(-1)! }).toString() });
      expect(res.status).toBe(303);
      return res.headers.get("set-cookie")!.split(";")[0]!;
    };
    const page = await h.app.request(`/canbo/tinbao/${tipId}`, { headers: { Cookie: await cookieOf(officerB) } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("chuyển tin báo: xã Hồng Lộc → xã Can Lộc. Lý do: Bến đò thuộc địa bàn xã Can Lộc.");
    const refused = await h.app.request(`/canbo/tinbao/${tipId}`, { headers: { Cookie: await cookieOf(officerA) } });
    expect(refused.status).toBe(404);
  });

  it("leaves nothing of the web tipster's session in the database or the logs", async () => {
    const stored = [h.dbPath, `${h.dbPath}-wal`].filter(existsSync).map((f) => readFileSync(f).toString("utf8"));
    const transfer = await h.db.tipTransfer.findFirstOrThrow({ where: { tipId } });
    expect(transfer.reason).toBe("Bến đò thuộc địa bàn xã Can Lộc.");
    for (const secret of [citizen.token, receipt]) {
      for (const blob of stored) expect(blob.includes(secret), `database holds ${secret}`).toBe(false);
      expect(h.logs.join("\n").includes(secret), `logs hold ${secret}`).toBe(false);
    }
  });
});
