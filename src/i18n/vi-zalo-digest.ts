// The weekly digest article on the Zalo OA (src/bulletins/zalo-digest.ts, issue 15): the article's
// words as followers read them, and what /tiendo says of each way a bulletin reaches Zalo followers.
export const viZaloDigest = {
  article: {
    title: (weekStart: string, weekEnd: string) => `Bản tin phòng, chống ma túy tuần ${weekStart}–${weekEnd}`,
    author: "Tuyên truyền phòng, chống ma túy",
    intro: "Các bản tin phòng, chống ma túy đã phát trên loa các thôn trong tuần. Ai biết điểm mua bán, sử dụng ma túy, hãy nhắn tin cho trang này để báo tin: không cần cho biết họ tên.",
    description: (titles: string[]) => `Tuần này: ${titles.join("; ")}.`,
    languageHeading: (language: string) => `— ${language} —`,
    howToTip: "Báo tin ẩn danh: nhắn “tố giác” cho trang này. Nhận bản tin mỗi tuần: nhắn “nhận bản tin”.",
  },
  progress: {
    title: "Người quan tâm trang Zalo (OA) của xã:",
    followers: (inWindow: number, total: number) =>
      `• Nhận tin nhắn trực tiếp mỗi buổi: ${inWindow}/${total} người đăng ký qua Zalo (đã nhắn cho trang trong 48 giờ trước buổi phát)`,
    sent: (week: string, when: string, followers: number | null, used: number, cap: number) =>
      `• Bài viết tổng hợp tuần ${week}: đã gửi lúc ${when} tới người quan tâm trang${followers !== null ? ` (khoảng ${followers} người, ước tính: Zalo không báo số người nhận)` : ""}; Zalo duyệt khoảng 30 phút rồi mới gửi. Lượt gửi tháng này: ${used}/${cap}.`,
    pending: (week: string) => `• Bài viết tổng hợp tuần ${week}: đang đăng lên Zalo…`,
    stopped: (week: string, why: string) => `• Bài viết tổng hợp tuần ${week}: ${why}`,
    next: (when: string, used: number, cap: number) => `• Bài viết tổng hợp tiếp theo: ${when}. Lượt gửi tháng này: ${used}/${cap}.`,
    off: "• Bài viết tổng hợp hằng tuần: chưa bật (cần kết nối trang Zalo và địa chỉ công khai PUBLIC_URL của máy chủ).",
  },
  coverage: {
    title: "Qua Zalo:",
    direct: (messages: number) => `• Tin nhắn bản tin gửi thẳng tới người đăng ký qua Zalo: ${messages}`,
    digests: (sent: number, followers: number | null) =>
      `• Bài viết tổng hợp gửi tới người quan tâm trang Zalo: ${sent} lần${followers !== null ? ` (mỗi lần khoảng ${followers} người, ước tính)` : ""}`,
  },
  /** Why a week's digest did not go out, by reason code. */
  reasons: {
    monthly_cap: "không gửi: đã dùng hết lượt gửi của tháng; bài tuần sau sẽ gộp cả tuần này.",
    quota_full: "Zalo báo đã hết lượt gửi (mã 3004); gửi lại từ ngày 1 tháng sau.",
    nothing_aired: "không gửi: tuần này chưa có bản tin nào được phát.",
    no_permission: "Zalo không cho trang gửi bài viết (trang chưa xác thực hoặc gói cơ bản). Quản trị viên kiểm tra gói và quyền của ứng dụng trên Zalo.",
    rejected: "Zalo không duyệt nội dung bài viết. Quản trị viên xem lại bài trên trang quản lý OA.",
    invalid: "Zalo từ chối bài viết (dữ liệu không hợp lệ). Quản trị viên xem nhật ký máy chủ.",
    failed: "chưa đăng được bài viết lên Zalo sau nhiều lần thử.",
    ambiguous: "không rõ Zalo đã nhận lệnh gửi hay chưa (mất kết nối). Không gửi lại để tránh gửi hai lần: quản trị viên xem mục Broadcast trên trang quản lý OA.",
    too_late: "không gửi: bài viết xong quá muộn trong ngày (Zalo để đến hôm sau mới duyệt).",
  } as Record<string, string>,
};
