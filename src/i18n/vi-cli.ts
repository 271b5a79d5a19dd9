// The admin command line's usage lines and argument errors, in Vietnamese (what vi-admin.ts does
// not already hold). Kept apart from vi-admin.ts so parallel work on its wording does not collide.

export const viCli = {
  extra: (word: string) => `thừa "${word}"`,
  notAnId: (text: string) => `"${text}" không phải số thứ tự hợp lệ`,

  bulletins: {
    scheduleUsage: "<MÃ XÃ> [T2,T5 06:30,18:30 | tat | bat]",
    languagesUsage: "<MÃ XÃ> [vie,hnj] [--village <MÃ THÔN> <mã,…|xoa>]",
    coverageUsage: "<MÃ XÃ> [YYYY-MM] [--json]",
    progressUsage: "<MÃ XÃ>",
    translatorUsage: "<số cán bộ> <mã ngôn ngữ,…>",
    /** /lichbantin's words on the command line (lower case). */
    pause: ["tat", "tắt"],
    resume: ["bat", "bật"],
    clear: ["xoa", "xóa"],
    month: (month: string) => `tháng "${month}"`,
  },

  compliance: {
    importUsage: "<tệp.csv> [--dry-run]",
    importSummary: "Nhập số liệu tháng của các thôn từ tệp CSV (village_code,month,<mục số liệu>…); kiểm tra cả tệp trước khi ghi",
    criteriaUsage: "[tệp.json]",
    criteriaSummary: "Kiểm tra bộ tiêu chí: các tệp đang dùng, hoặc một tệp tiêu chí của tỉnh trước khi đưa vào",
    reportUsage: "--commune <mã xã> [--month 11/2026 | --period q4/2026 | 6thang/2026 | nam/2026 | thanghanhdong/2026] [--out <thư mục>]",
    reportSummary: "Lập báo cáo tháng của một xã ra tệp (Excel, HTML, PNG) trong thư mục chỉ định",
    reportHowTo: "Cách dùng: npm run admin -- compliance-report --commune <mã xã> [--month 11/2026 | --period q4/2026 | 6thang/2026 | nam/2026 | thanghanhdong/2026] [--out <thư mục>]",
    reportNeedsNode: "Báo cáo (bảng tính Excel, ảnh biểu đồ) chỉ lập được trên máy chạy Node: chạy lệnh này trên máy chủ Node, hoặc tải báo cáo ở trang \"Tải sổ, báo cáo\" của bàn làm việc.",
    registerNeedsNode: "Sổ tin báo (Excel) chỉ lập được trên máy chạy Node: chạy lệnh này trên máy chủ Node, hoặc tải sổ ở trang \"Tải sổ, báo cáo\" của bàn làm việc.",
  },

  groups: {
    usage: "list [--commune <MÃ XÃ>] | remove <số thứ tự>",
    removeNoCommune: "remove không nhận --commune",
  },

  places: {
    importUsage: "<tệp.csv> [--sample] | --template <tệp.csv>",
    templateAlone: "--template chỉ đi với tên tệp sẽ tạo",
    oneFile: "cần đúng một tệp CSV",
    communeUsage: "[--commune <MÃ XÃ>]",
    postersUsage: "--commune <MÃ XÃ> --out <tệp.html | tệp.pdf> [--pdf] [--village <MÃ THÔN>] [--url <địa chỉ máy chủ>] [--telegram <tên bot>] [--zalo <đường dẫn Zalo OA>]",
    pdfNeedsFonts: "Máy này chưa có phông chữ để lập tệp PDF áp phích. Hãy in từ trang áp phích (bỏ --pdf), hoặc chạy lệnh trên máy chủ.",
    missing: (option: string) => `thiếu ${option}`,
    badUrl: (url: string) => `--url "${url}" không phải địa chỉ web`,
    badTelegram: "--telegram phải là tên bot, ví dụ PhaoDaiBot",
    badZalo: "--zalo phải là đường dẫn https://zalo.me/…",
  },

  contacts: {
    usage: "--commune <MÃ XÃ> [--head \"Họ tên: số điện thoại\"] [--deputy \"Họ tên: số điện thoại\" …] | --commune <MÃ XÃ> --clear",
    clearAlone: "--clear không đi cùng --head hay --deputy",
    nothing: "cần --head, --deputy hoặc --clear",
  },

  staff: {
    inviteUsage: "<officer|leader|village_head|translator|reporting_unit|admin|teacher|business_contact> [--commune <MÃ XÃ>] [--village <MÃ THÔN>] [--unit <đơn vị> (cán bộ ban, ngành, đoàn thể)] [--audience <mã số trường học / doanh nghiệp> (giáo viên, người phụ trách cơ sở)] [--province <MÃ TỈNH> (quản trị tỉnh)] [--name <tên hiển thị>] [--days <số ngày>]",
    missingRole: "thiếu vai trò (--role)",
    badDays: "--days phải từ 1 đến 90",
    communeUsage: "[--commune <MÃ XÃ>]",
    idUsage: "<số thứ tự>",
  },

  tips: {
    keepUsage: "<SỐ HỒ SƠ> --months <số tháng> --reason <lý do>",
    oneCase: "cần đúng một số hồ sơ, ví dụ HONGLOC-00012",
    dueUsage: "[--months <trong bao nhiêu tháng tới, mặc định 3>]",
    badMonths: "--months phải là số tháng từ 0 đến 120",
  },

  zalo: {
    authorizeUsage: "--redirect <địa chỉ chuyển về>",
    tokenUsage: "<mã cấp quyền>",
    error: "lỗi",
  },
} as const;
