// Duplicates and spam on a tip (issue 12): "Trùng tin" with the original's case number, "Tin rác"
// behind a confirmation, and "Không phải tin rác" to undo it. Officers never learn who sent a tip.
export const viMarks = {
  buttons: {
    duplicate: "🔁 Trùng tin",
    spam: "🗑 Tin rác",
    notSpam: "↩️ Không phải tin rác",
    confirmSpam: "🗑 Đúng, đánh dấu tin rác",
    confirmNotSpam: "↩️ Đúng, không phải tin rác",
  },

  timeline: {
    duplicateOf: (time: string, who: string, caseNumber: string) => `• ${time} — ${who} đánh dấu trùng với ${caseNumber}`,
    duplicateIn: (time: string, who: string, caseNumber: string) => `• ${time} — ${who} ghi nhận tin trùng: ${caseNumber}`,
    duplicateDetail: (time: string, text: string) => `• ${time} — người báo tin của một tin trùng gửi thêm: ${text}`,
    spamMarked: (time: string, who: string) => `• ${time} — ${who} đánh dấu tin rác`,
    spamUnmarked: (time: string, who: string) => `• ${time} — ${who} xác định không phải tin rác`,
  },

  /** The same events in the staff console's timeline (src/console/tips.tsx): no time, no bullet. */
  console: {
    duplicateOf: (who: string, caseNumber: string) => `${who} đánh dấu trùng với ${caseNumber}`,
    duplicateIn: (who: string, caseNumber: string) => `${who} ghi nhận tin trùng: ${caseNumber}`,
    duplicateDetail: (text: string) => `Người báo tin của một tin trùng gửi thêm: ${text}`,
    spamMarked: (who: string) => `${who} đánh dấu tin rác`,
    spamUnmarked: (who: string) => `${who} xác định không phải tin rác`,
  },

  duplicate: {
    ask: (caseNumber: string) => `Gõ số hiệu tin báo gốc mà tin ${caseNumber} trùng với (ví dụ HONGLOC-00012, hoặc chỉ số 12). Tin ${caseNumber} sẽ kết thúc, thông tin bổ sung của người báo tin sẽ chuyển sang tin gốc. Bấm "Hủy" nếu không đánh dấu.`,
    empty: "Số hiệu đang trống. Hãy gõ số hiệu tin báo gốc hoặc bấm \"Hủy\".",
    unknown: (typed: string) => `Xã không có tin báo số hiệu "${typed}". Hãy kiểm tra lại (số hiệu có dạng HONGLOC-00012) hoặc bấm "Hủy".`,
    otherCommune: (typed: string) => `Tin ${typed} không phải tin báo của xã. Chỉ đánh dấu trùng với tin báo của cùng xã. Gõ số hiệu khác hoặc bấm "Hủy".`,
    same: (caseNumber: string) => `Đó chính là tin ${caseNumber}. Hãy gõ số hiệu của tin báo gốc khác hoặc bấm "Hủy".`,
    originalClosed: (caseNumber: string) => `Tin gốc ${caseNumber} đã kết thúc hoặc đang chờ xem xét, không nhận tin trùng được. Hãy mở lại tin gốc trước, hoặc kết thúc tin này bình thường. Gõ số hiệu khác hoặc bấm "Hủy".`,
    done: (caseNumber: string, original: string) => `🔁 Đã đánh dấu ${caseNumber} trùng với ${original}. Tin ${caseNumber} đã kết thúc; người báo tin nhận thông báo như mọi tin đã xử lý, thông tin họ gửi thêm sẽ chuyển sang ${original}.`,
    cancelled: "Đã hủy, tin báo không bị đánh dấu trùng.",
    thread: (caseNumber: string, original: string, who: string) => `🔁 ${caseNumber}: ${who} đánh dấu trùng với ${original}.`,
    detailAlert: (original: string, duplicate: string, text: string) => `📎 BỔ SUNG cho tin báo ${original} (từ người báo tin trùng ${duplicate}):\n${text}`,
  },

  spam: {
    confirm: (caseNumber: string) => `Đánh dấu tin ${caseNumber} là tin rác? Tin báo sẽ kết thúc. Nếu cùng một người gửi nhiều tin rác, tin sau của họ sẽ vào hàng chờ xem xét thay vì báo ngay; không ai biết người đó là ai. Bấm "Hủy" nếu không đánh dấu.`,
    confirmUndo: (caseNumber: string) => `Xác nhận tin ${caseNumber} không phải tin rác? Dấu tin rác được gỡ bỏ và tin báo được mở lại để xem xét. Bấm "Hủy" nếu không đổi.`,
    useButtons: "Hãy bấm nút xác nhận bên dưới, hoặc bấm \"Hủy\".",
    done: (caseNumber: string) => `🗑 Đã đánh dấu ${caseNumber} là tin rác và kết thúc tin báo.`,
    undone: (caseNumber: string) => `↩️ Đã gỡ dấu tin rác của ${caseNumber}.`,
    undoneReopened: (caseNumber: string) => `↩️ Đã gỡ dấu tin rác của ${caseNumber} và mở lại tin báo để xem xét.`,
    notMarked: (caseNumber: string) => `Tin ${caseNumber} không mang dấu tin rác.`,
    reopenReason: "Không phải tin rác",
    cancelled: "Đã hủy, không có gì thay đổi.",
    thread: (caseNumber: string, who: string) => `🗑 ${caseNumber}: ${who} đánh dấu tin rác.`,
  },

  /** To a duplicate's tipster adding details: where they went (nothing of the other tip). */
  tipster: {
    forwarded: "Đã chuyển thông tin bổ sung đến cán bộ đang xử lý vụ việc. Gửi tiếp hoặc bấm \"Xong\".",
    textOnly: "Tin báo này đang được xử lý cùng một tin khác: hãy gõ thông tin bổ sung bằng chữ. Gửi tiếp hoặc bấm \"Xong\".",
  },
} as const;
