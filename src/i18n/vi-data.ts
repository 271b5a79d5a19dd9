// What the loaders and imports of data answer (criteria sets, the figures catalog, formulas, the
// places CSV, invitations), how staff are addressed, and the words code accepts or writes beside a
// name (issue 11: no user-facing word outside the catalogs). Kept apart from the older catalogs so
// parallel work on their wording does not collide.

export const viData = {
  /** "xã Lùng Phình", in a line naming the commune. */
  commune: (name: string) => `xã ${name}`,
  /** "tiếng Mông (Hmoob)": a language's label inside a sentence. */
  languageInline: (label: string) => label.replace(/^Tiếng /, "tiếng "),
  /** The chart's legend for the criteria line. */
  chartCriteria: (label: string, max: number) => `${label} (% trên ${max})`,
  /** "1 ảnh và 1 vị trí": the last item of a list. */
  listAnd: (head: string, last: string) => `${head} và ${last}`,

  criteria: {
    humanSource: "nguồn ghi tên văn bản và mục, tiêu chí của văn bản; không ghi tệp seed hay số dòng",
    sourceId: "sourceId có dạng seed-003#II.35",
    id: "mã tiêu chí chỉ gồm chữ thường, số, dấu gạch ngang",
    invalidFile: (file: string, message: string) => `Tệp tiêu chí ${file} không hợp lệ: ${message}`,
    root: "(gốc)",
    duplicate: (id: string) => `tiêu chí "${id}" bị lặp`,
    inCriterion: (id: string, message: string) => `tiêu chí "${id}": ${message}`,
    unknownNeed: (id: string, need: string) => `tiêu chí "${id}" cần "${need}", không có trong danh mục số liệu`,
    undeclaredName: (id: string, name: string) => `tiêu chí "${id}": công thức dùng "${name}" nhưng "needs" không ghi`,
    unusedNeed: (id: string, name: string) => `tiêu chí "${id}": "needs" ghi "${name}" nhưng công thức không dùng`,
    removeUnknown: (id: string) => `"remove" nêu tiêu chí "${id}" không có trong bộ mặc định`,
    overrideUnknown: (id: string) => `"override" nêu tiêu chí "${id}" không có trong bộ mặc định`,
    addExisting: (id: string) => `"add" thêm tiêu chí "${id}" đã có; dùng "override" để sửa`,
    defaultMissing: "Thiếu tệp tiêu chí mặc định default.json.",
    fileName: (province: string | null) => `tên tệp phải là mã tỉnh: ${province}.json`,
    communeLevelInVillageSet: (id: string) => `bộ tiêu chí thôn không được có tiêu chí cấp xã ("${id}" có level "commune")`,
    villageBaseMissing: "bộ tiêu chí thôn của tỉnh cần tệp village.json",
    extendsWrong: (expected: string) => `"extends" của tệp này phải là "${expected}"`,
  },

  fields: {
    invalidAt: (path: string, message: string) => `Tệp danh mục số liệu không hợp lệ ở ${path}: ${message}`,
    duplicate: (id: string) => `Tệp danh mục số liệu: mục "${id}" bị lặp.`,
    atMostUnknown: (id: string, atMost: string) => `Tệp danh mục số liệu: mục "${id}" so với "${atMost}" nhưng mục đó không có hoặc đứng sau.`,
    notInCatalog: "không có trong danh mục số liệu",
    notCount: "phải là số nguyên không âm",
    notYesNo: "phải là 1 (có) hoặc 0 (không)",
    overMax: (max: number | undefined) => `vượt quá ${max}`,
    overOther: (label: string | undefined) => `lớn hơn "${label}"`,
    unitSharedDiffers: "mục số liệu dùng chung của nhiều đơn vị phải có cùng tên, loại và cách cộng dồn",
    /** What people type for yes and for no in a yes/no field (lower case). */
    yes: ["có", "co", "c", "1", "yes", "y"],
    no: ["không", "khong", "k", "ko", "0", "no", "n"],
  },

  formula: {
    unreadable: (text: string, detail: string) => `không đọc được công thức "${text}": ${detail}`,
    numbersOnly: (text: string, value: string) => `công thức "${text}" chỉ được dùng số, không dùng ${value}`,
    villagesInside: (text: string) => `"villages" không dùng được bên trong count_villages trong "${text}"`,
    unknownName: (text: string, name: string) => `công thức "${text}" dùng "${name}", không có trong danh mục số liệu`,
    operatorIn: (op: string, text: string) => `phép "${op}" không được hỗ trợ trong "${text}"`,
    functionIn: (fn: string, text: string) => `hàm "${fn}" không được hỗ trợ trong "${text}" (dùng ratio, min, max, count_villages)`,
    ratioArgs: (text: string) => `ratio cần đúng 2 đối số trong "${text}"`,
    minMaxArgs: (fn: string, text: string) => `${fn} cần ít nhất 1 đối số trong "${text}"`,
    countArgs: (text: string) => `count_villages cần đúng 1 đối số trong "${text}"`,
    countNested: (text: string) => `count_villages không lồng nhau được trong "${text}"`,
    syntaxIn: (type: string, text: string) => `cú pháp "${type}" không được hỗ trợ trong "${text}"`,
    operator: (op: string) => `phép "${op}" không được hỗ trợ`,
    syntax: (type: string) => `cú pháp "${type}" không được hỗ trợ`,
  },

  places: {
    exampleRow: 'LCA,Lào Cai,LUNGPHINH,Lùng Phình,0219.3888.113,LP-01,Thôn Pả Chư Tỷ,"vie,hnj",',
    header: (header: string) => `Dòng 1: tiêu đề phải là ${header}`,
    extraColumn: (name: string, optional: string) => `Dòng 1: cột "${name}" không dùng được. Cột thêm (không bắt buộc): ${optional}.`,
    cellCount: (line: number, want: number, got: number) => `Dòng ${line}: cần ${want} cột, có ${got}.`,
    badCode: (line: number, name: string, value: string) => `Dòng ${line}: ${name} "${value}" phải gồm 2–16 chữ, số hoặc dấu gạch ngang.`,
    missing: (line: number, name: string) => `Dòng ${line}: thiếu ${name}.`,
    badHotline: (line: number, hotline: string) => `Dòng ${line}: số đường dây nóng "${hotline}" không hợp lệ.`,
    unknownLanguages: (line: number, column: string, unknown: string) =>
      `Dòng ${line}: ${column} có ngôn ngữ không rõ: ${unknown} (dùng mã ISO 639-3, ví dụ vie, hnj, tyz, nut, blt, ium, mtq).`,
  },

  invitations: {
    provinceOnlyAdmin: "Chỉ vai trò quản trị mới gắn với cả tỉnh (--province).",
    provinceAlone: "Quản trị tỉnh không kèm mã xã hay mã thôn.",
    noProvince: (code: string) => `Không có tỉnh mã ${code}.`,
    noVillage: (code: string) => `Không có thôn mã ${code}.`,
    noCommune: (code: string) => `Không có xã mã ${code}.`,
    villageHeadNeedsVillage: "Trưởng thôn cần mã thôn (--village).",
    roleNeedsCommune: "Vai trò này cần mã xã (--commune).",
    unitNeeded: (kinds: string) => `Cán bộ ban, ngành, đoàn thể cần đơn vị (--unit), một trong: ${kinds}.`,
    unitNoVillage: "Cán bộ ban, ngành, đoàn thể thuộc xã, không gắn với thôn (bỏ --village, dùng --commune).",
  },

  names: {
    /** Titles a name may start with (lower case), matched as whole words. */
    titles: ["đ/c", "đ.c", "đc", "đồng chí", "ông", "bà", "anh", "chị", "cô", "chú", "bác", "em", "cháu", "thầy"],
    /** Titles kept as typed; the others read as ordinary words mid-sentence ("Chào ông Mùa A Chứ"). */
    keepCase: ["đ/c", "đ.c", "đc"],
    /** A name without a title. */
    addressed: (name: string) => `đồng chí ${name}`,
  },

  /** The words commands and questions accept beside their arguments (lower case). */
  words: {
    /** Before a month: "tháng 11/2026", "T11/2026". */
    month: ["tháng", "thang", "t"],
    /** /tiendobantin <xã> thang 11/2026 */
    monthWord: ["thang", "tháng"],
    /** /bantin ds */
    recentList: ["ds", "danhsach", "gan day", "gần đây"],
    /** /lichbantin tat | bat */
    pause: ["tat", "tắt", "dung", "dừng"],
    resume: ["bat", "bật", "mo", "mở"],
    /** /ngonngu <thôn> xoa */
    clear: ["xoa", "xóa", "bo", "bỏ"],
    /** /dichbantin ngonngu */
    languages: ["ngonngu", "ngôn ngữ", "ngon ngu"],
    /** "số 2", "chọn 2", "chọn b": before a numbered or lettered choice. */
    number: ["so", "chon", "số", "chọn"],
    letter: ["chon", "chọn"],
  },
} as const;
