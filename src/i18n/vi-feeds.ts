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
