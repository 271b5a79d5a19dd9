// The language registry and its pure rules: codes, names people type, fallback, scripts.
import { describe, expect, it } from "vitest";
import {
  communeLanguagesFrom,
  fallbackChain,
  languageLabel,
  languages,
  parseLanguageList,
  readLanguageList,
  resolveLanguage,
  resolveVersions,
  scriptsOf,
  slotForText,
  validateRegistry,
  villageLanguages,
  type Language,
} from "../../src/bulletins/languages.js";

describe("the registry (languages.json)", () => {
  it("has at least Vietnamese, Hmong, Tày, Nùng, Tai Dam, Dao and Mường, with names and scripts", () => {
    const codes = languages.map((l) => l.code);
    expect(codes).toEqual(expect.arrayContaining(["vie", "hnj", "tyz", "nut", "blt", "ium", "mtq"]));
    for (const l of languages) {
      expect(l.nameVi, l.code).toMatch(/^Tiếng /);
      expect(l.nativeName.length, l.code).toBeGreaterThan(1);
      expect(l.scripts.length, l.code).toBeGreaterThan(0);
    }
    expect(languages.find((l) => l.code === "blt")!.scripts).toEqual(["Tavt", "Latn"]);
  });

  it("every language falls back to Vietnamese", () => {
    for (const l of languages) expect(fallbackChain(l.code).at(-1), l.code).toBe("vie");
    expect(fallbackChain("vie")).toEqual(["vie"]);
    expect(fallbackChain("hnj")).toEqual(["hnj", "vie"]);
    expect(fallbackChain("xyz")).toEqual(["xyz", "vie"]);
  });

  const base: Language = { code: "vie", nameVi: "Tiếng Việt", nativeName: "Tiếng Việt", scripts: ["Latn"], fallback: null, aliases: [] };
  it.each([
    ["a duplicate code", [base, base]],
    ["no Vietnamese", [{ ...base, code: "hnj", fallback: null }]],
    ["an unknown fallback", [base, { ...base, code: "hnj", fallback: "zzz" }]],
    ["a cycle", [base, { ...base, code: "aaa", fallback: "bbb" }, { ...base, code: "bbb", fallback: "aaa" }]],
  ])("refuses a registry with %s", (_name, list) => {
    expect(() => validateRegistry(list as Language[])).toThrow();
  });
});

describe("what people type for a language", () => {
  it.each([
    ["hnj", "hnj"],
    ["HNJ", "hnj"],
    ["hmn", "hnj"],
    ["Mông", "hnj"],
    ["tiếng H'Mông", "hnj"],
    ["Hmoob", "hnj"],
    ["tày", "tyz"],
    ["Nùng", "nut"],
    ["thái", "blt"],
    ["Tai Dam", "blt"],
    ["Thái Trắng", "twh"],
    ["dao", "ium"],
    ["Mường", "mtq"],
    ["tiếng việt", "vie"],
    ["vi", "vie"],
    ["klingon", null],
    ["", null],
    ["\u200b", null],
    ["🙂", null],
  ])("%j → %s", (typed, code) => {
    expect(resolveLanguage(typed)).toBe(code);
  });

  it("reads lists, dropping repeats and reporting unknown words", () => {
    expect(parseLanguageList("vie,hnj, mông ,xyz")).toEqual(["vie", "hnj"]);
    expect(parseLanguageList(null)).toEqual([]);
    expect(readLanguageList("vie, Mông, klingon")).toEqual({ codes: ["vie", "hnj"], unknown: ["klingon"] });
  });

  it("labels languages for people", () => {
    expect(languageLabel("vie")).toBe("Tiếng Việt");
    expect(languageLabel("hnj")).toBe("Tiếng Mông (Hmoob)");
    expect(languageLabel("zzz")).toBe("zzz");
  });
});

describe("a village's languages", () => {
  it.each([
    ["its own list wins", "hnj,vie", "vie,tyz", ["hnj", "vie"]],
    ["no list: the commune's", null, "vie,tyz,nut", ["vie", "tyz", "nut"]],
    ["an empty list: the commune's", "", "vie,blt", ["vie", "blt"]],
    ["nothing at all: Vietnamese", null, "", ["vie"]],
  ])("%s", (_name, village, commune, expected) => {
    expect(villageLanguages(village, commune)).toEqual(expected);
  });
});

describe("which versions to send (fallback where a translation is missing)", () => {
  const table: [string, string[], string[], { language: string; requested: string[]; missing: string[] }[]][] = [
    ["all present", ["hnj", "vie"], ["vie", "hnj"], [
      { language: "hnj", requested: ["hnj"], missing: [] },
      { language: "vie", requested: ["vie"], missing: [] },
    ]],
    ["Hmong missing: Vietnamese once, serving both", ["hnj", "vie"], ["vie"], [{ language: "vie", requested: ["hnj", "vie"], missing: ["hnj"] }]],
    ["only an ethnic language asked, missing: Vietnamese instead", ["blt"], ["vie"], [{ language: "vie", requested: ["blt"], missing: ["blt"] }]],
    ["two missing, one present", ["vie", "tyz", "nut"], ["vie", "nut"], [
      { language: "vie", requested: ["vie", "tyz"], missing: ["tyz"] },
      { language: "nut", requested: ["nut"], missing: [] },
    ]],
    ["nothing approved at all: nothing to send", ["hnj"], [], []],
    ["a repeated request counts once", ["hnj", "hnj"], ["hnj"], [{ language: "hnj", requested: ["hnj"], missing: [] }]],
  ];
  it.each(table)("%s", (_name, requested, available, expected) => {
    expect(resolveVersions(requested, new Set(available))).toEqual(expected);
  });
});

describe("scripts of a translator's text", () => {
  const TAI_VIET = "\uaa80\uaab1\uaa95\uaabe \uaa8d\uaab8"; // letters of the Tai Viet block
  it.each([
    ["Tai Viet", TAI_VIET, ["Tavt"]],
    ["Hmong RPA (Latin)", "Nyob zoo", ["Latn"]],
    ["Vietnamese", "Bà con thân mến", ["Latn"]],
    ["both", `${TAI_VIET} Tai Dam`, ["Tavt", "Latn"]],
    ["emoji and zero-width only", "🙂\u200b", []],
    ["another script", "中文", ["other"]],
  ])("%s", (_name, text, scripts) => {
    expect([...scriptsOf(text)].sort()).toEqual([...scripts].sort());
  });

  it.each([
    ["Tai Dam in Tai Viet → the text", "blt", TAI_VIET, "text"],
    ["Tai Dam in Latin only → the Latin spelling", "blt", "Tai Dam lai", "altText"],
    ["Tai Dam mixed → the text", "blt", `${TAI_VIET} (Tai Dam)`, "text"],
    ["Hmong (one script) → always the text", "hnj", "Nyob zoo", "text"],
    ["unknown code → the text", "zzz", "abc", "text"],
  ])("%s", (_name, code, text, slot) => {
    expect(slotForText(code, text)).toBe(slot);
  });
});

describe("a commune's bulletin languages as an admin gives them (chat, CLI, console)", () => {
  it.each([
    ["hnj", { ok: true, codes: ["vie", "hnj"], addedVietnamese: true }],
    ["hnj, vie", { ok: true, codes: ["hnj", "vie"], addedVietnamese: false }],
    ["Mông, Mông", { ok: true, codes: ["vie", "hnj"], addedVietnamese: true }],
    ["hnj, klingon", { ok: false, error: "unknown", unknown: ["klingon"] }],
    [" , ", { ok: false, error: "empty" }],
  ] as const)("%j", (text, expected) => {
    expect(communeLanguagesFrom(text)).toEqual(expected);
  });
});
