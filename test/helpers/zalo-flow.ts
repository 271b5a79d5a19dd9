// Whole conversations over the fake Zalo OA, for tests that need a filed tip.
import { expect } from "vitest";
import type { Harness } from "./harness.js";
import { textEvent, type FakeZaloOa, type ZaloUser } from "./fake-zalo-oa.js";

export async function zaloSay(h: Harness, user: ZaloUser, text: string): Promise<void> {
  const res = await h.postZalo(textEvent(user, text));
  expect(res.status).toBe(200);
  await h.settle();
}

/** Files a tip in Hồng Lộc as `user` over Zalo OA; returns the receipt code and the tip id. */
export async function fileZaloTip(h: Harness, fake: FakeZaloOa, user: ZaloUser, text = "Có người bán ma túy ở quán nước đầu cầu."): Promise<{ receipt: string; tipId: number }> {
  await zaloSay(h, user, "/start");
  await zaloSay(h, user, "Hồng Lộc");
  await zaloSay(h, user, "1");
  await zaloSay(h, user, "không rõ thôn/xóm");
  await zaloSay(h, user, text);
  await zaloSay(h, user, "1"); // Không có, tiếp tục
  await zaloSay(h, user, "gửi tin báo");
  const receipt = /Mã tiếp nhận của bạn: ([A-Z0-9]{4}-[A-Z0-9]{4})/.exec(fake.textsTo(user.id).join("\n"))?.[1];
  if (!receipt) throw new Error(`no receipt code in ${fake.textsTo(user.id).slice(-3).join(" | ")}`);
  const tip = await h.db.tip.findFirstOrThrow({ orderBy: { id: "desc" } });
  return { receipt, tipId: tip.id };
}
