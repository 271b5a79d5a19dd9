// A tip's life after it is taken (issue 12): the responsible officer, internal notes, the timeline,
// closing with a result, reopening, deadlines and their reminders; and the tipster's closing notice.
export const viCase = {
  buttons: {
    note: "📝 Ghi chú",
    assign: "👤 Giao cán bộ khác",
    extend: "⏳ Gia hạn",
    reopen: "🔓 Mở lại",
    files: (n: number) => `📎 Xem tệp đính kèm (${n})`,
    skipNote: "Bỏ qua, không ghi chú ➡️",
    askAgain: "💬 Hỏi tiếp",
    open: (caseNumber: string) => `📂 Mở ${caseNumber}`,
    officer: (name: string) => `👤 ${name}`,
  },

  view: {
    officer: (name: string) => `Người phụ trách: ${name}`,
    noOfficer: "Người phụ trách: chưa có",
    due: (date: string) => `Hạn xác minh: ${date} (Điều 147 Bộ luật Tố tụng hình sự)`,
    overdue: (date: string, days: number) => `⏰ QUÁ HẠN ${days} ngày (hạn ${date})`,
    result: (label: string) => `Kết quả: ${label}`,
    timelineTitle: "Diễn biến:",
    timelineMore: (n: number) => `(… và ${n} mục trước đó)`,
    previousTip: (caseNumber: string) => `Tin báo mới từ chi tiết gửi thêm cho tin đã kết thúc ${caseNumber}.`,
  },

  /** One line per event of the timeline: `who` is the staff member's name and role, never a citizen. */
  timeline: {
    created: (time: string) => `• ${time} — tin báo đến`,
    status: (time: string, who: string, status: string) => `• ${time} — ${who}: chuyển sang "${status}"`,
    note: (time: string, who: string, text: string) => `• ${time} — ${who} ghi chú: ${text}`,
    question: (time: string, who: string, text: string) => `• ${time} — ${who} hỏi người báo tin: ${text}`,
    answer: (time: string, text: string) => `• ${time} — người báo tin gửi thêm: ${text}`,
    assigned: (time: string, who: string, to: string) => `• ${time} — ${who} giao cho ${to} phụ trách`,
    extended: (time: string, who: string, reason: string) => `• ${time} — ${who} gia hạn xác minh. Lý do: ${reason}`,
    reopened: (time: string, who: string, reason: string) => `• ${time} — ${who} mở lại tin báo. Lý do: ${reason}`,
    reopenedByDetail: (time: string) => `• ${time} — người báo tin gửi thêm chi tiết, tin báo được mở lại để xem xét`,
    result: (time: string, who: string, label: string) => `• ${time} — ${who} ghi kết quả: ${label}`,
    escalated: (time: string) => `• ${time} — nhắc lại vì chưa có cán bộ tiếp nhận`,
    deadline: (time: string) => `• ${time} — nhắc hạn xác minh`,
    staffGone: "cán bộ",
    system: "hệ thống",
  },

  note: {
    ask: (caseNumber: string) => `Gõ ghi chú nội bộ cho tin báo ${caseNumber}. Ghi chú chỉ cán bộ xem, người báo tin không bao giờ thấy. Bấm "Hủy" nếu không ghi nữa.`,
    empty: "Ghi chú đang trống. Hãy gõ nội dung hoặc bấm \"Hủy\".",
    saved: (caseNumber: string) => `✅ Đã lưu ghi chú cho ${caseNumber}.`,
    cancelled: "Đã hủy, không lưu ghi chú nào.",
  },

  assign: {
    choose: (caseNumber: string) => `Chọn cán bộ công an xã sẽ phụ trách tin báo ${caseNumber}:`,
    nobody: (caseNumber: string) => `Xã chưa có cán bộ công an nào khác để giao tin báo ${caseNumber}.`,
    done: (caseNumber: string, name: string) => `✅ Đã giao tin báo ${caseNumber} cho ${name} phụ trách.`,
    same: (caseNumber: string, name: string) => `${name} đang phụ trách tin báo ${caseNumber} rồi.`,
    badOfficer: "Không giao được cho người này: họ không phải cán bộ công an đang hoạt động của xã.",
    toNew: (caseNumber: string, by: string) => `👤 ${by} đã giao tin báo ${caseNumber} cho đồng chí phụ trách. Bấm nút bên dưới để xem tin báo.`,
    toPrevious: (caseNumber: string, by: string, to: string) => `👤 ${by} đã chuyển tin báo ${caseNumber} cho ${to} phụ trách. Đồng chí không còn phụ trách tin này.`,
  },

  close: {
    chooseResult: (caseNumber: string, status: string) => `Kết thúc tin báo ${caseNumber} với trạng thái "${status}". Chọn kết quả xử lý:`,
    askNote: (result: string) => `Kết quả: ${result}. Gõ ghi chú (nếu có), hoặc bấm "Bỏ qua".`,
    useResults: "Hãy chọn một kết quả trong danh sách, hoặc bấm \"Hủy\".",
    done: (caseNumber: string, status: string, result: string) => `✅ ${caseNumber}: đã chuyển sang "${status}", kết quả: ${result}.`,
    cancelled: "Đã hủy, tin báo chưa được kết thúc.",
  },

  reopen: {
    ask: (caseNumber: string) => `Gõ lý do mở lại tin báo ${caseNumber}. Bấm "Hủy" nếu không mở lại.`,
    empty: "Lý do đang trống. Hãy gõ lý do hoặc bấm \"Hủy\".",
    done: (caseNumber: string) => `🔓 Đã mở lại tin báo ${caseNumber}, chuyển sang "Đang xác minh".`,
    cancelled: "Đã hủy, tin báo vẫn kết thúc.",
    notYours: "Chỉ cán bộ phụ trách tin báo này hoặc lãnh đạo xã mới mở lại được.",
    thread: (caseNumber: string, who: string, reason: string) => `🔓 ${caseNumber}: ${who} mở lại tin báo. Lý do: ${reason}`,
    byDetail: (caseNumber: string) => `🔓 ${caseNumber}: người báo tin gửi thêm chi tiết cho tin đã kết thúc, tin báo được mở lại để xem xét.`,
  },

  extend: {
    ask: (caseNumber: string, date: string) => `Gõ lý do gia hạn xác minh tin báo ${caseNumber} (hạn mới: ${date}). Bấm "Hủy" nếu không gia hạn.`,
    empty: "Lý do đang trống. Hãy gõ lý do hoặc bấm \"Hủy\".",
    done: (caseNumber: string, date: string) => `⏳ Đã gia hạn xác minh tin báo ${caseNumber} đến ${date}.`,
    noMore: (caseNumber: string) => `Tin báo ${caseNumber} đã hết số lần gia hạn theo Điều 147 Bộ luật Tố tụng hình sự.`,
    noDeadline: (caseNumber: string) => `Tin báo ${caseNumber} chưa có hạn xác minh (chưa được tiếp nhận).`,
    cancelled: "Đã hủy, hạn xác minh không đổi.",
  },

  remind: {
    officer: (caseNumber: string, date: string) => `⏳ NHẮC HẠN: tin báo ${caseNumber} đồng chí phụ trách phải có kết quả xác minh trước ${date}.`,
    leaders: (caseNumber: string, date: string, commune: string, officer: string) =>
      `⚠️ BÁO CÁO LÃNH ĐẠO: tin báo ${caseNumber} của xã ${commune} đã đến hạn xác minh (${date}) mà chưa có kết quả. Người phụ trách: ${officer}.`,
  },

  noFiles: (caseNumber: string) => `Tin báo ${caseNumber} không có tệp đính kèm nào (hoặc đã bị xóa khi hết thời hạn lưu).`,

  refused: {
    closed: (caseNumber: string) => `${caseNumber} đã kết thúc: chỉ có thể mở lại.`,
    notNow: (caseNumber: string, status: string) => `${caseNumber} đang ở trạng thái "${status}", không thể thực hiện việc này.`,
  },

  listOverdue: (days: number) => `⏰ quá hạn ${days} ngày`,

  /** To the tipster, neutral: nothing of what was found, decided or noted. */
  tipster: {
    closed: (date: string) =>
      [
        `✅ Tin báo bạn gửi ngày ${date} đã được công an xã xem xét, giải quyết xong.`,
        "Cảm ơn bạn đã chung tay giữ bình yên cho thôn xóm.",
        "Nếu có thông tin mới, bạn gõ /start để báo tin mới, hoặc gõ /theodoi và nhập mã tiếp nhận để gửi thêm.",
      ].join("\n"),
    reopenedByDetail: "Đã chuyển thông tin bổ sung đến cán bộ. Tin báo được mở lại để cán bộ xem xét. Gửi tiếp hoặc bấm \"Xong\".",
    /** A detail on a tip closed long ago becomes a new tip: its own receipt code, kept like the first. */
    newLinked: (code: string) =>
      [
        "✅ Tin báo cũ đã kết thúc từ lâu, nên thông tin bạn gửi được ghi thành tin báo mới và đã chuyển đến công an xã.",
        "",
        `🔑 Mã tiếp nhận mới của bạn: ${code}`,
        "Hãy ghi lại mã này (chụp màn hình hoặc chép ra giấy). Hệ thống không lưu mã này, nên không thể cấp lại.",
      ].join("\n"),
    newLinkedTextFirst: "Tin báo cũ đã kết thúc từ lâu. Hãy gõ vài dòng mô tả trước để ghi thành tin báo mới, rồi gửi ảnh, vị trí sau.",
  },
} as const;
