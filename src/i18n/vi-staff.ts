// What staff read on the tip desk: registration, the tip lists and actions (desk), the alert
// officers get for a new tip (alert) and the held queue (held). Citizens' words are in vi.ts.
export const viStaff = {
  desk: {
    /** `addressed`: addressName(displayName), "đồng chí …" unless the name carries its own title. */
    registered: (addressed: string, role: string, scope: string) => `✅ Đăng ký thành công. Chào ${addressed} — ${role}, ${scope}.`,
    nothingToCancel: "Không có việc gì đang dở. Gõ /help để xem các lệnh của đồng chí.",
    askCancelled: "Đã hủy, không gửi câu hỏi nào cho người báo tin.",
    inviteUnknown: "Mã mời không đúng. Hãy kiểm tra lại với quản trị viên.",
    inviteSenderPaused: "Bạn đã nhập sai mã mời nhiều lần. Để chống dò mã, hãy thử lại sau 1 giờ, hoặc xin quản trị viên mã mới.",
    inviteAllPaused: "Hệ thống tạm dừng đăng ký cán bộ vài phút vì có nhiều mã mời sai được gửi tới. Quản trị viên đã được báo. Vui lòng thử lại sau ít phút.",
    inviteBurstAlert: (count: number, minutes: number) =>
      `⚠️ Cảnh báo an ninh: ${count} mã mời sai được gửi tới trong ${minutes} phút — có thể có người đang dò mã mời cán bộ. Việc đăng ký tạm dừng cho đến khi số lần sai giảm xuống. Hãy kiểm tra các mã mời đang mở (npm run admin -- invites) và thu hồi mã không dùng.`,
    inviteUsed: "Mã mời này đã được sử dụng. Mỗi mã chỉ dùng một lần; hãy xin mã mới.",
    inviteExpired: "Mã mời đã hết hạn. Hãy xin quản trị viên cấp mã mới.",
    inviteRevoked: "Mã mời đã bị thu hồi.",
    alreadyStaff: "Tài khoản này đã được đăng ký là cán bộ. Gõ /toi để xem vai trò.",
    inviteMissing: "Hãy gõ kèm mã mời, ví dụ: /dangky MOI-AB3D-7KMN",
    webStaffDemoOnly: "Đăng ký cán bộ trên trang web chỉ có trong bản thử nghiệm. Hãy đăng ký qua Telegram hoặc Zalo.",
    groupForbidden: "Lệnh này chỉ dành cho cán bộ đã đăng ký.",
    notStaff: "Lệnh này chỉ dành cho cán bộ. Nếu bạn là cán bộ, hãy đăng ký bằng /dangky <mã mời>.",
    forbidden: "Đồng chí không có quyền thực hiện việc này với tin báo này.",
    me: (addressed: string, role: string, scope: string) => `${addressed.charAt(0).toUpperCase()}${addressed.slice(1)} — ${role}, ${scope}.`,
    scopeCommune: (commune: string) => `xã ${commune}`,
    scopeVillage: (village: string, commune: string) => `${village}, xã ${commune}`,
    scopeAll: "toàn hệ thống",
    listTitle: (count: number, filter: string) => `📋 ${count} tin báo ${filter}:`,
    listEmpty: (filter: string) => `Không có tin báo nào ${filter}.`,
    listFilterOpen: "đang mở",
    listFilterAll: "(mọi trạng thái)",
    listFilterStatus: (status: string) => `ở trạng thái "${status}"`,
    listLine: (caseNumber: string, date: string, category: string, village: string, status: string) =>
      `• ${caseNumber} — ${date} — ${category} — ${village} — ${status}`,
    listMore: (n: number) => `… và ${n} tin khác. Dùng bộ lọc để thu hẹp.`,
    badFilter: (word: string) =>
      `Không hiểu bộ lọc "${word}". Dùng: moi, tiepnhan, xacminh, daxuly, khongcoso, tatca, mã loại (ví dụ: selling) hoặc mã thôn.`,
    askQuestion: (caseNumber: string) =>
      `Gõ câu hỏi gửi người báo tin ${caseNumber}. Họ sẽ nhận qua kênh đã dùng để báo tin, không ai biết họ là ai. Bấm "Hủy" nếu không hỏi nữa.`,
    questionSent: (caseNumber: string) => `✅ Đã gửi câu hỏi cho người báo tin ${caseNumber}.`,
    questionStored: (caseNumber: string) =>
      `Người báo tin ${caseNumber} đã xóa địa chỉ liên lạc. Câu hỏi đã được lưu; họ sẽ đọc được khi dùng mã tiếp nhận.`,
    questionEmpty: "Câu hỏi đang trống. Hãy gõ câu hỏi hoặc bấm \"Hủy\".",
    actionDone: (caseNumber: string, who: string, status: string, time: string) =>
      `${caseNumber}: ${who} chuyển sang "${status}" lúc ${time}.`,
    actionRefused: (caseNumber: string, status: string) =>
      `${caseNumber} đang ở trạng thái "${status}", không thể thực hiện thao tác này.`,
    tipNotFound: "Không tìm thấy tin báo này.",
    tipErased: (date: string) => `🗄️ Nội dung, tệp đính kèm và trao đổi của tin báo này đã được xóa ngày ${date} theo thời hạn lưu trữ (Luật Bảo vệ dữ liệu cá nhân). Chỉ còn các thông tin dùng cho thống kê.`,
  },

  alert: {
    newTip: (p: { caseNumber: string; category: string; commune: string; village: string; time: string; text: string; attachments: string }) =>
      [
        `🚨 TIN BÁO MỚI ${p.caseNumber}`,
        `Loại: ${p.category}`,
        `Địa bàn: ${p.village}, xã ${p.commune}`,
        `Thời gian: ${p.time}`,
        `Đính kèm: ${p.attachments}`,
        "",
        p.text,
      ].join("\n"),
    /** Heads the tipster's own words, which follow as a quoted block (every line marked ┃). */
    citizenWrote: "Người báo tin viết:",
    citizenWroteNothing: "Người báo tin không viết chữ nào (xem tệp đính kèm).",
    attachment: (caseNumber: string, kind: string) => `${caseNumber} — ${kind} của người báo tin`,
    followUp: (caseNumber: string, text: string) => `✍️ ${caseNumber}: người báo tin gửi thêm:\n${text}`,
    followUpMedia: (caseNumber: string, kind: string) => `✍️ ${caseNumber}: người báo tin gửi thêm ${kind}.`,
    question: (caseNumber: string, who: string, text: string) => `💬 ${caseNumber}: ${who} hỏi người báo tin:\n${text}`,
    escalatedOfficers: (caseNumber: string, minutes: number) =>
      `⏰ NHẮC LẠI: tin báo ${caseNumber} đã ${minutes} phút chưa có cán bộ tiếp nhận.`,
    escalatedLeaders: (caseNumber: string, minutes: number, commune: string) =>
      `⚠️ BÁO CÁO LÃNH ĐẠO: tin báo ${caseNumber} của xã ${commune} đã ${minutes} phút chưa có cán bộ tiếp nhận.`,
    addressErased: (caseNumber: string) => `${caseNumber}: người báo tin đã xóa địa chỉ liên lạc (vẫn đọc được câu hỏi bằng mã tiếp nhận).`,
  },

  held: {
    /** One alert per commune per window during a flood, instead of one per tip. */
    summary: (count: number, commune: string) =>
      [
        `⏸️ Có ${count} tin báo đang chờ xem xét do gửi dồn dập hoặc từ người đã gửi nhiều tin rác (xã ${commune}).`,
        "Các tin này đã được nhận và lưu, nhưng chưa gửi cảnh báo từng tin để tránh làm ngập kênh. Gõ /tinbao giu để xem và chuyển vào danh sách hoặc bỏ qua.",
      ].join("\n"),
    listTitle: (count: number) => `⏸️ ${count} tin báo đang chờ xem xét (gửi dồn dập, hoặc từ người đã gửi nhiều tin rác):`,
    listEmpty: "Không có tin báo nào đang chờ xem xét.",
    listLine: (caseNumber: string, time: string, category: string, village: string, text: string) => `• ${caseNumber} — ${time} — ${category} — ${village}: ${text}`,
    listMore: (count: number) => `… và ${count} tin khác.`,
    release: "📥 Chuyển vào danh sách",
    dismiss: "🗑️ Bỏ tất cả",
    confirmRelease: (count: number) => `Chuyển ${count} tin báo này vào danh sách tin báo? Mỗi tin sẽ được gửi cảnh báo như tin báo mới.`,
    confirmDismiss: (count: number) => `Bỏ ${count} tin báo này? Các tin sẽ không vào danh sách, không được nhắc lại và không tính vào thống kê.`,
    yes: "✔️ Đồng ý",
    back: "⬅️ Quay lại danh sách",
    released: (count: number) => `✅ Đã chuyển ${count} tin báo vào danh sách.`,
    dismissed: (count: number) => `🗑️ Đã bỏ ${count} tin báo.`,
    nothing: "Không còn tin báo nào đang chờ trong nhóm này (có thể cán bộ khác đã xử lý).",
  },
} as const;
