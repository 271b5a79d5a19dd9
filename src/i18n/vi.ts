// Every word a user reads, in Vietnamese with full diacritics. Code picks strings from here only.
import { viCommon } from "./vi-common.js";

const EMERGENCY = "Trường hợp khẩn cấp, hãy gọi ngay 113.";
const NATIONAL_HOTLINE = "Đường dây nóng phòng, chống ma túy toàn quốc: 0769.04.04.04 (gọi, nhắn tin hoặc Zalo).";

export const vi = {
  emergency: EMERGENCY,
  buttons: {
    report: "🚨 Tố giác ma túy",
    followUp: "🔎 Tôi đã có mã tiếp nhận",
    privacy: "🛡️ Bảo mật & quyền của bạn",
    help: "❓ Hướng dẫn",
    back: viCommon.back,
    cancel: viCommon.cancel,
    searchAgain: "🔍 Tìm xã khác",
    otherCommune: "🔍 Chọn xã khác",
    villageUnknown: "Không rõ thôn/xóm",
    continue: "Tiếp tục ➡️",
    skipMedia: "Không có, tiếp tục ➡️",
    submit: "✅ Gửi tin báo",
    editText: "✏️ Sửa nội dung",
    addInfo: "✍️ Gửi thêm thông tin / trả lời",
    refreshStatus: "🔄 Xem lại trạng thái",
    exit: "✖️ Thoát",
    done: "✔️ Xong",
    locationYes: "📍 Đúng, đây là nơi xảy ra",
    locationNo: "✖️ Không, bỏ vị trí này",
    replyToOfficer: "💬 Trả lời cán bộ",
    take: "📥 Tiếp nhận",
    verify: "🔍 Đang xác minh",
    resolve: "✅ Đã xử lý",
    unfounded: "🚫 Không có cơ sở",
    ask: "💬 Hỏi người báo tin",
    view: (caseNumber: string) => `Xem ${caseNumber}`,
  },

  status: {
    new: "Mới, chờ tiếp nhận",
    taken: "Đã tiếp nhận",
    verifying: "Đang xác minh",
    done: "Đã xử lý",
    unfounded: "Không có cơ sở",
  } as Record<string, string>,

  // What a tipster may read about their tip: plain and without officers' names.
  statusForTipster: {
    new: "Tin báo đã đến công an xã và đang chờ cán bộ tiếp nhận.",
    taken: "Cán bộ công an xã đã tiếp nhận tin báo của bạn.",
    verifying: "Công an xã đang xác minh thông tin bạn cung cấp.",
    done: "Công an xã đã xử lý xong tin báo này. Cảm ơn bạn.",
    unfounded: "Công an xã đã xác minh và kết thúc tin báo này. Cảm ơn bạn đã quan tâm.",
  } as Record<string, string>,

  welcome: [
    "Xin chào! Đây là kênh tiếp nhận tin báo về ma túy của công an xã.",
    "Bạn không cần cho biết họ tên hay số điện thoại. Công an xã sẽ không biết bạn là ai.",
    EMERGENCY,
  ].join("\n\n"),

  falseReportNote:
    "Xin lưu ý: cố ý báo tin sai sự thật là hành vi bị pháp luật xử lý. Nếu bạn chỉ nghi ngờ, cứ báo và nói rõ là nghi ngờ.",

  privacy: [
    "🛡️ Điều chúng tôi bảo vệ:",
    "• Hệ thống không lưu tên, số điện thoại, tên tài khoản hay mã tài khoản của bạn. Mỗi người được thay bằng một bí danh mã hóa không thể dịch ngược.",
    "• Cán bộ chỉ nhận bản sao nội dung tin báo, không bao giờ thấy bạn là ai và không thể nhắn trực tiếp cho bạn.",
    "• Địa chỉ để hệ thống gửi câu hỏi của cán bộ cho bạn được mã hóa, tự xóa sau khi tin báo kết thúc, và bạn có thể xóa ngay bằng lệnh /xoadulieu.",
    "• Ảnh gửi dạng tệp (giữ nguyên vị trí GPS trong ảnh) sẽ bị từ chối để bảo vệ bạn. Ảnh, video và ghi âm được máy chủ làm sạch (xóa vị trí, tên máy, tên người tạo) trước khi cán bộ nhận.",
    "• Vị trí bạn chia sẻ cho biết chính xác một điểm trên bản đồ. Hệ thống sẽ hỏi lại trước khi gửi: chỉ gửi vị trí nơi xảy ra sự việc, đừng gửi khi đang ở nhà, vì vị trí đó có thể cho biết bạn ở đâu.",
    "",
    "⚠️ Điều chúng tôi không thể bảo vệ:",
    "• Công ty cung cấp ứng dụng nhắn tin (Telegram, Zalo) vẫn biết tài khoản của bạn đã nhắn cho kênh này.",
    "• Nội dung bạn viết có thể tự làm lộ bạn (ví dụ: \"nhà tôi ở cạnh…\"). Hãy cân nhắc chi tiết.",
    "• Người cầm điện thoại của bạn có thể đọc tin nhắn: hãy xóa đoạn chat nếu cần.",
    "",
    "Theo Bộ luật Tố tụng hình sự, người cung cấp thông tin được giữ bí mật và được bảo vệ.",
  ].join("\n"),


  flow: {
    askCommune: "Bước 1/5 — Bạn muốn báo tin cho xã, phường nào? Hãy gõ tên xã (có dấu hoặc không dấu), ví dụ: Hồng Lộc.",
    communeNotFound: (query: string) =>
      `Không tìm thấy xã nào có tên "${query}". Hãy gõ lại tên xã, có thể gõ không dấu hoặc chỉ một phần tên.`,
    communeResults: "Chọn đúng xã của bạn:",
    communePicked: (commune: string) => `Đã chọn xã ${commune}. Nếu không phải xã bạn muốn báo, bấm "Chọn xã khác".`,
    askCategory: (commune: string) => `Bước 2/5 — Xã ${commune}. Bạn muốn báo về việc gì?`,
    askVillage: "Bước 3/5 — Việc này xảy ra ở thôn, xóm, bản nào? Nếu không rõ, chọn \"Không rõ thôn/xóm\".",
    noVillages: "Bước 3/5 — Xã này chưa có danh sách thôn. Chọn \"Không rõ thôn/xóm\" để tiếp tục.",
    askText:
      "Bước 4/5 — Hãy kể điều bạn biết: việc gì, ở đâu, khi nào, có những ai, dấu hiệu nhận biết (xe, nhà, giờ giấc…). Bạn có thể gõ chữ hoặc gửi tin nhắn thoại.",
    textTooLong: (max: number, got: number) =>
      `Nội dung dài ${got} ký tự, vượt quá ${max} ký tự. Hãy viết ngắn lại, hoặc gửi phần chính trước rồi bổ sung sau khi có mã tiếp nhận.`,
    textEmpty: "Bạn chưa viết gì. Hãy gõ vài dòng kể điều bạn biết.",
    askMedia:
      "Bước 5/5 — Bạn có thể gửi thêm ảnh, video, tin nhắn thoại hoặc vị trí (không bắt buộc). Gửi xong thì bấm \"Tiếp tục\".",
    /** The web chat names its own buttons (bots/webchat/page.ts). */
    askTextWeb:
      "Bước 4/5 — Hãy kể điều bạn biết: việc gì, ở đâu, khi nào, có những ai, dấu hiệu nhận biết (xe, nhà, giờ giấc…). Hãy gõ chữ vào ô bên dưới, hoặc bấm 🎤 Ghi âm để gửi tin nhắn thoại.",
    askMediaWeb:
      "Bước 5/5 — Bạn có thể gửi thêm ảnh (nút 📷 Ảnh), video (🎬 Video), tin nhắn thoại (🎤 Ghi âm) hoặc vị trí (📍 Vị trí), không bắt buộc. Gửi xong thì bấm \"Tiếp tục\".",
    /** `received`: what came so far, e.g. "1 ảnh và 1 vị trí" (receivedList). */
    mediaAdded: (received: string) => `Đã nhận ${received}. Gửi thêm hoặc bấm "Tiếp tục".`,
    mediaLimit: (max: number) => `Mỗi tin báo nhận tối đa ${max} tệp đính kèm. Bấm "Tiếp tục" để xem lại tin báo.`,
    imageAsFile:
      "Ảnh gửi dạng tệp còn giữ thông tin vị trí GPS và máy chụp, có thể làm lộ bạn, nên hệ thống không nhận. Hãy gửi lại dưới dạng ảnh thường (không chọn \"gửi dạng tệp\").",
    documentRefused: "Hệ thống không nhận tệp tài liệu vì tệp có thể chứa thông tin về người tạo. Hãy chụp ảnh màn hình hoặc gõ nội dung.",
    stickerIgnored: "Hệ thống không dùng được nhãn dán này. Hãy gõ chữ hoặc dùng các nút bên dưới.",
    unsupported: "Hệ thống chưa xử lý được loại tin nhắn này. Hãy gõ chữ hoặc dùng các nút bên dưới.",
    useButtons: "Hãy chọn một trong các nút bên dưới, hoặc gõ /huy để hủy.",
    mediaWhere: "Bạn đang ở bước kể sự việc: hãy gõ vài dòng trước. Ảnh, video và vị trí gửi ở bước sau.",
    locationConfirm:
      "📍 Vị trí này có phải là nơi xảy ra sự việc không?\nVị trí cho biết chính xác một điểm trên bản đồ. Nếu đó là nơi bạn đang ở hoặc nhà của bạn, đừng gửi: nó có thể làm lộ bạn.",
    locationKept: "📍 Đã thêm vị trí nơi xảy ra sự việc.",
    locationDropped: "Đã bỏ vị trí này, không gửi cho cán bộ. Bạn có thể chia sẻ vị trí khác, hoặc gõ tên địa điểm (ví dụ: \"bãi sông sau chợ\").",
    locationPending: "Hãy trả lời câu hỏi về vị trí trước: đây có phải nơi xảy ra sự việc không?",
    summaryTitle: "📋 Xem lại tin báo trước khi gửi:",
    summaryCommune: "Xã",
    summaryVillage: "Thôn/xóm",
    summaryCategory: "Loại việc",
    summaryText: "Nội dung",
    summaryVoice: "(tin nhắn thoại)",
    summaryAttachments: "Đính kèm",
    summaryNoAttachments: "không có",
    summaryConfirm: "Nếu đúng, bấm \"Gửi tin báo\".",
    unknownVillage: "không rõ",
    cancelled: "Đã hủy. Bản nháp tin báo đã được xóa hoàn toàn. Khi cần, bạn chọn một việc bên dưới.",
    nothingToCancel: "Không có việc gì đang dở. Bạn chọn một việc bên dưới.",
    /** A stored conversation no current flow can read (after an upgrade, or a damaged row). */
    stateReset: "Việc đang làm dở không thể tiếp tục vì hệ thống vừa được cập nhật. Xin bắt đầu lại từ đầu.",
    draftExpired: (minutes: number) =>
      `Bản tin báo chưa gửi của bạn đã bị xóa vì quá ${minutes} phút không có thao tác. Gõ /start để bắt đầu lại.`,
    villageFixed: (village: string, commune: string) => `Bạn đang báo tin cho ${village}, xã ${commune}.`,
    deepLinkUnknown: "Mã thôn trong đường dẫn không còn đúng. Hãy chọn xã bằng cách gõ tên.",
    groupOnly:
      "Để giữ bí mật cho bạn, hãy nhắn riêng cho bot để báo tin, không báo tin trong nhóm.",
    submitted: (code: string) =>
      [
        "✅ Tin báo đã được gửi đến công an xã. Cảm ơn bạn!",
        "",
        `🔑 Mã tiếp nhận của bạn: ${code}`,
        "Hãy ghi lại mã này (chụp màn hình hoặc chép ra giấy). Đây là cách duy nhất để xem trạng thái, đọc câu hỏi của cán bộ và gửi thêm thông tin — từ bất kỳ ứng dụng nào (Zalo, Telegram, trang web). Hệ thống không lưu mã này, nên không thể cấp lại.",
      ].join("\n"),
    whatNext: (hotline: string | null) =>
      [
        "Điều gì xảy ra tiếp theo:",
        "• Cán bộ công an xã nhận tin ngay và sẽ xác minh.",
        "• Nếu cần hỏi thêm, cán bộ sẽ nhắn qua kênh này mà không biết bạn là ai.",
        "• Gõ /theodoi và nhập mã để xem trạng thái bất cứ lúc nào.",
        "",
        hotline ? `Đường dây nóng công an xã: ${hotline}.` : NATIONAL_HOTLINE,
        EMERGENCY,
      ].join("\n"),
    messageFlood: "Bạn đang gửi tin nhắn quá nhanh. Vui lòng chờ một chút rồi gửi tiếp.",
  },

  followUp: {
    askCode: "Nhập mã tiếp nhận của bạn (8 ký tự, ví dụ: AB3D-7KMN):",
    badCode: "Mã tiếp nhận không đúng. Hãy kiểm tra lại từng ký tự rồi nhập lại, hoặc bấm \"Hủy\".",
    tooManyTries: "Bạn đã nhập sai mã quá nhiều lần. Vui lòng thử lại sau một giờ.",
    busy: "Hệ thống đang nhận quá nhiều lần nhập mã. Vui lòng chờ một phút rồi nhập lại.",
    header: (date: string, category: string) => `🔎 Tin báo gửi ngày ${date} — ${category}`,
    statusLine: (text: string) => `Trạng thái: ${text}`,
    questionsTitle: "Câu hỏi của cán bộ:",
    noQuestions: "Chưa có câu hỏi nào từ cán bộ.",
    questionLine: (date: string, text: string) => `• (${date}) ${text}`,
    answerLine: (date: string, text: string) => `   ↳ Bạn (${date}): ${text}`,
    askAddition:
      "Gõ thông tin bạn muốn bổ sung hoặc câu trả lời cho cán bộ. Bạn cũng có thể gửi ảnh, video, tin nhắn thoại hoặc vị trí. Gửi xong bấm \"Xong\".",
    additionSaved: "Đã chuyển thông tin bổ sung đến cán bộ. Gửi tiếp hoặc bấm \"Xong\".",
    exited: "Đã đóng tin báo này. Muốn xem lại, bấm \"Tôi đã có mã tiếp nhận\" và nhập mã.",
    /** Hủy while adding: what was sent already went through. */
    addingStopped: "Đã dừng gửi thêm. Những gì bạn gửi trước đó đã đến cán bộ.",
    codeCancelled: "Đã hủy. Khi cần, bạn chọn một việc bên dưới.",
    closed: "Tin báo này đã kết thúc, không nhận thêm thông tin. Nếu có việc khác, hãy gõ /start để báo tin mới.",
  },

  tipster: {
    question: (date: string, text: string) =>
      [
        `💬 Cán bộ công an xã hỏi thêm về tin báo bạn gửi ngày ${date}:`,
        "",
        text,
        "",
        "Bấm \"Trả lời cán bộ\" để trả lời. Cán bộ không biết bạn là ai.",
      ].join("\n"),
    taken: (date: string) => `📥 Tin báo bạn gửi ngày ${date} đã được cán bộ công an xã tiếp nhận.`,
    replyPrompt: "Gõ câu trả lời của bạn (có thể gửi kèm ảnh, vị trí). Gửi xong bấm \"Xong\"; không trả lời nữa thì bấm \"Hủy\".",
    replyNotYours: "Không mở được tin báo này từ đây. Hãy gõ /theodoi và nhập mã tiếp nhận.",
  },

  erase: {
    done: (count: number) =>
      count > 0
        ? `Đã xóa địa chỉ liên lạc của bạn khỏi ${count} tin báo. Cán bộ không thể nhắn cho bạn qua kênh này nữa; bạn vẫn dùng được mã tiếp nhận để xem câu hỏi và trả lời.`
        : "Hệ thống không còn lưu địa chỉ liên lạc nào của bạn. Bản nháp (nếu có) cũng đã được xóa.",
  },

  media: {
    photo: "ảnh",
    video: "video",
    voice: "tin nhắn thoại",
    audio: "tệp âm thanh",
    location: "vị trí",
    document: "tệp",
    /** After the kind of a video or recording that could not be cleaned (withheldFileLine). */
    withheldFile: "kèm theo đã được giữ lại, không chuyển đi: hệ thống không xóa được những thông tin trong tệp có thể làm lộ người gửi (vị trí, tên, thiết bị).",
  } as Record<string, string>,

  web: {
    mediaElsewhere: (kind: string) => `[${kind} — mở trên Telegram hoặc Zalo để xem]`,
    /** Shown instead of the receipt-code message once the browser has it: the server keeps no copy. */
    secretGone: "🔑 Tin nhắn chứa mã tiếp nhận đã được xóa khỏi máy chủ để bảo vệ bạn. Nếu bạn chưa ghi lại mã, hãy xem lại ảnh chụp màn hình hoặc giấy đã ghi.",
  },

  errors: {
    generic: "Xin lỗi, hệ thống gặp trục trặc khi xử lý tin nhắn này. Tin nhắn của bạn không bị mất; vui lòng thử lại sau ít phút.",
    /** The page shown while the server waits for its database (read-only, full disk) at start. */
    storageStandby: `Pháo Đài tạm thời chưa nhận được tin vì máy chủ đang gặp sự cố lưu trữ. Vui lòng thử lại sau ít phút. ${EMERGENCY}`,
  },
} as const;

/** The line an officer gets instead of a video or recording withheld because it could not be made safe. */
export function withheldFileLine(kind: string): string {
  const name = vi.media[kind] ?? kind;
  return `⚠️ ${name.charAt(0).toUpperCase()}${name.slice(1)} ${vi.media.withheldFile}`;
}
