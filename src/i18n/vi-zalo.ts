// Vietnamese strings of the Zalo adapters, staff accounts on several messengers and the Zalo admin
// commands (issue 3). Kept apart from vi.ts so parallel work does not collide.

export const channelNames: Record<string, string> = {
  telegram: "Telegram",
  zalo: "Zalo (Official Account)",
  zalobot: "Zalo Bot",
  web: "trang web",
};

export const channelName = (channel: string): string => channelNames[channel] ?? channel;

export const viZalo = {
  choices: {
    /** The line under numbered choices: "Gõ 1, 2 hoặc 3 để chọn." */
    hint: (count: number): string => {
      if (count <= 1) return "👉 Gõ 1 để chọn (hoặc gõ đúng chữ của lựa chọn).";
      if (count === 2) return "👉 Gõ 1 hoặc 2 để chọn (hoặc gõ đúng chữ của lựa chọn).";
      if (count <= 5) {
        const all = Array.from({ length: count }, (_, i) => String(i + 1));
        return `👉 Gõ ${all.slice(0, -1).join(", ")} hoặc ${all.at(-1)} để chọn (hoặc gõ đúng chữ của lựa chọn).`;
      }
      return `👉 Gõ số từ 1 đến ${count} để chọn (hoặc gõ đúng chữ của lựa chọn).`;
    },
  },

  follow: {
    hello: [
      "Cảm ơn bạn đã quan tâm kênh phòng, chống ma túy của công an xã.",
      "Tại đây bạn có thể:",
      "• Báo tin về ma túy mà không cần cho biết họ tên, số điện thoại.",
      "• Xem trạng thái tin đã báo, đọc và trả lời câu hỏi của cán bộ bằng mã tiếp nhận.",
      "• Hỏi điều được bảo vệ và điều không thể bảo vệ (gõ /baomat).",
      "Nếu bạn quét mã trên áp phích của thôn: hãy nhắn mã thôn in dưới mã (ví dụ: HL-01) để báo tin cho đúng thôn.",
      "Trên Zalo, bạn chọn bằng cách gõ số thứ tự của lựa chọn, ví dụ: 1.",
    ].join("\n"),
  },

  window: {
    parkedForOfficers: (caseNumber: string) =>
      `⏳ ${caseNumber}: người báo tin dùng Zalo và đã lâu không nhắn cho kênh, nên Zalo chưa cho gửi tin đến họ. Tin nhắn được giữ lại và sẽ tự động đến người báo tin ngay khi họ nhắn lại cho kênh.`,
  },

  reminder: {
    text: (name: string) =>
      [
        `Kính gửi đồng chí ${name}:`,
        "Zalo chỉ cho phép kênh nhắn đến đồng chí khi đồng chí có tương tác với kênh trong 7 ngày gần nhất.",
        "Để tiếp tục nhận cảnh báo tin báo ma túy kịp thời, xin đồng chí gõ 1 (hoặc nhắn bất kỳ nội dung nào).",
      ].join("\n"),
    button: "✔️ Tôi vẫn nhận tin",
    thanks: "Cảm ơn đồng chí. Kênh sẽ nhắc lại khi cần để cảnh báo luôn đến được đồng chí.",
  },

  staff: {
    linkCode: (code: string, minutes: number) =>
      [
        `🔗 Mã liên kết của đồng chí: ${code} (hiệu lực ${minutes} phút, dùng một lần).`,
        `Trên kênh kia (Zalo hoặc Telegram), gửi cho bot: /lienket ${code}`,
      ].join("\n"),
    /** `addressed`: addressName(displayName). */
    linked: (channel: string, addressed: string) =>
      `✅ Đã liên kết tài khoản ${channel} này với ${addressed}. Gõ /kenhcanhbao để chọn nơi nhận cảnh báo.`,
    linkUnknown: "Mã liên kết không đúng hoặc đã hết hạn. Hãy gõ /lienket ở kênh đã đăng ký để lấy mã mới.",
    linkUsed: "Mã liên kết này đã được dùng. Mỗi mã chỉ dùng một lần.",
    linkSameAccount: "Tài khoản này đã thuộc về đồng chí. Hãy gửi mã ở kênh khác (Zalo hoặc Telegram).",
    linkOtherStaff: "Tài khoản này đã được đăng ký cho một cán bộ khác, không thể liên kết.",
    linkGroup: "Hãy nhắn riêng cho bot để liên kết tài khoản, không gửi trong nhóm.",
    chooseAlerts: (current: string) => `Hiện cảnh báo tin báo đến đồng chí qua ${current}. Chọn kênh nhận cảnh báo:`,
    onlyOneChannel: (current: string) =>
      `Đồng chí đang nhận cảnh báo qua ${current}, kênh duy nhất đã đăng ký. Để nhận ở kênh khác, gõ /lienket ở đây để lấy mã rồi gửi mã đó ở kênh kia.`,
    alertsSet: (channel: string) => `✅ Từ nay cảnh báo tin báo sẽ gửi đến đồng chí qua ${channel}.`,
    alertsZaloNote:
      "Lưu ý: trên Zalo, kênh chỉ nhắn được khi đồng chí tương tác trong 7 ngày gần nhất; kênh sẽ nhắc đồng chí hằng tuần.",
  },

  media: {
    notForwarded: (kind: string) => `[${kind}: không chuyển được sang kênh này; xem bằng lệnh trên Telegram hoặc hỏi cán bộ trực]`,
  },

  admin: {
    consentIntro: "Mở liên kết sau bằng tài khoản quản trị của Official Account để cấp quyền cho ứng dụng:",
    consentNext: (redirect: string) =>
      `Sau khi đồng ý, Zalo chuyển về ${redirect}?code=…&state=…; chép giá trị code rồi chạy: npm run admin -- zalo-token <code>`,
    redirectMissing: "Thiếu --redirect <url>: địa chỉ chuyển về đã khai báo trong ứng dụng Zalo (developers.zalo.me).",
    notConfigured: "Chưa cấu hình Zalo Official Account: cần ZALO_APP_ID, ZALO_APP_SECRET và ZALO_OA_SECRET_KEY.",
    codeMissing: "Thiếu mã: npm run admin -- zalo-token <code> (code lấy từ địa chỉ chuyển về sau khi cấp quyền).",
    exchanged: (expires: string) => `✅ Đã nhận cặp token mới và lưu an toàn. Access token hết hạn lúc ${expires}; hệ thống tự làm mới trước đó.`,
    exchangeFailed: (error: string) => `Zalo từ chối mã cấp quyền (${error}). Mã chỉ dùng một lần và hết hạn sau vài phút: hãy cấp quyền lại.`,
    statusNone: "Chưa có token Zalo Official Account. Chạy: npm run admin -- zalo-consent --redirect <url>",
    status: (generation: number, accessExpires: string, refreshExpires: string) =>
      `Token Zalo OA: thế hệ ${generation}; access token hết hạn ${accessExpires}; refresh token hết hạn ${refreshExpires}.`,
    statusError: (error: string) => `⚠️ Lần làm mới gần nhất bị Zalo từ chối (${error}): cần cấp quyền lại bằng zalo-consent và zalo-token.`,
    zaloConsentSummary: "In liên kết cấp quyền cho Zalo Official Account",
    zaloTokenSummary: "Đổi mã cấp quyền Zalo lấy cặp token đầu tiên và lưu lại",
    zaloStatusSummary: "Xem tình trạng token Zalo Official Account (không in token)",
  },
} as const;

export const viZaloMedia = {
  location: (lat: number, lon: number) => `📍 Vị trí: ${lat.toFixed(6)}, ${lon.toFixed(6)}\nhttps://www.google.com/maps?q=${lat.toFixed(6)},${lon.toFixed(6)}`,
  unavailable: (kind: string) => `[${kind}: không chuyển được sang kênh này]`,
} as const;
