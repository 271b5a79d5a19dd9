// Village feeds for IP/4G loudspeakers and podcast apps (src/feeds, issue 15): what the RSS feed and
// the M3U playlist show, what the confirmation link answers, and the admin command's lines.
export const viFeeds = {
  channelTitle: (village: string, commune: string) => `Bản tin phòng, chống ma túy — ${village}, ${commune}`,
  channelDescription: (village: string) =>
    `Bản tin phòng, chống ma túy của tuần này cho loa của ${village}. Liên kết này là riêng của thôn: không chia sẻ ra ngoài.`,
  itemTitle: (title: string, language: string, when: string) => `${title} — ${language} — buổi ${when}`,
  /** Put before the title of a bulletin that has no recording in this language. */
  textOnlyMarker: "[Chỉ có bài đọc — trưởng thôn đọc trên loa]",
  textOnlyNote: "Bản tin này chưa có ghi âm bằng thứ tiếng này. Trưởng thôn đọc bài dưới đây trên loa.",
  fallback: (missing: string) => `Chưa có bản dịch ${missing}: gửi bản tiếng Việt.`,
  altScript: "Cùng bài, viết bằng chữ khác:",
  played: (village: string, when: string) => `Đã ghi nhận: ${village} đã phát bản tin buổi ${when}.`,
  playedAlready: (village: string, when: string) => `${village} đã được ghi nhận phát bản tin buổi ${when} rồi.`,
  audioUnavailable: "Chưa lấy được tệp ghi âm. Thử lại sau ít phút.",
  command: {
    help: [
      "/loaphat — nhận liên kết bản tin riêng của thôn cho loa thông minh (loa IP/4G) hoặc ứng dụng podcast trên điện thoại",
      "/loaphat moi — đổi liên kết mới (liên kết cũ ngừng hoạt động ngay)",
    ],
    menu: "Liên kết bản tin cho loa thông minh",
    /** What may follow /loaphat to ask for a new link (typed with or without accents). */
    rotateWords: ["moi", "mới", "doi", "đổi", "new"],
    forbidden: "Lệnh này dành cho trưởng thôn: liên kết là của thôn đồng chí phụ trách.",
    noUrl: "Máy chủ chưa có địa chỉ công khai nên chưa cấp được liên kết. Đồng chí báo quản trị viên huyện/tỉnh giúp.",
    badArgs: "Gõ /loaphat để nhận liên kết, hoặc /loaphat moi để đổi liên kết mới.",
    exists: (village: string, since: string) =>
      `${village} đã có liên kết bản tin (cấp lần cuối ${since}). Vì an toàn, máy chủ không giữ liên kết nên không gửi lại được.\nNếu đồng chí làm mất liên kết hoặc nghi người khác biết, gõ /loaphat moi để đổi liên kết mới (liên kết cũ ngừng hoạt động ngay).`,
    link: (village: string, rotated: boolean, rss: string, m3u: string) =>
      [
        rotated ? `🔄 Đã đổi liên kết bản tin của ${village}. Liên kết cũ ngừng hoạt động ngay.` : `🔊 Liên kết bản tin riêng của ${village}:`,
        "",
        "• Cho ứng dụng podcast hoặc loa nhận nguồn RSS:",
        rss,
        "",
        "• Cho loa hoặc máy phát nhận danh sách phát M3U:",
        m3u,
        "",
        "Bản tin có ghi âm thì loa phát được; bản tin chỉ có bài đọc thì ghi rõ «Chỉ có bài đọc», đồng chí đọc trên loa.",
        "Không chuyển liên kết này cho người ngoài. Tin nhắn này không được lưu trên máy chủ: hãy ghi lại liên kết.",
      ].join("\n"),
  },
  admin: {
    summary: "Cấp (hoặc đổi) liên kết bản tin riêng của một thôn cho loa thông minh và ứng dụng podcast.",
    usage: "--village <mã thôn> [--rotate] [--url <địa chỉ máy chủ>]",
    villageUnknown: (code: string) => `Không có thôn mã ${code}.`,
    needUrl:
      "Chưa biết địa chỉ máy chủ để ghi vào liên kết. Hãy đặt PUBLIC_URL (ví dụ https://baotin.tinh.gov.vn), hoặc ghi --url <địa chỉ>.",
    issued: (village: string) => `Đã cấp liên kết bản tin cho ${village}. Liên kết chỉ hiện MỘT lần này, hãy ghi lại và trao tận tay trưởng thôn:`,
    rotated: (village: string) => `Đã đổi liên kết bản tin của ${village}: liên kết cũ ngừng hoạt động ngay. Liên kết mới chỉ hiện MỘT lần này:`,
    rss: (url: string) => `  Nguồn podcast (RSS): ${url}`,
    m3u: (url: string) => `  Danh sách phát (M3U): ${url}`,
    exists: (village: string, since: string) =>
      `${village} đã có liên kết bản tin (cấp hoặc đổi lần cuối ${since}). Máy chủ không giữ liên kết nên không in lại được; muốn cấp liên kết mới thì thêm --rotate (liên kết cũ sẽ ngừng hoạt động).`,
  },
} as const;
