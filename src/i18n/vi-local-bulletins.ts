// Bulletins written by the commune (issue 15): /vietbantin in chat and /canbo/bantin/viet in the
// console; an officer's bulletin is approved by a leader and a leader's by an officer, then aired at
// once or at the next slot. Staff are addressed as "đồng chí".
import { viCommon } from "./vi-common.js";

export const viLocalBulletins = {
  commands: {
    write: {
      help: "/vietbantin — soạn bản tin hoặc cảnh báo khẩn của xã; người thứ hai của xã duyệt rồi phát ngay hoặc ở buổi phát tới",
      menu: "Soạn bản tin của xã",
    },
  },

  kinds: {
    bulletin: "Bản tin",
    warning: "Cảnh báo khẩn",
  },
  /** How an urgent warning's title reads everywhere it airs (village heads, /bantin, feeds). */
  warningTitle: (title: string) => `⚠️ CẢNH BÁO KHẨN: ${title}`,
  /** The "sources" line of a bulletin the commune wrote (no staff name: it speaks for the commune). */
  sourceLine: (commune: string) => `Bản tin do ${commune} soạn và duyệt`,

  flow: {
    forbidden: "Chỉ cán bộ công an xã và lãnh đạo xã mới soạn được bản tin của xã mình.",
    askKind: "✍️ Soạn bản tin của xã.\nĐồng chí soạn loại nào? Cảnh báo khẩn được phát trước mọi bản tin khác.",
    askTitle: (kind: string, max: number) => `${kind}: đồng chí gõ tiêu đề ngắn gọn (tối đa ${max} ký tự), ví dụ: Ma túy trá hình kẹo ngọt ở cổng trường.`,
    askText:
      "Gõ nội dung để trưởng thôn đọc trên loa: câu ngắn, dễ nghe, nói rõ việc gì, ở đâu, bà con cần làm gì. Không ghi họ tên, số điện thoại hay địa chỉ của người báo tin.",
    titleEmpty: "Tiêu đề đang trống. Đồng chí gõ tiêu đề.",
    titleTooLong: (max: number, got: number) => `Tiêu đề dài ${got} ký tự, quá giới hạn ${max}. Đồng chí viết ngắn lại.`,
    textEmpty: "Nội dung đang trống. Đồng chí gõ nội dung bản tin.",
    textTooShort: (min: number) => `Nội dung ngắn quá (cần ít nhất ${min} ký tự). Đồng chí viết thêm cho bà con dễ hiểu.`,
    textTooLong: (max: number, got: number) => `Nội dung dài ${got} ký tự, quá giới hạn ${max}. Đồng chí rút gọn rồi gửi lại.`,
    current: (value: string) => `Đang có: «${value}»`,
    useButtons: "Đồng chí bấm một nút bên dưới (hoặc gõ số của lựa chọn).",
    previewTitle: "Xem lại trước khi gửi duyệt:",
    previewKind: "Loại",
    previewHeading: "Tiêu đề",
    previewText: "Nội dung",
    previewApprover: (who: string) => `Người duyệt: ${who}.`,
    cancelled: "Đã hủy, chưa gửi bản tin nào.",
    expired: (minutes: number) => `Bản tin đồng chí đang soạn chưa được gửi và đã bị xóa sau ${minutes} phút không thao tác. Gõ /vietbantin để soạn lại.`,
    submitted: (title: string, approvers: number) => `📤 Đã gửi «${title}» cho ${approvers} người duyệt. Khi bản tin được duyệt hoặc trả lại, đồng chí sẽ được báo lại.`,
    submittedNoApprover: (title: string, who: string) =>
      `📤 Đã lưu «${title}» chờ duyệt, nhưng xã chưa có ${who} nào đăng ký với hệ thống. Khi có người đăng ký, họ duyệt được ở trang «Soạn bản tin» của bàn làm việc cán bộ.`,
    buttons: {
      bulletin: "📰 Bản tin",
      warning: "⚠️ Cảnh báo khẩn",
      submit: "📤 Gửi duyệt",
      edit: "✏️ Sửa",
      keepTitle: "↪️ Giữ tiêu đề cũ",
      keepText: "↪️ Giữ nội dung cũ",
    },
  },

  /** The approving role, as named to the writer (an officer's bulletin goes to a leader, a leader's to an officer). */
  approverOf: { leader: "lãnh đạo xã", officer: "cán bộ công an xã" } as Record<string, string>,

  review: {
    request: (kind: string, title: string, writer: string) => `📝 ${kind} của xã chờ đồng chí duyệt: «${title}»\nNgười soạn: ${writer}`,
    textHeading: "Nội dung:",
    afterApproval: "Duyệt xong đồng chí chọn phát ngay hoặc để phát ở buổi phát tới.",
    approved: (title: string) => `✅ Đã duyệt «${title}». Bản tin vào danh mục của xã. Đồng chí chọn thời điểm phát:`,
    returned: (title: string) => `↩️ Đã trả lại «${title}» cho người soạn.`,
    toWriterApproved: (title: string, approver: string) => `✅ «${title}» đã được ${approver} duyệt.`,
    toWriterReturned: (title: string, approver: string) => `↩️ «${title}» bị ${approver} trả lại để sửa. Đồng chí gõ /vietbantin để soạn lại.`,
    notFound: "Không tìm thấy bản tin này trong các bản tin của xã.",
    self: "Đồng chí không tự duyệt bản tin mình soạn được: cần người thứ hai của xã duyệt.",
    forbidden: (who: string) => `Bản tin này cần ${who} duyệt.`,
    handled: "Bản tin này đã được duyệt hoặc trả lại rồi.",
  },

  air: {
    now: "📢 Phát ngay",
    next: "🗓️ Phát ở buổi tới",
    queuedNow: (title: string) => `📢 Đã phát «${title}»: bản tin đang được gửi ngay đến trưởng thôn các thôn và người đăng ký nhận bản tin của xã.`,
    queuedNext: (title: string, when: string) => `🗓️ «${title}» sẽ được phát ở buổi tới: ${when}, trước các bản tin khác.`,
    queuedNextPaused: (title: string) => `🗓️ «${title}» sẽ được phát ở buổi tới, khi xã bật lại lịch phát (/lichphat bat).`,
    airedBefore: "Bản tin này đã được phát rồi.",
    notApproved: "Bản tin này chưa được duyệt nên chưa phát được.",
    busy: "Vừa có một buổi phát khác được tạo cùng lúc. Đồng chí bấm lại sau một phút.",
  },

  translators: {
    request: (title: string, label: string) => `✍️ Xã vừa có bản tin mới «${title}». Đồng chí dịch sang ${label} giúp (bấm nút bên dưới):`,
  },

  console: {
    title: "Soạn bản tin của xã",
    nav: "Soạn bản tin",
    intro: "Cán bộ công an xã soạn thì lãnh đạo xã duyệt; lãnh đạo xã soạn thì cán bộ công an xã duyệt. Người soạn không tự duyệt.",
    kind: "Loại",
    heading: "Tiêu đề",
    text: "Nội dung (trưởng thôn đọc trên loa)",
    submit: "Gửi duyệt",
    pendingTitle: "Bản tin chờ đồng chí duyệt",
    pendingNone: "Không có bản tin nào chờ đồng chí duyệt.",
    recentTitle: "Bản tin xã soạn gần đây",
    recentNone: "Xã chưa soạn bản tin nào.",
    writtenBy: (writer: string, when: string) => `${writer}, ${when}`,
    approve: "Duyệt",
    return: "Trả lại",
    airNow: "Phát ngay",
    flash: {
      submitted: (title: string) => `📤 Đã gửi «${title}» đi duyệt. Người duyệt được báo trong chat và thấy bản tin ở trang này.`,
      approved: (title: string) => `✅ Đã duyệt «${title}». Bản tin sẽ được phát ở buổi phát tới, trước các bản tin khác; muốn phát ngay thì bấm "Phát ngay" bên dưới.`,
    },
    status: { pending: "chờ duyệt", approved: "đã duyệt", returned: "bị trả lại", aired: "đã phát" } as Record<string, string>,
    back: viCommon.back,
  },
};
