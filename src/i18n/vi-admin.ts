// What the admin command line prints, in Vietnamese. Operators are district/province staff.
export const viAdmin = {
  usageTitle: "Cách dùng: npm run admin -- <lệnh> [tham số]",
  commandsTitle: "Các lệnh:",
  unknownCommand: (name: string) => `Không có lệnh "${name}". Gõ npm run admin -- help để xem các lệnh.`,
  badArgs: (usage: string, detail: string) => `Tham số không đúng (${detail}). Cách dùng: ${usage}`,
  failed: (detail: string) => `Không thực hiện được: ${detail}`,

  contacts: {
    summary: "Ghi số điện thoại Trưởng, Phó Trưởng Công an xã để in lên áp phích (Kế hoạch: công khai tại nơi công cộng).",
    bad: (option: string, text: string, reason: "shape" | "name" | "phone") =>
      `${option} "${text}": ${reason === "shape" ? "cần dạng Họ tên: số điện thoại, ví dụ \"Nguyễn Văn A: 0912 345 678\"" : reason === "name" ? "thiếu họ tên (tối đa 80 chữ)" : "số điện thoại không hợp lệ"}`,
    tooMany: (max: number) => `Chỉ ghi được một Trưởng và tối đa ${max} Phó Trưởng Công an xã.`,
    saved: (commune: string, lines: string[]) => [`Đã ghi cho xã ${commune} (in lên áp phích lần in tới):`, ...lines.map((l) => `  ${l}`)].join("\n"),
    cleared: (commune: string) => `Đã xóa số điện thoại lãnh đạo Công an xã ${commune} khỏi áp phích.`,
  },

  places: {
    importSummary: "Nhập địa bàn từ tệp CSV (tỉnh → xã → thôn); nhập lại thì cập nhật theo mã.",
    listSummary: "Liệt kê các xã (hoặc các thôn của một xã).",
    fileMissing: (path: string) => `Không đọc được tệp ${path}.`,
    imported: (p: number, c: number, v: number) => `Đã nhập ${p} tỉnh, ${c} xã, ${v} thôn.`,
    noCommunes: "Chưa có xã nào. Nhập địa bàn bằng: npm run admin -- import-places <tệp.csv>",
    communeLine: (code: string, name: string, province: string, villages: number, hotline: string | null, sample: boolean) =>
      `${code.padEnd(12)} ${name} (${province}) — ${villages} thôn — đường dây nóng: ${hotline ?? "chưa có"}${sample ? " — DỮ LIỆU MẪU" : ""}`,
    villageLine: (code: string, name: string) => `${code.padEnd(12)} ${name}`,
    communeUnknown: (code: string) => `Không có xã mã ${code}.`,
    postersSummary: "In áp phích A4 cho từng thôn, có mã QR mở thẳng kênh báo tin của thôn đó.",
    noVillages: (commune: string) => `Xã ${commune} không có thôn nào khớp.`,
    postersWritten: (n: number, path: string) => `Đã tạo ${n} áp phích vào ${path}. Mở tệp bằng trình duyệt và in khổ A4.`,
    postersPdfWritten: (n: number, pages: number, path: string) => `Đã tạo ${n} áp phích (${pages} trang PDF) vào ${path}. In khổ A4, giữ nguyên cỡ thật (không co giãn).`,
    postersPdfOmitted: (labels: string[]) =>
      `Các trang ${labels.map((l) => l.replace(/^Tiếng /u, "tiếng ")).join(", ")} không có trong PDF: phông chữ của PDF chưa có chữ viết này. Hãy in các trang đó từ tệp HTML (chạy lại không có --pdf) hoặc từ trang xem và in của bàn làm việc cán bộ.`,
    postersNeedUrl:
      "Chưa biết địa chỉ máy chủ để in vào mã QR. Hãy đặt PUBLIC_URL (địa chỉ công khai của máy chủ, ví dụ https://baotin.tinh.gov.vn), hoặc ghi --url <địa chỉ>. Thử trên máy mình thì ghi --url http://localhost:<cổng máy chủ đang chạy>.",
    expectedColumns: (required: string, optional: string, example: string) =>
      [
        `Tệp CSV cần dòng tiêu đề: ${required}`,
        `Cột thêm (không bắt buộc, sau các cột trên): ${optional}`,
        `Ví dụ một dòng: ${example}`,
        "Tạo tệp mẫu trống bằng: npm run admin -- import-places --template <tệp.csv>",
      ].join("\n"),
    templateWritten: (path: string, example: string) =>
      `Đã tạo tệp mẫu ${path} (chỉ có dòng tiêu đề). Mỗi thôn một dòng, ví dụ: ${example}\nĐiền xong thì nhập bằng: npm run admin -- import-places ${path}`,
    templateExists: (path: string) => `Tệp ${path} đã có, không ghi đè. Hãy chọn tên khác.`,
  },

  retention: {
    keepSummary: "Giữ nội dung một tin báo đã đóng lâu hơn thời hạn lưu trữ (cần lý do, ví dụ: đang điều tra).",
    listSummary: "Liệt kê tin báo đã đóng sắp hết thời hạn lưu trữ hoặc đang được giữ lại.",
    kept: (caseNumber: string, until: string) => `Đã giữ nội dung tin báo ${caseNumber} đến ${until}. Lý do được ghi vào hồ sơ tin báo.`,
    refused: {
      not_found: "Không có tin báo với số hồ sơ này.",
      forbidden: "Chỉ quản trị viên được giữ tin báo quá thời hạn.",
      not_closed: "Tin báo này chưa đóng: chỉ tin đã xử lý xong mới có thời hạn lưu trữ.",
      erased: "Nội dung tin báo này đã bị xóa theo thời hạn lưu trữ, không khôi phục được.",
      no_reason: "Cần ghi lý do giữ lại (ít nhất 5 ký tự), ví dụ --reason \"Hồ sơ đang điều tra\".",
      too_long: (max: number) => `Số tháng giữ lại phải từ 1 đến ${max}.`,
    },
    row: (caseNumber: string, closed: string, end: string, kept: string | null) => `${caseNumber}  đóng ${closed}  xóa nội dung từ ${end}${kept ? `  (giữ: ${kept})` : ""}`,
    none: "Không có tin báo nào sắp hết thời hạn lưu trữ.",
  },

  staff: {
    inviteSummary: "Tạo mã mời cán bộ (một lần dùng) theo vai trò và địa bàn.",
    invitesSummary: "Liệt kê các mã mời (mã chỉ hiện lúc tạo; ở đây là trạng thái).",
    revokeInviteSummary: "Thu hồi một mã mời chưa dùng.",
    staffSummary: "Liệt kê cán bộ đã đăng ký.",
    revokeStaffSummary: "Thu hồi quyền của một cán bộ (ngay lập tức).",
    roleUnknown: (role: string, known: string) => `Vai trò "${role}" không có. Dùng một trong: ${known}.`,
    created: (code: string, role: string, scope: string, expires: string) =>
      [
        `Mã mời: ${code}`,
        `Vai trò: ${role} — ${scope}`,
        `Hết hạn: ${expires}`,
        `Người được mời gửi cho bot (Telegram, Zalo): /dangky ${code}`,
        "Mã chỉ hiện một lần và chỉ dùng được một lần. Hãy trao tận tay hoặc qua kênh tin cậy.",
      ].join("\n"),
    scopeCommune: (name: string) => `xã ${name}`,
    scopeVillage: (village: string, commune: string) => `${village}, xã ${commune}`,
    scopeProvince: (name: string) => `tỉnh ${name}`,
    scopeAll: "toàn quốc",
    noInvites: "Chưa có mã mời nào.",
    inviteLine: (id: number, role: string, scope: string, state: string, note: string) => `#${id} ${role} — ${scope} — ${state}${note ? ` — ${note}` : ""}`,
    inviteState: { open: (until: string) => `còn hiệu lực đến ${until}`, used: "đã dùng", expired: "đã hết hạn", revoked: "đã thu hồi" },
    noStaff: "Chưa có cán bộ nào đăng ký.",
    staffLine: (id: number, name: string, role: string, scope: string, channel: string, active: boolean, since: string) =>
      `#${id} ${name} — ${role} — ${scope} — ${channel} — ${active ? `hoạt động từ ${since}` : "đã thu hồi"}`,
    revokedInvite: (id: number) => `Đã thu hồi mã mời #${id}.`,
    revokeInviteFailed: (id: number) => `Không thu hồi được mã mời #${id} (không có, đã dùng hoặc đã thu hồi).`,
    revokedStaff: (id: number) => `Đã thu hồi quyền của cán bộ #${id}. Người này không còn nhận cảnh báo và không dùng được lệnh cán bộ.`,
    revokeStaffFailed: (id: number) => `Không thu hồi được cán bộ #${id} (không có hoặc đã thu hồi).`,
  },

  /** `npm run admin -- --remote <url> <command> …`: a command run on a deployed server (src/cli/remote.ts). */
  remote: {
    usage: "Cách dùng: npm run admin -- --remote <địa chỉ máy chủ, ví dụ https://phao-dai.<tài khoản>.workers.dev> <lệnh> [tham số]. Cần ADMIN_API_KEY giống trên máy chủ.",
    noKey: "Thiếu ADMIN_API_KEY: đặt cùng giá trị với máy chủ (wrangler secret put ADMIN_API_KEY; tạo bằng: openssl rand -base64 32).",
    badUrl: (url: string) => `Địa chỉ máy chủ không đúng: "${url}". Ghi đầy đủ, ví dụ https://phao-dai.<tài khoản>.workers.dev hoặc http://localhost:8787.`,
    unreachable: (url: string, detail: string) => `Không kết nối được máy chủ ${url}: ${detail}`,
    refused: "Máy chủ từ chối lệnh: chữ ký không đúng hoặc đã cũ. Kiểm tra ADMIN_API_KEY giống trên máy chủ và đồng hồ máy này đúng giờ.",
    notEnabled: "Máy chủ này chưa nhận lệnh từ xa: đặt ADMIN_API_KEY cho máy chủ (wrangler secret put ADMIN_API_KEY, hoặc trong .dev.vars khi chạy thử) rồi thử lại.",
    tooLarge: (mb: number) => `Tệp gửi kèm quá lớn (tối đa ${mb} MB mỗi lần). Chia nhỏ tệp rồi chạy lại.`,
    badAnswer: (status: number) => `Máy chủ trả lời không như mong đợi (HTTP ${status}).`,
    part: (i: number, n: number) => `Phần ${i}/${n}:`,
    checkedLocally: (rows: number, parts: number) => `Tệp đúng mẫu: ${rows} dòng, gửi lên máy chủ thành ${parts} phần.`,
    wrote: (path: string) => `Đã ghi tệp ${path}`,
    stopped: (i: number, n: number) => `Dừng ở phần ${i}/${n}: các phần trước đã được nhập. Sửa lỗi rồi chạy lại cả tệp (nhập lại không tạo trùng).`,
  },

  webhooks: {
    summary: "Báo cho Telegram và Zalo Bot địa chỉ webhook của máy chủ (theo PUBLIC_URL); cần khi chạy trên Cloudflare Workers.",
    set: (channel: string, url: string) => `Đã đặt webhook ${channel}: ${url}`,
    noneConfigured:
      "Chưa có kênh nào chạy bằng webhook. Hãy đặt PUBLIC_URL (địa chỉ công khai của máy chủ) cùng TELEGRAM_BOT_TOKEN và TELEGRAM_WEBHOOK_SECRET, hoặc ZALO_BOT_TOKEN và ZALO_BOT_WEBHOOK_SECRET, đúng như trên máy chủ.",
    failed: (channel: string, detail: string) => `Không đặt được webhook ${channel}: ${detail}`,
  },
} as const;
