// Audiences beyond villages (issue 15): a commune's schools and businesses at risk, their contacts
// (a teacher, a business contact) who get the bulletins sent to them and confirm "Đã tuyên truyền",
// the writer's choice of audiences in /vietbantin and the console, /tiendo's counts, the admin CLI.
export const viAudiences = {
  kinds: {
    school: "Trường học",
    business: "Doanh nghiệp, cơ sở",
  },
  /** The kind in a sentence ("gửi tới trường học"). */
  kindsInline: {
    school: "trường học",
    business: "doanh nghiệp, cơ sở",
  },
  reasons: {
    no_session: "Chưa có buổi chào cờ, sinh hoạt hoặc họp phù hợp",
    absent: "Người phụ trách vắng",
    closed: "Đang nghỉ hoặc tạm đóng cửa",
    other: "Lý do khác (gõ chữ)",
  } as Record<string, string>,

  contact: {
    header: (when: string, audience: string) => `📢 BẢN TIN PHÒNG, CHỐNG MA TÚY\nGửi ${audience} — buổi ${when}`,
    intro: {
      school: "Đồng chí tuyên truyền bản tin này cho học sinh (giờ chào cờ, sinh hoạt lớp, bảng tin của trường).",
      business: "Đồng chí tuyên truyền bản tin này cho người lao động của cơ sở (họp giao ca, bảng tin, nhóm nhắn tin của cơ sở).",
    },
    audioAbove: "🔊 Ghi âm bản tin ở trên: đồng chí có thể mở cho mọi người cùng nghe.",
    footer: "Tuyên truyền xong, đồng chí bấm \"Đã tuyên truyền\". Nếu chưa làm được, bấm \"Chưa tuyên truyền được\" và chọn lý do.",
    buttons: { done: "✅ Đã tuyên truyền", notDone: "Chưa tuyên truyền được" },
    askReason: (audience: string, when: string) => `Vì sao ${audience} chưa tuyên truyền được bản tin buổi ${when}? Chọn lý do:`,
    askReasonText: "Đồng chí gõ ngắn gọn lý do (tối đa 300 ký tự):",
    reasonEmpty: "Lý do đang trống. Đồng chí gõ vài chữ, hoặc bấm \"Hủy\".",
    reasonTooLong: (max: number) => `Lý do dài quá ${max} ký tự. Đồng chí viết ngắn lại.`,
    reminder: (audience: string, when: string) =>
      `⏰ Nhắc đồng chí: ${audience} chưa xác nhận tuyên truyền bản tin buổi ${when}. Tuyên truyền xong, đồng chí bấm "Đã tuyên truyền"; nếu chưa làm được, bấm "Chưa tuyên truyền được" và chọn lý do.`,
    recordedDone: (audience: string, when: string) => `✅ Đã ghi nhận: ${audience} đã tuyên truyền bản tin buổi ${when}. Cảm ơn đồng chí!`,
    recordedNot: (audience: string, when: string, reason: string) =>
      `Đã ghi nhận: ${audience} chưa tuyên truyền được bản tin buổi ${when} (${reason}). Khi làm được, đồng chí bấm lại "Đã tuyên truyền".`,
    notYours: "Bản tin này gửi cho đơn vị khác, đồng chí không xác nhận thay được.",
    unknown: "Không tìm thấy buổi gửi này.",
    welcome: (audience: string) =>
      `Đồng chí nhận bản tin phòng, chống ma túy xã gửi tới ${audience}. Mỗi bản tin có nút "Đã tuyên truyền": tuyên truyền xong, đồng chí bấm để xã ghi nhận.`,
    reasonCancelled: "Đã hủy, chưa ghi nhận lý do. Đồng chí có thể bấm lại \"Chưa tuyên truyền được\" dưới bản tin.",
  },

  /** The step of /vietbantin and the console form after the text. */
  choose: {
    ask: "Gửi thêm tới: trường học / doanh nghiệp / không? Bản tin luôn gửi tới trưởng thôn và người đăng ký nhận bản tin; đây là các nơi nhận thêm.",
    school: "🏫 Trường học",
    business: "🏭 Doanh nghiệp, cơ sở",
    both: "Cả trường học và doanh nghiệp",
    none: "Không, chỉ các thôn",
    preview: "Gửi thêm tới",
    previewNone: "không (chỉ các thôn và người đăng ký)",
    consoleLegend: "Gửi thêm tới (ngoài trưởng thôn và người đăng ký)",
  },

  progress: {
    line: (kind: string, done: number, total: number, notDone: number, pending: number, noContact: number) =>
      `${kind}: ${done}/${total} đã tuyên truyền` +
      (notDone > 0 ? `, ${notDone} chưa tuyên truyền được` : "") +
      (pending > 0 ? `, ${pending} chưa trả lời` : "") +
      (noContact > 0 ? `, ${noContact} chưa có người nhận` : ""),
    reasonLine: (audience: string, reason: string) => `  • ${audience}: ${reason}`,
  },

  cli: {
    summary: "Trường học và doanh nghiệp, cơ sở có nguy cơ của một xã (nhận bản tin ngoài các thôn): thêm, liệt kê, gỡ.",
    usage: "--commune <MÃ XÃ> [--add school|business --name <tên>] [--remove <mã số>]",
    line: (id: number, kind: string, name: string, contacts: number) => `${String(id).padEnd(5)} ${kind.padEnd(20)} ${name} — ${contacts} người nhận`,
    none: (commune: string) => `Xã ${commune} chưa có trường học hay doanh nghiệp nào nhận bản tin.`,
    added: (id: number, kind: string, name: string, role: string) =>
      `Đã thêm ${kind} «${name}», mã số ${id}. Mời người nhận: npm run admin -- invite ${role} --audience ${id} --name "<tên>"`,
    removed: (name: string) => `Đã gỡ «${name}»: không gửi bản tin tới đây nữa (các lần đã gửi vẫn được lưu).`,
    communeUnknown: (code: string) => `Không có xã mã ${code}.`,
    notFound: (id: number) => `Xã này không có trường học hay doanh nghiệp mã số ${id}.`,
    badKind: (got: string) => `Loại «${got}» không có; dùng school (trường học) hoặc business (doanh nghiệp, cơ sở).`,
    badName: "Tên cần từ 2 đến 120 ký tự.",
    addOrRemove: "Chỉ thêm hoặc gỡ một lần mỗi lệnh.",
    needName: "Thêm thì cần --name <tên>.",
  },

  invitations: {
    needsAudience: (role: string, kind: string) => `Vai trò ${role} cần --audience <mã số ${kind}> (xem: npm run admin -- audiences --commune <MÃ XÃ>).`,
    audienceUnknown: (id: string) => `Không có trường học hay doanh nghiệp mã số ${id} (hoặc đã gỡ).`,
    wrongKind: (role: string, kind: string) => `Vai trò ${role} chỉ nhận cho ${kind}.`,
    audienceOnlyContacts: "--audience chỉ dùng với vai trò teacher (giáo viên) hoặc business_contact (người phụ trách cơ sở).",
  },
};
