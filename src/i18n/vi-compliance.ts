// Every word of the compliance feature (figures form, statistics, criteria, reports, reminders),
// in Vietnamese with full diacritics. Staff are addressed as "đồng chí".
import { viCommon } from "./vi-common.js";
import { formatMonthVN } from "../util/vietnam-time.js";
import { formatDurationVN, formatNumberVN, formatPercentVN } from "../compliance/month.js";

export const viCompliance = {

  buttons: {
    keep: (value: string) => `↩️ Giữ: ${value}`,
    yes: "Có",
    no: "Không",
    zero: "0",
    skip: "⏭️ Chưa có số liệu",
    copyLastMonth: "📋 Dùng số liệu tháng trước rồi sửa",
    save: "✅ Lưu số liệu",
    edit: "✏️ Sửa một mục",
    resume: "▶️ Nhập tiếp bản nháp",
    restart: "🔄 Nhập lại từ đầu",
    back: viCommon.back,
    cancel: viCommon.cancel,
  },

  scope: {
    province: (name: string) => `tỉnh ${name}`,
    groupRefused: "Để giữ kín số liệu, đồng chí hãy dùng lệnh này trong tin nhắn riêng với bot, không dùng trong nhóm.",
    forbidden: "Đồng chí không có quyền xem hoặc nhập số liệu này.",
    villageHeadTips: "Thống kê tin báo chỉ dành cho công an và lãnh đạo xã.",
    /** Examples name the person's own places (placeExamples in bots/core/stats.ts), never the demo's. */
    needCommune: (command: string, communeCode: string) => `Đồng chí quản lý nhiều xã: hãy ghi mã xã, ví dụ: /${command} ${communeCode} 11/2026`,
    unknownWord: (word: string, villageCode: string, communeCode: string) =>
      `Không hiểu "${word}". Ghi mã thôn (ví dụ ${villageCode}), mã xã (ví dụ ${communeCode}) hoặc tháng (ví dụ 11/2026).`,
    /** A word shaped like a code that names no village (nor commune): the right codes, listed. */
    unknownVillageCode: (code: string, commune: string, villages: string) =>
      villages ? `Không có thôn nào mã ${code}. Các mã thôn của xã ${commune}: ${villages}.` : `Không có thôn nào mã ${code}. Xã ${commune} chưa có danh sách thôn.`,
    villageCodeLine: (code: string, name: string) => `${code} (${name})`,
    unknownCommune: (code: string) => `Không có xã mã ${code}.`,
    unknownProvince: (code: string) => `Không có tỉnh mã ${code}.`,
    villageNotInCommune: (code: string) => `Thôn mã ${code} không thuộc xã này.`,
    futureMonth: (month: string) => `Tháng ${formatMonthVN(month)} chưa tới.`,
    tooOld: (month: string) => `Tháng ${formatMonthVN(month)} đã quá xa (chỉ nhập lại số liệu trong 24 tháng gần nhất).`,
    needVillage: (villageCode: string) => `Đồng chí quản lý nhiều xã: hãy ghi mã thôn, ví dụ: /capnhat ${villageCode} 11/2026`,
    needProvince: "Hãy ghi mã tỉnh, ví dụ: /xephang HTI 11/2026",
  },

  form: {
    chooseVillage: (month: string) => `📝 Nhập số liệu tháng ${formatMonthVN(month)}. Chọn thôn:`,
    noVillages: "Xã này chưa có danh sách thôn. Hãy nhờ quản trị nhập danh sách thôn trước.",
    intro: (p: { month: string; village: string; commune: string; questions: number }) =>
      [
        `📝 Cập nhật số liệu tháng ${formatMonthVN(p.month)} — ${p.village}, xã ${p.commune}.`,
        `Có ${p.questions} câu hỏi. Chỉ ghi số liệu tổng hợp, không ghi tên người.`,
        "Gõ số hoặc bấm nút. \"Quay lại\" để sửa câu trước, \"Hủy\" để thoát mà không lưu. Trước khi lưu sẽ có bảng tóm tắt để kiểm tra.",
      ].join("\n"),
    correcting: (version: number, when: string, who: string) =>
      `Tháng này đã có số liệu (lần cập nhật ${version}, lúc ${when}, bởi ${who}). Số cũ hiện ở mỗi câu: bấm "Giữ" nếu không đổi. Mọi lần sửa đều được lưu lại lịch sử.`,
    lastMonthAvailable: "Có số liệu tháng trước: bấm \"Dùng số liệu tháng trước rồi sửa\" để chỉ sửa những mục thay đổi.",
    question: (n: number, total: number, group: string, question: string) => `Câu ${n}/${total} — ${group}\n${question}`,
    previousHint: (value: string, isLastMonth: boolean) => (isLastMonth ? `(Tháng trước: ${value})` : `(Đã nhập: ${value})`),
    notNumber: "Chưa đọc được số. Hãy gõ một số nguyên, ví dụ: 12 (không dùng dấu phẩy).",
    notYesNo: "Hãy bấm \"Có\" hoặc \"Không\" (hoặc gõ có / không).",
    negative: "Số liệu không thể âm. Hãy gõ lại.",
    tooBig: (max: number) => `Số này lớn hơn mức hợp lý (${formatNumberVN(max)}). Hãy kiểm tra lại.`,
    over: (label: string, value: number) => `Số này lớn hơn "${label}" (${formatNumberVN(value)}). Hãy kiểm tra lại, hoặc bấm "Quay lại" để sửa mục đó.`,
    useInput: "Hãy gõ số hoặc bấm một nút bên dưới.",
    summaryTitle: (month: string, village: string) => `📋 Kiểm tra số liệu tháng ${formatMonthVN(month)} — ${village} trước khi lưu:`,
    summaryLine: (n: number, label: string, value: string) => `${n}. ${label}: ${value}`,
    missingValue: "chưa có số liệu",
    yes: "có",
    no: "không",
    summaryBroken: (labels: string[]) => `⚠️ Cần sửa trước khi lưu: ${labels.join("; ")} (lớn hơn số tổng).`,
    summaryMissing: (count: number) => `Còn ${count} mục chưa có số liệu: các tiêu chí dùng mục đó sẽ hiện ❔.`,
    summaryFooter: "Nếu đúng, bấm \"Lưu số liệu\". Muốn sửa, bấm \"Sửa một mục\".",
    pickItem: (max: number) => `Gõ số thứ tự của mục cần sửa (1–${max}), hoặc vài chữ trong tên mục (ví dụ: hòm thư):`,
    pickSeveral: (lines: string[]) => ["Có nhiều mục khớp. Gõ số thứ tự của mục cần sửa:", ...lines].join("\n"),
    carried: (labels: string[]) =>
      `Tháng này không phải đầu quý: ${labels.length} mục theo quý được giữ như lần nhập trước (${labels.join("; ")}). Muốn sửa, bấm "Sửa một mục" ở bảng tóm tắt.`,
    keptQuarterly: " (theo quý, giữ như trước)",
    changedFrom: (before: string) => ` (tháng trước: ${before})`,
    changedCount: (n: number) => (n === 0 ? "So với tháng trước: không có mục nào thay đổi." : `So với tháng trước: ${n} mục thay đổi (ghi "tháng trước" bên cạnh).`),
    draftFound: (entered: number, at: string | null) =>
      `📝 Đồng chí có bản nháp chưa lưu${at ? ` (lần cuối lúc ${at})` : ""}, đã nhập ${entered} mục. Nhập tiếp hay nhập lại từ đầu?`,
    draftStale: "Bản nháp cũ đã được bỏ vì số liệu của thôn vừa được cập nhật sau đó. Mời nhập theo số mới.",
    cancelledDraft: (entered: number) => `Đã thoát. ${entered} mục đã nhập được giữ làm bản nháp (chưa lưu vào số liệu): gõ /capnhat để nhập tiếp.`,
    pickBad: (max: number) => `Hãy gõ một số từ 1 đến ${max}.`,
    fixFirst: (label: string) => `Mục "${label}" lớn hơn số tổng của nó. Hãy nhập lại:`,
    saved: (month: string, village: string, version: number, code: string) =>
      `✅ Đã lưu số liệu tháng ${formatMonthVN(month)} của ${village} (lần cập nhật ${version}). Xem lại: /thongke ${code} ${formatMonthVN(month)}`,
    conflict: "Số liệu của thôn vừa được người khác cập nhật trong lúc đồng chí nhập. Chưa lưu gì. Hãy gõ /capnhat để xem số mới và nhập lại.",
    cancelled: "Đã thoát, số liệu chưa được lưu. Gõ /capnhat để bắt đầu lại.",
    expired: "Phiên nhập số liệu đã hết hạn vì lâu không thao tác; số liệu chưa được lưu, các mục đã nhập được giữ làm bản nháp. Gõ /capnhat để nhập tiếp.",
    nobody: "không rõ",
    importedBy: "nhập từ tệp CSV",
  },

  status: { met: "✅", not_met: "❌", unknown: "❔" } as Record<string, string>,
  statusWord: { met: "Đạt", not_met: "Chưa đạt", unknown: "Chưa đủ số liệu" } as Record<string, string>,

  threshold: (op: string, value: number, percent: boolean) => {
    const v = percent ? formatPercentVN(value) : formatNumberVN(value);
    switch (op) {
      case "<":
        return `dưới ${v}`;
      case "<=":
        return value === 0 && !percent ? "không có (0)" : `không quá ${v}`;
      case ">":
        return `trên ${v}`;
      case ">=":
        return percent && value === 1 ? "100%" : `ít nhất ${v}`;
      default:
        return `bằng ${v}`;
    }
  },

  criteria: {
    title: (month: string, commune: string, set: string) => `📋 TIÊU CHÍ THÁNG ${formatMonthVN(month)} — XÃ ${commune.toUpperCase()}\n(${set})`,
    villageTitle: (month: string, village: string) => `📋 Tiêu chí tháng ${formatMonthVN(month)} — ${village} (riêng thôn)`,
    counts: (met: number, notMet: number, unknown: number) => `✅ ${met} đạt · ❌ ${notMet} chưa đạt · ❔ ${unknown} chưa đủ số liệu`,
    line: (icon: string, text: string, value: string, required: string) => `${icon} ${text}\n    Hiện tại: ${value} · Yêu cầu: ${required}`,
    lineUnknown: (icon: string, text: string, required: string) => `${icon} ${text}\n    Yêu cầu: ${required}`,
    missing: (label: string, villages: string) => `    Thiếu: ${label}${villages ? ` (${villages})` : ""}`,
    noBroadcastData: "chưa có dữ liệu phát thanh",
    source: (source: string) => `    Nguồn: ${source}`,
    moreVillages: (n: number) => `và ${n} thôn khác`,
    /** A total decided by the villages known so far (counts are never negative). */
    atLeast: (value: string) => `ít nhất ${value} (chưa đủ các thôn)`,
    /** A total known to lie between two numbers (a figure not entered, bounded by its total). */
    atMost: (low: string, high: string) => `từ ${low} đến ${high} (chưa đủ số liệu)`,
    /** Villages still missing behind a criterion the others already decide. */
    stillMissing: (label: string) => `    Còn thiếu: ${label}`,
    /** In one village's list: the criteria judged on the commune's totals only. */
    communeOnly: (n: number) => `(${n} tiêu chí chỉ xét trên toàn xã, không xét riêng từng thôn: xem /tieuchi của xã.)`,
  },

  period: {
    /** What a leader types after /baocao for a period, unaccented (the typed word is folded before matching). */
    words: {
      quarter: ["q", "quy"],
      half: ["h", "ky"],
      firstHalf: ["6thang", "6thangdau", "soket"],
      secondHalf: ["6thangcuoi"],
      year: ["nam", "canam", "tongket"],
    },
    month: (month: string) => `tháng ${formatMonthVN(month)}`,
    quarter: (quarter: number, year: number) => `quý ${["I", "II", "III", "IV"][quarter - 1]}/${year}`,
    half: (half: number, year: number) => (half === 1 ? `6 tháng đầu năm ${year}` : `6 tháng cuối năm ${year}`),
    year: (year: number) => `năm ${year}`,
    campaign: (name: string, year: number) => `${name} năm ${year}`,
    /** A period still running: reported up to this month. */
    soFar: (label: string, month: string) => `${label} (đến tháng ${formatMonthVN(month)})`,
    future: (label: string) => `${label.charAt(0).toUpperCase()}${label.slice(1)} chưa bắt đầu, chưa có gì để báo cáo.`,
    notHere: "Chỉ /baocao lập báo cáo theo quý, 6 tháng, năm hoặc đợt cao điểm; lệnh này xem theo tháng (ví dụ 11/2026).",
    monthsReported: "Số tháng thôn đã nhập số liệu",
  },

  recognition: {
    title: (month: string, commune: string, set: string) => `🏡 XÉT CÔNG NHẬN THÔN KHÔNG MA TÚY — THÁNG ${formatMonthVN(month)}, XÃ ${commune.toUpperCase()}\n(${set})`,
    villageTitle: (month: string, village: string, set: string) => `🏡 ${village} — xét "thôn không ma túy" tháng ${formatMonthVN(month)}\n(${set})`,
    qualifies: (n: number, total: number) => `✅ Đủ điều kiện đề nghị công nhận: ${n}/${total} thôn`,
    fails: (n: number) => `❌ Chưa đạt: ${n} thôn`,
    unknown: (n: number) => `❔ Chưa đủ số liệu để xét: ${n} thôn`,
    names: (names: string) => `   ${names}`,
    /** One failing village and the criteria it fails. */
    failing: (village: string, criteria: string) => `• ${village}: ${criteria}`,
    /** One village still waiting: no figures at all, or which figures. */
    waiting: (village: string, what: string) => `• ${village}: ${what}`,
    noFigures: "chưa nhập số liệu tháng (/capnhat)",
    missingFigures: (labels: string) => `thiếu ${labels}`,
    more: (n: number) => `… và ${n} thôn khác`,
    villageQualifies: "✅ Thôn đạt đủ tiêu chí, có thể đề nghị công nhận \"thôn không ma túy\".",
    villageFails: (n: number) => `❌ Thôn còn ${n} tiêu chí chưa đạt:`,
    villageUnknown: "❔ Chưa đủ số liệu để xét. Các tiêu chí:",
    detail: (code: string) => `Xem chi tiết một thôn: /congnhan ${code}`,
    noSet: "Chưa có bộ tiêu chí \"thôn không ma túy\" cho tỉnh này.",
    noVillages: "Xã chưa có thôn nào trong hệ thống.",
    /** The line in /tieuchi pointing to the village review. */
    inCriteria: (n: number, total: number) => `🏡 Thôn đủ điều kiện "thôn không ma túy": ${n}/${total} (/congnhan để xem)`,
  },

  summary: {
    title: (month: string, commune: string) => `📊 THỐNG KÊ THÁNG ${formatMonthVN(month)} — XÃ ${commune.toUpperCase()}`,
    villageTitle: (month: string, village: string, commune: string) => `📊 Số liệu tháng ${formatMonthVN(month)} — ${village}, xã ${commune}`,
    reported: (n: number, total: number) => `Số liệu thôn: ${n}/${total} thôn đã cập nhật`,
    notReported: (names: string) => `Chưa cập nhật: ${names}`,
    criteria: (met: number, notMet: number, unknown: number) => `Tiêu chí: ✅ ${met} đạt · ❌ ${notMet} chưa đạt · ❔ ${unknown} chưa đủ số liệu (/tieuchi để xem chi tiết)`,
    line: (label: string, value: string) => `• ${label}: ${value}`,
    ofTotal: (part: string, total: string, pct: string) => `${part}/${total} (${pct})`,
    partial: (value: string) => `${value} (chưa đủ các thôn)`,
    reached: (n: number, total: number) => `Thôn có tuyên truyền trong tháng: ${n}/${total}`,
    notReached: (names: string) => `  Chưa có buổi tuyên truyền nào được ghi nhận: ${names}`,
    broadcasts: (confirmed: number, delivered: number) => `Phát thanh: ${confirmed}/${delivered} bản tin đã phát`,
    noBroadcastData: "Phát thanh: chưa có dữ liệu phát thanh",
    tips: (total: number, open: number) => `Tin báo trong tháng: ${total} (đang mở ${open}) — /tinbao_tk để xem chi tiết`,
    updated: (version: number, when: string, who: string) => `Cập nhật lần ${version} lúc ${when}, bởi ${who}.`,
    nothing: (month: string) => `Thôn chưa có số liệu tháng ${formatMonthVN(month)}. Gõ /capnhat để nhập.`,
    keyFigures: "Số liệu chính:",
    /** Villages bulletins could not reach: nobody registered as village head to receive them. */
    noHead: (n: number, total: number, names: string) => `  ${n}/${total} thôn chưa có trưởng thôn đăng ký nhận bản tin, nên chưa nhận được bản tin nào: ${names}`,
  },

  tips: {
    title: (month: string, commune: string) => `📨 TIN BÁO THÁNG ${formatMonthVN(month)} — XÃ ${commune.toUpperCase()}`,
    none: "Không có tin báo nào trong tháng.",
    total: (n: number, open: number, closed: number) => `Tổng số: ${n} (đang mở ${open}, đã kết thúc ${closed})`,
    byStatus: "Theo trạng thái:",
    byCategory: "Theo loại việc:",
    byVillage: "Theo thôn:",
    item: (label: string, n: number) => `• ${label}: ${n}`,
    medianTake: (minutes: number | null) => `Thời gian đến khi tiếp nhận (trung vị): ${minutes === null ? "chưa có tin được tiếp nhận" : formatDurationVN(minutes)}`,
    byResult: "Theo kết quả xử lý:",
    overdue: (n: number) => (n === 0 ? "Không có tin nào quá hạn xác minh." : `⏰ Quá hạn xác minh (Điều 147 BLTTHS): ${n} tin`),
    medianClose: (minutes: number | null) => `Thời gian đến khi kết thúc (trung vị): ${minutes === null ? "chưa có tin kết thúc" : formatDurationVN(minutes)}`,
    unknownVillage: "Không rõ thôn",
  },

  report: {
    working: (label: string) => `⏳ Đang lập báo cáo ${label}…`,
    ready: (label: string, commune: string, due: string) =>
      `📄 Báo cáo ${label} — xã ${commune}. Hạn gửi cấp trên: ${due}. Gồm bảng tính Excel (mỗi phần một trang) và trang báo cáo in được.`,
    xlsxCaption: (label: string) => `Bảng tính báo cáo ${label}`,
    htmlCaption: (label: string) => `Báo cáo ${label} (mở bằng trình duyệt, in hoặc lưu PDF)`,
    chartCaption: (month: string) => `Biểu đồ 6 tháng đến tháng ${formatMonthVN(month)}: tin báo, thôn được tuyên truyền, tiêu chí đạt`,
    periodChartCaption: (label: string) => `Biểu đồ từng tháng của ${label}: tin báo, thôn được tuyên truyền, tiêu chí đạt`,
    htmlOnly: "Máy chủ này chỉ lập được trang báo cáo (HTML); bảng tính Excel và ảnh biểu đồ cần máy chủ chạy trên Node.",
    chartUnavailable: "Máy chủ này chưa vẽ được ảnh biểu đồ; biểu đồ có trong trang báo cáo.",
    heading: (commune: string, province: string) => `BÁO CÁO KẾT QUẢ XÂY DỰNG "XÃ KHÔNG MA TÚY" — XÃ ${commune.toUpperCase()}, ${province.toUpperCase()}`,
    subheading: (label: string, generated: string, due: string) => `${label.charAt(0).toUpperCase()}${label.slice(1)} · Lập lúc ${generated} · Hạn gửi: ${due}`,
    sheetSummary: "Tổng hợp",
    sheetCriteria: "Tiêu chí",
    sheetVillages: "Số liệu thôn",
    sheetTips: "Tin báo",
    sheetCoverage: "Phát thanh",
    sheetTrend: "Xu hướng",
    colCriterion: "Tiêu chí",
    colStatus: "Kết quả",
    colValue: "Hiện tại",
    colRequired: "Yêu cầu",
    colMissing: "Còn thiếu",
    colSource: "Nguồn",
    colVillageCode: "Mã thôn",
    colVillage: "Thôn",
    colUpdated: "Cập nhật",
    colVersion: "Lần sửa",
    colItem: "Mục",
    colCount: "Số lượng",
    colMonth: "Tháng",
    colTips: "Tin báo",
    colReached: "Thôn được tuyên truyền",
    colVillages: "Số thôn",
    colReported: "Thôn đã nhập số liệu",
    colCriteriaMet: "Tiêu chí đạt",
    colCriteriaTotal: "Tổng số tiêu chí",
    colDelivered: "Bản tin đã gửi",
    colConfirmed: "Đã phát",
    colNotBroadcast: "Chưa phát được (lý do)",
    commune: "Xã",
    province: "Tỉnh",
    month: "Tháng",
    period: "Kỳ báo cáo",
    generated: "Ngày lập",
    due: "Hạn gửi",
    criteriaSet: "Bộ tiêu chí",
    criteriaCounts: "Kết quả tiêu chí",
    villagesReported: "Thôn đã nhập số liệu",
    tipsTotal: "Tin báo trong tháng",
    tipsInPeriod: "Tin báo trong kỳ",
    tipsOpen: "Tin báo đang mở",
    medianTake: "Trung vị thời gian đến khi tiếp nhận (giờ)",
    medianClose: "Trung vị thời gian đến khi kết thúc (giờ)",
    sectionCriteria: "I. Tiêu chí xã không ma túy",
    sectionVillages: "II. Số liệu các thôn",
    sectionTips: "III. Tin báo",
    sectionCoverage: "IV. Phát thanh, tuyên truyền",
    sectionTrend: "V. Xu hướng 6 tháng",
    sectionRecognition: "VI. Xét công nhận thôn, khu phố không ma túy",
    sheetRecognition: "Công nhận thôn",
    colRecognition: "Đề nghị công nhận",
    colCriteriaMetOf: "Tiêu chí đạt",
    colReason: "Chưa đạt hoặc còn thiếu",
    recognitionWord: { qualifies: "✅ Đủ điều kiện", fails: "❌ Chưa đạt", unknown: "❔ Chưa đủ số liệu" } as Record<string, string>,
    metOf: (met: number, total: number) => `${met}/${total}`,
    total: "Tổng",
    noData: "—",
    coverageUnknown: "Chưa có dữ liệu phát thanh (tính năng bản tin chưa cung cấp số liệu).",
    footer: "Số liệu tổng hợp theo thôn; hệ thống không lưu tên người nghiện, người sử dụng ma túy hay người báo tin.",
    chartTitle: "6 tháng gần nhất",
    chartTips: "Tin báo",
    chartReached: "% thôn được tuyên truyền",
    chartCriteria: "Tiêu chí đạt",
    fileStem: (commune: string, month: string) => `bao-cao-${commune.toLowerCase()}-${month}`,
    /** A reason for not broadcasting, with the words typed for "Lý do khác" as the village head wrote them. */
    notBroadcastItem: (reason: string, count: number, texts: readonly string[]) => `${reason}: ${count}${texts.length > 0 ? ` (${texts.map((x) => `“${x}”`).join("; ")})` : ""}`,
    /** A month before the commune's first record in the system (no figures, tip, bulletin or staff yet). */
    notRecorded: "chưa có trên hệ thống",
  },

  chart: {
    working: "⏳ Đang vẽ biểu đồ…",
    caption: (month: string, commune: string) => `📈 Xã ${commune}: 6 tháng đến tháng ${formatMonthVN(month)} — cột: tin báo; đường: % thôn được tuyên truyền, số tiêu chí đạt.`,
  },

  ranking: {
    title: (province: string, month: string, total: number) => `🏆 XẾP HẠNG ${total} XÃ — ${province.toUpperCase()}, THÁNG ${formatMonthVN(month)} (theo số tiêu chí đạt)`,
    line: (rank: number, name: string, met: number, total: number, unknown: number, reported: number, villages: number) =>
      `${rank}. ${name}: ✅ ${met}/${total}${unknown > 0 ? ` · ❔ ${unknown}` : ""} · số liệu ${reported}/${villages} thôn`,
    more: (n: number) => `… và ${n} xã khác (xem trong báo cáo của từng xã).`,
    none: "Tỉnh này chưa có xã nào.",
    provinces: "Các tỉnh:",
    villagesTitle: (commune: string, month: string) => `🏆 XẾP HẠNG CÁC THÔN — XÃ ${commune.toUpperCase()}, THÁNG ${formatMonthVN(month)} (theo tiêu chí "thôn không ma túy")`,
    villageLine: (rank: number, name: string, met: number, total: number, notMet: number, unknown: number, reach: number, reported: boolean) =>
      `${rank}. ${name}: ✅ ${met}/${total}${notMet > 0 ? ` · ❌ ${notMet}` : ""}${unknown > 0 ? ` · ❔ ${unknown}` : ""} · ${reported ? `tuyên truyền ${reach} lần` : "chưa nhập số liệu"}`,
    praise: (names: string) => `👏 Đề nghị biểu dương: ${names} (đạt đủ tiêu chí, có tuyên truyền trong tháng)`,
    noPraise: "👏 Chưa có thôn nào đủ điều kiện đề nghị biểu dương tháng này.",
    criticism: "⚠️ Đề nghị phê bình, nhắc nhở:",
    criticismLine: (name: string, reasons: string) => `• ${name}: ${reasons}`,
    noCriticism: "⚠️ Không có thôn nào phải phê bình tháng này.",
    complex: (criteria: string) => `để xảy ra phức tạp về ma túy (${criteria})`,
    notReported: "chưa nhập số liệu tháng",
    notReached: "không có buổi tuyên truyền hay bản tin đã phát nào",
    rulesSource: (source: string) => `Căn cứ: ${source}`,
  },

  reminders: {
    villageHead: (month: string, village: string, due: string) =>
      `🔔 Nhắc đồng chí: ${village} chưa nhập số liệu tháng ${formatMonthVN(month)}. Báo cáo tháng của xã hạn gửi ngày ${due}. Gõ /capnhat để nhập (khoảng 5 phút).`,
    leader: (p: { month: string; commune: string; due: string; missingVillages: string[]; unknown: number; notMet: number; total: number }) =>
      [
        `🔔 Báo cáo tháng ${formatMonthVN(p.month)} của xã ${p.commune} hạn gửi ngày ${p.due}.`,
        p.missingVillages.length > 0 ? `Còn ${p.missingVillages.length} thôn chưa nhập số liệu: ${p.missingVillages.join(", ")}.` : "Tất cả các thôn đã nhập số liệu.",
        `Tiêu chí: ❌ ${p.notMet} chưa đạt, ❔ ${p.unknown} chưa đủ số liệu, trên tổng ${p.total}.`,
        "Gõ /tieuchi để xem chi tiết, /baocao để lập báo cáo.",
      ].join("\n"),
  },

  cli: {
    importUsage: "Cách dùng: npm run admin -- figures-import <tệp.csv> [--dry-run]",
    importHeader: (expected: string) => `Dòng 1: tiêu đề phải bắt đầu bằng village_code,month rồi đến các mục số liệu (${expected}).`,
    importUnknownColumn: (name: string) => `Dòng 1: cột "${name}" không có trong danh mục số liệu.`,
    importBadVillage: (line: number, code: string) => `Dòng ${line}: không có thôn mã ${code}.`,
    importBadMonth: (line: number, text: string) => `Dòng ${line}: tháng "${text}" không hợp lệ (dạng 2026-11 hoặc 11/2026).`,
    importBadValue: (line: number, field: string, text: string) => `Dòng ${line}: "${field}" = "${text}" không phải số nguyên không âm.`,
    importInvalid: (line: number, detail: string) => `Dòng ${line}: ${detail}.`,
    importDuplicate: (line: number) => `Dòng ${line}: trùng thôn và tháng với một dòng trước.`,
    importChecked: (rows: number) => `Tệp hợp lệ: ${rows} dòng. (Chạy thử, chưa ghi gì.)`,
    importDone: (saved: number, conflicts: number) => `Đã nhập ${saved} dòng${conflicts > 0 ? `; ${conflicts} dòng bị trùng với lần nhập đồng thời, hãy chạy lại` : ""}.`,
    importNote: "nhập từ tệp CSV",
    checkUsage: "Cách dùng: npm run admin -- criteria-check [tệp.json]",
    checkOk: (name: string, count: number, province: string | null) => `Bộ tiêu chí "${name}"${province ? ` (tỉnh ${province})` : ""}: ${count} tiêu chí, hợp lệ.`,
    fileUnreadable: (path: string) => `Không đọc được tệp ${path}.`,
    notJson: (path: string) => `Tệp ${path} không phải JSON hợp lệ.`,
  },
} as const;
