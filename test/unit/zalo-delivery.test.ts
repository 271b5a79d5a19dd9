// Pure rules of what reaches people on Zalo: long texts split within 2,000 UTF-16 units with the
// numbered choices kept whole, choices keyed by letters when a number is the answer, audio types
// sniffed and MP3 tags stripped, recordings carried across channels, download names.
import { describe, expect, it } from "vitest";
import { numberChoices, matchChoice } from "../../bots/core/numbered-choices.js";
import { renderForZalo, splitForZalo, ZALO_TEXT_LIMIT } from "../../bots/core/numbered-text.js";
import { viZalo } from "../../src/i18n/vi-zalo.js";
import { viZaloDelivery } from "../../src/i18n/vi-zalo-delivery.js";
import { sniffAudio, stripId3 } from "../../src/media/strip.js";
import { hasAudioFor } from "../../src/bulletins/messages.js";
import { downloadName } from "../../src/media/links.js";
import { voiceAs } from "../../bots/telegram/sender.js";
import type { Channel } from "../../src/messaging/types.js";

const bytes = (...parts: (string | number[])[]) => new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? [...p].map((c) => c.charCodeAt(0)) : p)));

describe("splitting for Zalo", () => {
  it.each<[string, string, number]>([
    ["short text stays whole", "Xin chào", 1],
    ["paragraphs first", `${"a".repeat(1200)}\n\n${"b".repeat(500)}\n${"c".repeat(900)}`, 2],
    ["no break: cut at the limit", "x".repeat(4100), 3],
    ["emoji counted as two units", "😀".repeat(1500), 2],
    ["Tai Viet and Hmong", `${"ꪀꪱꪒ ".repeat(700)}`, 2],
  ])("%s", (_name, text, parts) => {
    const out = splitForZalo(text);
    expect(out).toHaveLength(parts);
    for (const part of out) expect(part.length).toBeLessThanOrEqual(ZALO_TEXT_LIMIT);
    expect(out.join("").replace(/\s/g, "")).toBe(text.replace(/\s/g, ""));
  });
  it("never cuts inside a surrogate pair or before a combining mark", () => {
    for (const part of splitForZalo("a" + "😀".repeat(1500))) {
      expect(/[\ud800-\udbff]$/.test(part)).toBe(false);
      expect(/^[\udc00-\udfff]/.test(part)).toBe(false);
    }
    const nfd = "Vie\u0302\u0323t ".repeat(10).normalize("NFD") + "e\u0302\u0323".repeat(1200); // combining marks, no spaces at the end
    for (const part of splitForZalo(nfd)) expect(/^\p{M}/u.test(part)).toBe(false);
  });
  it("keeps the numbered choices and the hint together in the last part", () => {
    const numbered = numberChoices([[{ label: "✅ Đã phát", data: "bp:1" }], [{ label: "⚠️ Chưa phát được", data: "bn:1" }]]);
    const block = `1. ✅ Đã phát\n2. ⚠️ Chưa phát được\n${viZalo.choices.hint(2)}`;
    const body = `${"Bản tin. ".repeat(210)}\n\nSau khi phát trên loa, đồng chí chọn:`; // ~1,930 units: the block no longer fits
    const parts = renderForZalo(body, numbered);
    expect(parts.at(-1)).toBe(block);
    expect(parts.every((p) => p.length <= ZALO_TEXT_LIMIT)).toBe(true);
    expect(renderForZalo("Chọn:", numbered)).toEqual([`Chọn:\n\n${block}`]);
  });
  it("splits a huge list at line breaks and numbers every choice", () => {
    const villages = Array.from({ length: 150 }, (_, i) => [{ label: `Thôn Số ${i + 1} Xã Rất Dài Tên Nhất Việt Nam`, data: `v:${i + 1}` }]);
    const numbered = numberChoices(villages);
    const parts = renderForZalo("Thôn nào?", numbered);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.every((p) => p.length <= ZALO_TEXT_LIMIT)).toBe(true);
    expect(parts.join("\n")).toContain("150. Thôn Số 150");
    expect(matchChoice("150", numbered)).toBe("v:150");
  });
});

describe("one numbered-choice renderer for Zalo OA and Zalo Bot", () => {
  const two = [[{ label: "Có", data: "y" }], [{ label: "Không", data: "n" }]];
  it.each<[string, string, { label: string; data: string }[][], boolean, string[]]>([
    ["text alone", "Xin chào", [], false, ["Xin chào"]],
    ["trailing space trimmed", "Xin chào  \n", [], false, ["Xin chào"]],
    ["numbered under the text", "Đúng không?", two, false, [`Đúng không?\n\n1. Có\n2. Không\n${viZalo.choices.hint(2)}`]],
    ["lettered when a number is the answer", "Bao nhiêu?", two, true, [`Bao nhiêu?\n\na. Có\nb. Không\n${viZaloDelivery.letterHint(["a", "b"])}`]],
    ["choices alone when there is no text", "", two, false, [`1. Có\n2. Không\n${viZalo.choices.hint(2)}`]],
    ["a long text, then the block on its own", "x".repeat(ZALO_TEXT_LIMIT), two, false, ["x".repeat(ZALO_TEXT_LIMIT), `1. Có\n2. Không\n${viZalo.choices.hint(2)}`]],
  ])("%s", (_name, text, choices, numericAnswer, parts) => {
    expect(renderForZalo(text, numberChoices(choices, numericAnswer))).toEqual(parts);
  });
});

describe("choices when a number is the answer", () => {
  const numbered = numberChoices([[{ label: "0 (không có)", data: "fg:zero" }], [{ label: "Bỏ qua", data: "fg:skip" }], [{ label: "⬅️ Quay lại", data: "nav:back" }, { label: "✖️ Hủy", data: "nav:cancel" }]], true);
  it("keys them by letters and says how to answer", () => {
    expect(numbered.map((c) => [c.key, c.n])).toEqual([["a", 0], ["b", 0], ["c", 0], ["d", 0]]);
    const text = renderForZalo("Câu 2/17: số hộ gia đình?", numbered)[0]!;
    expect(text).toContain("a. 0 (không có)\nb. Bỏ qua\nc. ⬅️ Quay lại\nd. ✖️ Hủy");
    expect(text).toContain("Gõ số để trả lời. Để chọn, gõ chữ a, b, c hoặc d");
  });
  it.each([
    ["2", null],
    ["3", null],
    ["b", "fg:skip"],
    ["C.", "nav:back"],
    ["chọn d", "nav:cancel"],
    ["bỏ qua", "fg:skip"],
    ["e", null],
    ["ab", null],
  ])("%j → %s", (typed, data) => expect(matchChoice(typed, numbered)).toBe(data));
});

describe("audio", () => {
  it.each<[string, Uint8Array, string | null]>([
    ["OGG", bytes("OggS", [0, 2]), "audio/ogg"],
    ["MP3 with ID3", bytes("ID3", [4, 0, 0, 0, 0, 0, 0]), "audio/mpeg"],
    ["MP3 frame", bytes([0xff, 0xfb, 0x90, 0x44]), "audio/mpeg"],
    ["AAC ADTS", bytes([0xff, 0xf1, 0x50, 0x80]), "audio/aac"],
    ["M4A", bytes([0, 0, 0, 0x20], "ftypM4A "), "audio/mp4"],
    ["AMR", bytes("#!AMR\n"), "audio/amr"],
    ["WAV", bytes("RIFF", [0, 0, 0, 0], "WAVE"), "audio/wav"],
    ["XLSX", bytes("PK", [3, 4]), null],
  ])("sniffs %s", (_n, b, mime) => expect(sniffAudio(b)).toBe(mime));

  it("drops ID3v2 and ID3v1 tags around the MP3 frames", () => {
    const frames = [0xff, 0xfb, 0x90, 0x44, 1, 2, 3];
    const tag = bytes("ID3", [4, 0, 0, 0, 0, 0, 12], "TPE1Vu Thi D"); // 12 bytes of frames naming someone
    const v1 = bytes("TAG", Array.from({ length: 125 }, () => 0x41));
    const mp3 = new Uint8Array([...tag, ...frames, ...v1]);
    expect([...stripId3(mp3)]).toEqual(frames);
    const plain = new Uint8Array(frames);
    expect(stripId3(plain)).toBe(plain);
    const broken = bytes("ID3", [4, 0, 0, 0x80, 0, 0, 0]);
    expect(stripId3(broken)).toBe(broken);
  });

  it.each<[string, "voice" | "audio" | "document"]>([
    ["audio/ogg", "voice"],
    ["audio/mpeg", "audio"],
    ["audio/mp4", "audio"],
    ["audio/aac", "document"],
    ["audio/amr", "document"],
  ])("a voice recording of %s goes to Telegram as %s", (mime, as) => expect(voiceAs(mime)).toBe(as));

  const recording = (channel: string | null, kind: string | null = "voice") => ({ audioKind: kind, audioChannel: channel, audioFileRef: channel ? "ref" : null });
  it.each<[string, ReturnType<typeof recording>, Channel, boolean]>([
    ["Telegram recording to Zalo OA", recording("telegram"), "zalo", true],
    ["Zalo recording to Telegram", recording("zalo"), "telegram", true],
    ["Telegram recording to Zalo Bot", recording("telegram"), "zalobot", true],
    ["Telegram recording to the web chat", recording("telegram"), "web", false],
    ["web recording on the web chat", recording("web"), "web", true],
    ["no recording", recording(null), "zalo", false],
    ["a photo is not a recording", recording("telegram", "photo"), "zalo", false],
  ])("%s → %s", (_n, v, channel, expected) => expect(hasAudioFor(v, channel)).toBe(expected));
});

describe("download names", () => {
  it.each<[{ kind: "voice" | "document" | "photo"; fileName?: string }, string, string]>([
    [{ kind: "document", fileName: "bao-cao-hongloc-2026-06.xlsx" }, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "bao-cao-hongloc-2026-06.xlsx"],
    [{ kind: "voice", fileName: "ban-tin-hnj" }, "audio/ogg", "ban-tin-hnj.ogg"],
    [{ kind: "voice" }, "audio/aac", "voice.aac"],
    [{ kind: "photo" }, "image/png", "photo.png"],
    [{ kind: "document", fileName: 'x"; evil.html' }, "text/html", "x___evil.html"],
    [{ kind: "document" }, "application/zip", "document.bin"],
  ])("%j (%s) → %s", (media, mime, name) => expect(downloadName(media, mime)).toBe(name));
});
