// Buttons that work from anywhere are declared once (bots/core/buttons): a citizen pressing any
// staff button, real or forged, gets the one "not staff" refusal and changes nothing; an officer
// pressing a forged one of a kind that answers forgeries gets "not found", never another meaning.
// Every codec is either declared there or read by a flow, so a new kind cannot go unrouted.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUTTONS } from "../../bots/core/buttons/index.js";
import { buttonCodecs, figures, figuresVillage, followUp, intakeConfirm, intakeSlip, intakeSource, location, tipCategory, tipCloseSkip, tipCommune, tipConfirm, tipMedia, tipMarkConfirm, tipResult, tipVillage } from "../../src/messaging/buttons.js";
import { localAudience, localConfirm, localKeep, localKind, transferCommune, transferConfirm, transferKind, transferUnit } from "../../src/messaging/buttons.js";
import { viLocalBulletins } from "../../src/i18n/vi-local-bulletins.js";
import { viStaff } from "../../src/i18n/vi-staff.js";
import { viGroups } from "../../src/i18n/vi-groups.js";
import { createHarness, fileWebTip, type Harness, type WebClient } from "../helpers/harness.js";

/** Read only inside their flows (tip-off, follow-up, figures form), so not declared globally. */
const FLOW_CODECS = [tipCommune, tipCategory, tipVillage, tipMedia, tipConfirm, location, followUp, figures, figuresVillage, intakeSource, intakeSlip, intakeConfirm, tipResult, tipCloseSkip, tipMarkConfirm];
/** The transfer flow's own choices (bots/core/transfer.ts). */
FLOW_CODECS.push(transferKind, transferCommune, transferUnit, transferConfirm);
/** The /vietbantin flow's own choices (bots/core/local-bulletins.ts). */
FLOW_CODECS.push(localKind, localConfirm, localKeep, localAudience);

let h: Harness;
let citizen: WebClient;
let officer: WebClient;
let tipId: number;

async function press(client: WebClient, data: string) {
  h.clock.advanceMinutes(0.05);
  const res = await client.send({ choice: data });
  expect(res.status).toBe(202);
  return (await client.read()).map((m) => m.text).join("\n");
}

const staffData = () => [
  `t:${tipId}:take`, `l:${tipId}`, `t:${tipId}:note`, `t:${tipId}:assign`, `tas:${tipId}:1`, `tmk:${tipId}:s`, "ag:l:1", "ac:primary", "hq:list", "hq:r:5", "hq:ry:5",
  "bp:1", "bn:1", "br:1:other", "tl:done", "tlist", "tr:1:hmn", "ts:1:hmn", "ta:1", "tx:1", "tlp:hmn:2", "tlx", "trv:1", "bf:1",
  `ttr:${tipId}`, "lbr:1:a", "lba:1:n", "aud:1", "aun:1", "aur:1:other",
];

beforeAll(async () => {
  h = await createHarness();
  officer = h.web();
  h.clock.advanceMinutes(0.05);
  await officer.say(`/dangky ${await h.invite("officer", { communeCode: "HONGLOC" }, "Công an Hồng Lộc")}`);
  await fileWebTip(h.web(), { text: "Có người bán ma túy ở bến đò, tối nào cũng thấy." });
  tipId = (await h.db.tip.findFirstOrThrow()).id;
  await officer.read();
  citizen = h.web();
});
afterAll(async () => h.close());

describe("the button registry", () => {
  it("routes every codec: declared here or read by a flow, never both", () => {
    const declared = BUTTONS.map((b) => b.codec);
    for (const codec of buttonCodecs) {
      const places = Number((declared as readonly unknown[]).includes(codec)) + Number((FLOW_CODECS as readonly unknown[]).includes(codec));
      expect(places, codec.prefix).toBe(1);
    }
  });

  it("the table below presses every staff button kind", () => {
    for (const button of BUTTONS.filter((b) => b.for === "staff")) {
      expect(staffData().some((data) => button.codec.parse(data) !== null), button.codec.prefix).toBe(true);
    }
  });

  it("refuses every staff button to a citizen with the one refusal, and changes nothing", async () => {
    for (const data of [...staffData(), `t:${tipId}`, "hq:zz:1", "ag:q:1", "ac:x"]) {
      expect(await press(citizen, data), data).toBe(viStaff.desk.notStaff);
    }
    expect((await h.db.tip.findUniqueOrThrow({ where: { id: tipId } })).status).toBe("new");
    expect(h.logs.filter((l) => l.includes("inbound.failed"))).toEqual([]);
  });

  it("answers forged data of a kind with that kind's not found, for staff and citizens alike", async () => {
    expect(await press(officer, `t:${tipId}:take:extra`)).toBe(viStaff.desk.tipNotFound);
    expect(await press(officer, "l:-1")).toBe(viStaff.desk.tipNotFound);
    expect(await press(officer, "hq:zz:1")).toBe(viStaff.desk.tipNotFound);
    expect(await press(officer, "ag:q:1")).toBe(viGroups.notFound);
    expect(await press(citizen, "r:abc")).toBe(viStaff.desk.tipNotFound);
    expect(await press(officer, "lbr:x:a")).toBe(viLocalBulletins.review.notFound);
    expect(await press(officer, "lba:1:zz")).toBe(viLocalBulletins.review.notFound);
    expect((await h.db.tip.findUniqueOrThrow({ where: { id: tipId } })).status).toBe("new");
  });
});
