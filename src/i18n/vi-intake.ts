// Tips that do not come by chat (issue 12): the officer's /nhaptin flow, the tip-box slips, the tip
// register (/sotinbao) and their admin commands. Source names are data (src/tips/sources.json).

const PERIOD_HINT = "Kỳ: tháng (11/2026) hoặc khoảng ngày (01/11/2026-15/11/2026); không ghi là tháng hiện tại.";

export const viIntake = {
  commands: {
    enter: {
      help: "/nhaptin — nhập tin báo nhận qua điện thoại, hòm thư tố giác, người dân đến báo trực tiếp hoặc cơ quan khác chuyển đến",
      menu: "Nhập tin báo không qua chatbot",
    },
    register: {
      help: [
        "/sotinbao — sổ tiếp nhận, xử lý tin báo (tệp Excel) của tháng hiện tại",
        "/sotinbao 11/2026 | 01/11/2026-15/11/2026 [trạng thái] [loại] [mã thôn] [nguồn] [cuatoi: tin đồng chí phụ trách] — ví dụ: /sotinbao 11/2026 daxuly hotline",
      ],
      menu: "Sổ tiếp nhận, xử lý tin báo (Excel)",
    },
  },

  flow: {
    forbidden: "Chỉ cán bộ công an xã (hoặc quản trị của xã) mới nhập được tin báo cho xã của mình.",
    askSource: "📝 Nhập tin báo không qua chatbot.\nTin báo này đồng chí nhận được từ đâu?",
    askSlip:
      "Gõ mã in trên phiếu hòm thư (8 ký tự, ví dụ 3467-ACDE). Người viết thư giữ phần cuống có cùng mã để theo dõi tin.\nThư không viết trên phiếu: bấm \"Không có phiếu\".",
    slipNotCode: "Đây không phải mã phiếu: mã gồm 8 ký tự chữ và số, ví dụ 3467-ACDE. Gõ lại, hoặc bấm \"Không có phiếu\".",
    slipUnknown: "Không tìm thấy phiếu có mã này trong các phiếu của xã. Kiểm tra lại mã trên phiếu, hoặc bấm \"Không có phiếu\".",
    slipUsed: "Phiếu có mã này đã được nhập vào một tin báo rồi. Nếu đây là thư khác, bấm \"Không có phiếu\".",
    slipOk: (village: string | null) => (village ? `Đúng phiếu của ${village}.` : "Đúng phiếu của xã."),
    askVillage: "Việc xảy ra ở thôn/xóm nào?",
    askCategory: "Tin báo thuộc loại nào?",
    askText:
      "Gõ nội dung tin báo như người báo đã nói hoặc viết: việc gì, ở đâu, khi nào. Không ghi họ tên, số điện thoại hay địa chỉ của người báo tin.",
    textEmpty: "Nội dung đang trống. Gõ nội dung tin báo.",
    textTooLong: (max: number, got: number) => `Nội dung dài ${got} ký tự, quá giới hạn ${max}. Rút gọn rồi gửi lại.`,
    useButtons: "Đồng chí bấm một nút bên dưới (hoặc gõ số của lựa chọn).",
    summaryTitle: "Kiểm tra tin báo trước khi lưu:",
    summarySource: "Nguồn tin",
    summarySlip: "Phiếu hòm thư",
    summarySlipYes: "có mã phiếu (người viết theo dõi được bằng mã)",
    summaryVillage: "Thôn/xóm",
    summaryCategory: "Loại tin",
    summaryText: "Nội dung",
    unknownVillage: "Không rõ thôn/xóm",
    saved: (caseNumber: string, source: string) =>
      `✅ Đã lưu tin báo ${caseNumber} (nguồn: ${source}). Tin được báo đến cán bộ của xã như tin báo qua chatbot và đi tiếp các bước tiếp nhận, xác minh, xử lý.`,
    savedOnSlip:
      "Tin gắn với mã trên phiếu: người viết thư gõ mã đó trên Zalo, Telegram hoặc trang web (lệnh /theodoi) để xem tin đến đâu và trả lời câu hỏi của cán bộ.",
    savedNoTipster: "Không có người báo tin trong chatbot: câu hỏi gửi người báo tin sẽ chỉ được lưu lại trong tin báo.",
    cancelled: "Đã hủy, chưa lưu tin báo nào.",
    expired: (minutes: number) => `Tin báo đồng chí đang nhập chưa được lưu và đã bị xóa sau ${minutes} phút không thao tác. Gõ /nhaptin để nhập lại.`,
    buttons: {
      noSlip: "Không có phiếu",
      save: "💾 Lưu tin báo",
      editText: "✏️ Sửa nội dung",
    },
  },

  stats: {
    bySource: "Theo nguồn tin:",
  },

  /** Under the new-tip alert of a tip an officer entered. */
  alertSource: (source: string) => `📝 Nguồn tin: ${source} (cán bộ nhập, không qua chatbot)`,

  questionNoTipster: (caseNumber: string) =>
    `Câu hỏi đã được lưu trong tin báo ${caseNumber}. Tin này không đến qua chatbot: người báo tin chỉ đọc được câu hỏi nếu họ có mã phiếu hòm thư và gõ mã đó trong chatbot.`,

  /** What a letter's writer reads the first time they open it with the slip's code. */
  slipBound: "Từ nay, câu hỏi của cán bộ về tin báo này sẽ được gửi đến bạn tại đây.",

  slips: {
    documentTitle: (commune: string) => `Phiếu hòm thư tố giác — xã ${commune}`,
    heading: "PHIẾU TỐ GIÁC TỘI PHẠM MA TÚY",
    place: (village: string | null, commune: string, province: string) => `${village ? `${village}, ` : ""}xã ${commune}, ${province}`,
    codeLabel: "Mã phiếu",
    writeTitle: "Viết rõ: việc gì, ở đâu (thôn, xóm, nhà, quán), khi nào, có những ai, dấu hiệu nhận biết.",
    anonymous: "Không cần ghi họ tên, địa chỉ của bạn. Viết xong, gấp phiếu và bỏ vào hòm thư tố giác của thôn.",
    falseReport: "Cố ý báo tin sai sự thật là vi phạm pháp luật.",
    cut: "✂ Xé theo đường này — giữ lại phần dưới",
    stubTitle: "PHẦN GIỮ LẠI — đừng đưa cho ai",
    stubHow: [
      "Vài ngày sau khi bỏ thư, mở Zalo hoặc Telegram (Pháo Đài), hoặc trang web bên cạnh, gõ /theodoi rồi gõ mã phiếu trên đây.",
      "Bạn sẽ xem được tin báo đã được công an xã xử lý đến đâu, đọc và trả lời câu hỏi của cán bộ, gửi thêm thông tin.",
      "Ai có mã này đều xem được tin: giữ kín, đọc xong thì xé bỏ phần này nếu không cần nữa.",
    ],
    webLabel: "Trang web báo tin, theo dõi tin",
    hotline: (number: string) => `Đường dây nóng công an xã: ${number}`,
    emergency: "Khẩn cấp: gọi 113",
    sample: "DỮ LIỆU MẪU — KHÔNG DÙNG",
  },

  register: {
    sheet: "Sổ tin báo",
    infoSheet: "Thông tin",
    columns: ["STT", "Số tin báo", "Ngày nhận tin", "Ngày tiếp nhận xử lý", "Ngày kết thúc", "Trạng thái", "Loại tin", "Thôn/xóm", "Nguồn tin", "Số ngày quá hạn", "Kết quả xử lý", "Cán bộ phụ trách"],
    /** The filter word for "the tips I am responsible for" (unaccented, as typed after /sotinbao). */
    mineWord: "cuatoi",
    mine: (name: string) => `Cán bộ phụ trách: ${name}`,
    title: "SỔ TIẾP NHẬN, XỬ LÝ TIN BÁO VỀ MA TÚY",
    commune: "Xã",
    period: "Kỳ",
    periodText: (from: string, to: string) => `từ ${from} đến ${to}`,
    filters: "Lọc",
    noFilters: "không lọc",
    generated: "Lập lúc",
    total: "Số tin báo",
    overdueRule: (days: number) =>
      `Số ngày quá hạn: số ngày quá thời hạn giải quyết tin báo (${days} ngày kể từ khi tiếp nhận, cộng các lần gia hạn đã ghi; tin chưa tiếp nhận tính từ khi nhận tin; Điều 147 Bộ luật Tố tụng hình sự 2015) mà chưa có kết quả; 0 là đúng hạn.`,
    privacy: "Sổ không ghi thông tin nào về người báo tin.",
    unknownVillage: "Không rõ",
    fileStem: (communeCode: string, from: string, to: string) => `so-tin-bao-${communeCode}-${from}-${to}`,
    caption: (period: string, count: number) => `📒 Sổ tiếp nhận, xử lý tin báo ${period}: ${count} tin.`,
    working: "Đang lập sổ tin báo…",
    none: (period: string) => `Không có tin báo nào ${period} theo bộ lọc này.`,
    badWord: (word: string) =>
      `Không hiểu "${word}". ${PERIOD_HINT} Lọc theo trạng thái (moi, tiepnhan, xacminh, daxuly, khongcoso), loại tin (ví dụ selling), mã thôn hoặc nguồn (hotline, tipbox, in_person, agency, chat).`,
    badPeriod: "Khoảng ngày không hợp lệ: ngày đầu phải trước ngày cuối, và không quá 366 ngày.",
    forbidden: "Chỉ cán bộ, lãnh đạo công an xã mới xem được sổ tin báo của xã mình.",
    unavailable: "Máy chủ này không lập được tệp Excel. Quản trị lập sổ bằng lệnh: npm run admin -- register",
  },

  cli: {
    slipsUsage: "--commune <MÃ XÃ> [--village <MÃ THÔN>] [--count 4] --out <tệp.html> [--url <địa chỉ web>]",
    slipsSummary: "In phiếu hòm thư tố giác cho từng thôn: mỗi phiếu một mã tiếp nhận mới để người viết thư theo dõi tin",
    slipsWritten: (n: number, villages: number, path: string) =>
      `Đã tạo ${n} phiếu cho ${villages} thôn vào ${path}. Mở tệp bằng trình duyệt và in khổ A4. Mã chỉ có trên giấy: máy chủ không lưu được mã nào ở dạng đọc được, tệp này in xong thì xóa.`,
    badCount: (max: number) => `--count phải là số từ 1 đến ${max}`,
    registerUsage:
      "--commune <MÃ XÃ> [--month 2026-11 | --from 2026-11-01 --to 2026-11-30] [--status daxuly] [--category selling] [--village <MÃ THÔN>] [--source hotline] [--officer <tên hoặc số cán bộ>] --out <tệp.xlsx>",
    registerSummary: "Lập sổ tiếp nhận, xử lý tin báo của một xã (tệp Excel, một dòng mỗi tin báo, không có thông tin người báo)",
    registerWritten: (n: number, path: string) => `Đã ghi sổ tin báo (${n} tin) vào ${path}.`,
    badDate: (text: string) => `ngày "${text}" không đúng dạng YYYY-MM-DD`,
    badMonth: (text: string) => `tháng "${text}" không đúng dạng YYYY-MM`,
    badFilter: (flag: string, value: string) => `${flag} "${value}" không có trong danh sách`,
    monthOrRange: "dùng --month, hoặc cả --from và --to",
    missing: (flag: string) => `thiếu ${flag}`,
    villageUnknown: (code: string, commune: string) => `Xã ${commune} không có thôn mã ${code}.`,
  },
} as const;
