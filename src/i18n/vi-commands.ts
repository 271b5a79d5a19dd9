// The commands' words: each command's help lines (by reader where the wording differs) and its
// short description in Telegram's command menu; the help text's section titles and footers.
// The command registry (bots/core/commands) picks them by command.
import { vi } from "./vi.js";

const MONTH_HINT = "Tháng ghi dạng 11/2026; không ghi là tháng hiện tại.";

export const viCommands = {
  sections: {
    citizen: "❓ Hướng dẫn:",
    citizenFooter: vi.emergency,
    tips: "Lệnh dành cho cán bộ:",
    compliance: "Thống kê, tiêu chí, báo cáo:",
    complianceVillage: "Số liệu của thôn:",
    complianceAdmin: "Thống kê cho quản trị (ghi mã xã; xem các mã bằng npm run admin -- places):",
    complianceFooter: MONTH_HINT,
    bulletins: "Bản tin:",
    bulletinsVillage: "Bản tin trên loa:",
    bulletinsTranslator: "Biên dịch bản tin:",
    bulletinsVillageFooter: "Sau mỗi lần phát, bấm \"Đã phát\" hoặc \"Chưa phát được\" dưới bản tin.",
    bulletinsReviewerFooter: "Bản dịch của biên dịch viên khác cùng ngôn ngữ gửi đến đồng chí kèm nút \"Duyệt\" / \"Trả lại để sửa\".",
    accounts: "Tài khoản của đồng chí:",
  },

  start: { help: "/start — bắt đầu báo tin mới", menu: "Báo tin mới về ma túy" },
  followUp: { help: "/theodoi — xem trạng thái, câu hỏi của cán bộ, gửi thêm thông tin (cần mã tiếp nhận)", menu: "Theo dõi tin đã báo (cần mã tiếp nhận)" },
  privacy: { help: "/baomat — điều gì được bảo vệ, điều gì không", menu: "Điều gì được bảo vệ, điều gì không" },
  erase: { help: "/xoadulieu — xóa ngay địa chỉ liên lạc của bạn", menu: "Xóa ngay địa chỉ liên lạc của bạn" },
  back: { help: "/quaylai — quay lại bước trước", menu: "Quay lại bước trước" },
  cancel: { help: "/huy — hủy việc đang làm", menu: "Hủy việc đang làm" },
  help: { help: "/trogiup — xem lại hướng dẫn này", menu: "Hướng dẫn sử dụng" },

  subscribe: { help: "/nhanbantin — nhận bản tin phòng, chống ma túy của xã (tiếng Việt hoặc tiếng dân tộc)", menu: "Nhận bản tin phòng, chống ma túy" },
  unsubscribe: { help: "/huybantin — dừng nhận bản tin", menu: "Dừng nhận bản tin" },
  bulletin: {
    help: "/bantin — đọc bản tin mới nhất",
    menu: "Đọc bản tin mới nhất",
    village: [
      "/bantin — bản tin hiện tại bằng các ngôn ngữ của thôn",
      "/bantin <ngôn ngữ> — ví dụ: /bantin mong, /bantin thai",
      "/bantin ds — các bản tin gần đây",
    ],
    reviewer: "/bantin — bản tin hiện tại của xã",
  },
  translate: { help: ["/dich — các bản tin còn thiếu bản dịch cho ngôn ngữ của đồng chí, và bản dịch của người khác chờ đồng chí duyệt", "/dich ngonngu — chọn ngôn ngữ dịch"], menu: "Bản tin cần dịch" },
  progress: {
    help: ["/tiendo — tiến độ gửi bản tin và xác nhận phát của các thôn", "/tiendo thang [MM/YYYY] — độ phủ bản tin theo thôn trong tháng"],
    menu: "Tiến độ gửi và phát bản tin",
  },
  schedule: { help: "/lichphat — xem hoặc đổi lịch phát, ví dụ: /lichphat T2,T5 06:30,18:30 (tat / bat để tạm dừng / bật lại)", menu: "Lịch phát bản tin" },
  languages: { help: "/ngonngu — ngôn ngữ của xã hoặc của một thôn, ví dụ: /ngonngu vie,hnj hoặc /ngonngu LP-02 hnj,vie", menu: "Ngôn ngữ bản tin" },

  tips: {
    help: "/tinbao — các tin báo đang mở của xã. Lọc theo trạng thái: /tinbao moi | tiepnhan | xacminh | daxuly | khongcoso | tatca; theo loại (ví dụ /tinbao selling) hoặc theo mã thôn",
    /** The tip view's buttons (issue 12): one more help line beside /tinbao. */
    view: "Bấm \"Xem\" một tin: người phụ trách, hạn xác minh (quá hạn lên đầu danh sách), toàn bộ diễn biến; Ghi chú, Giao cán bộ khác, Gia hạn, Mở lại",
    menu: "Các tin báo đang mở của xã",
  },
  alertGroups: {
    help: "/nhomcanhbao — gửi trong nhóm: đăng ký nhóm đó nhận cảnh báo tin báo mới của xã; gửi riêng cho bot: xem và gỡ các nhóm nhận cảnh báo của xã",
    menu: "Nhóm nhận cảnh báo tin báo",
  },

  summary: {
    commune: "/thongke [mã thôn] [tháng] — tóm tắt số liệu của xã hoặc một thôn",
    village: "/thongke [tháng] — xem số liệu và tiêu chí của thôn",
    admin: "/thongke <mã xã> [mã thôn] [tháng] — tóm tắt số liệu của một xã hoặc một thôn",
    menu: "Tóm tắt số liệu",
  },
  criteria: {
    commune: "/tieuchi [tháng] — bảng tiêu chí \"xã không ma túy\": ✅ đạt, ❌ chưa đạt, ❔ thiếu số liệu",
    admin: "/tieuchi <mã xã> [tháng] — bảng tiêu chí \"xã không ma túy\" của một xã",
    menu: "Bảng tiêu chí xã không ma túy",
  },
  recognition: {
    commune: "/congnhan [tháng] — xét công nhận \"thôn, khu phố không ma túy\": thôn nào đủ điều kiện, thôn nào chưa và vì sao",
    village: "/congnhan [tháng] — thôn mình đã đủ điều kiện \"thôn không ma túy\" chưa",
    admin: "/congnhan <mã xã> [mã thôn] [tháng] — xét công nhận thôn không ma túy của một xã",
    menu: "Xét công nhận thôn không ma túy",
  },
  tipStats: {
    commune: "/tinbao_tk [tháng] — thống kê tin báo theo trạng thái, loại việc, thôn; thời gian tiếp nhận, xử lý",
    admin: "/tinbao_tk <mã xã> [tháng] — thống kê tin báo của một xã",
    menu: "Thống kê tin báo",
  },
  report: {
    commune: "/baocao [tháng] — báo cáo tháng gửi cấp trên (Excel, trang in được, biểu đồ); theo quý, sơ kết 6 tháng, tổng kết năm, đợt cao điểm: /baocao q4/2026, /baocao 6thang/2026, /baocao nam/2026, /baocao thanghanhdong",
    admin: "/baocao <mã xã> [tháng | q4/2026 | 6thang/2026 | nam/2026 | thanghanhdong] — báo cáo của một xã",
    menu: "Báo cáo tháng",
  },
  chart: {
    commune: "/bieudo [tháng] — biểu đồ 6 tháng gần nhất",
    admin: "/bieudo <mã xã> [tháng] — biểu đồ 6 tháng gần nhất của một xã",
    menu: "Biểu đồ 6 tháng",
  },
  figures: {
    commune: "/capnhat [mã thôn] [tháng] — nhập, sửa số liệu tháng của một thôn",
    village: "/capnhat [tháng] — nhập hoặc sửa số liệu tháng của thôn (có tóm tắt trước khi lưu)",
    menu: "Nhập, sửa số liệu tháng",
  },
  ranking: {
    help: "/xephang [mã tỉnh] [tháng] — xếp hạng các xã của tỉnh theo số tiêu chí đạt; /xephang <mã xã> — các thôn của một xã",
    villages: "/xephang [tháng] — xếp hạng các thôn trong xã, danh sách đề nghị biểu dương, phê bình",
    menu: "Xếp hạng",
  },

  whoAmI: { help: "/toi — vai trò và phạm vi của đồng chí", menu: "Vai trò và phạm vi của đồng chí" },
  link: {
    help: "/lienket — liên kết tài khoản của đồng chí trên Zalo hoặc Telegram khác (lấy mã ở kênh này, gửi mã ở kênh kia)",
    menu: "Liên kết tài khoản Zalo hoặc Telegram khác",
  },
  alertChannel: { help: "/kenhcanhbao — chọn kênh nhận cảnh báo tin báo (Zalo hoặc Telegram)", menu: "Chọn kênh nhận cảnh báo" },
} as const;
