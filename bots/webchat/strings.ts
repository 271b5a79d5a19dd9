// Words of the web chat's HTTP answers (the page has its own strings).
export const webText = {
  badRequest: "Yêu cầu không hợp lệ. Vui lòng tải lại trang.",
  badUpload: "Không đọc được ảnh. Hãy chọn một tệp ảnh (JPEG, PNG hoặc WebP).",
  unsafeUpload:
    "Hệ thống không đọc được ảnh này nên không thể xóa thông tin ẩn trong ảnh (vị trí, thiết bị chụp). Để bảo vệ bạn, ảnh chưa được gửi. Hãy chọn ảnh khác (JPEG, PNG hoặc WebP) hoặc chụp màn hình ảnh đó rồi gửi lại.",
  heicUpload:
    "Ảnh HEIC (định dạng mặc định của iPhone) chưa được hỗ trợ nên ảnh chưa được gửi. Hãy chọn ảnh JPEG hoặc PNG, hoặc chụp màn hình ảnh đó rồi gửi lại.",
  tooLarge: "Tệp quá lớn. Ảnh tối đa 2 MB.",
  tooFast: "Bạn đang gửi quá nhanh. Vui lòng chờ một chút.",
  forbidden: "Chỉ cán bộ đã đăng ký mới xem được tệp này.",
  notFound: "Không tìm thấy.",
  uploadGone: "Không tìm thấy ảnh này trong cuộc trò chuyện của bạn (có thể tin báo đã hết hạn). Hãy chọn lại ảnh.",
  uploadsPerChat: "Bạn đã gửi đủ số ảnh cho một tin báo. Hãy bấm “Tiếp tục” để gửi tin báo trước.",
  uploadsBusy: "Hệ thống đang nhận rất nhiều ảnh. Vui lòng chờ một phút rồi gửi lại; tin báo bằng chữ vẫn gửi được ngay.",
  uploadsFull: "Hiện hệ thống không nhận thêm ảnh được. Bạn vẫn có thể gửi tin báo bằng chữ; công an xã có thể hỏi thêm sau.",
  demoOfficerName: "Cán bộ thử nghiệm",
} as const;

// Words of the web chat page itself (sent to the browser as JSON, shown with textContent only;
// "{name}" marks a value the page fills in).
export const pageText = {
  title: "Pháo Đài — Báo tin ma túy ẩn danh",
  brand: "Pháo Đài",
  tagline: "Kênh báo tin ma túy ẩn danh cho công an xã",
  roleCitizen: "Người dân",
  roleOfficer: "Cán bộ (bản thử nghiệm)",
  notice: "🛡️ Không cần họ tên hay số điện thoại. Trang này không dùng cookie và không lưu địa chỉ IP.",
  emergency: "Khẩn cấp: gọi 113",
  wipe: "🧹 Xóa dấu vết trên máy này",
  wipeConfirm:
    "Xóa dấu vết trên máy này? Hệ thống sẽ xóa địa chỉ liên lạc của bạn và trang sẽ quên cuộc trò chuyện. Hãy chắc chắn bạn đã ghi lại mã tiếp nhận.",
  wiped: "Đã xóa. Trang sẽ bắt đầu lại như người mới.",
  placeholder: "Nhập tin nhắn…",
  send: "Gửi",
  photo: "📷 Ảnh",
  location: "📍 Vị trí",
  photoTitle: "Gửi ảnh (ảnh được làm sạch thông tin vị trí, máy chụp trước khi gửi)",
  locationTitle: "Gửi vị trí hiện tại của bạn",
  sendingPhoto: "Đang làm sạch và gửi ảnh…",
  photoSent: "📷 Đã gửi ảnh",
  photoFailed: "Không gửi được ảnh. Hãy thử ảnh khác (JPEG, PNG) nhỏ hơn.",
  locationSent: "📍 Đã gửi vị trí",
  locationFailed: "Không lấy được vị trí. Hãy cho phép trình duyệt dùng vị trí, hoặc gõ địa điểm bằng chữ.",
  locationLabel: "📍 Vị trí",
  openMap: "Mở bản đồ",
  offline: "Mất kết nối tới máy chủ. Đang thử lại…",
  officerDemoOnly: "Chế độ cán bộ chỉ có trong bản thử nghiệm. Cán bộ dùng Telegram hoặc Zalo.",
  officerRegistering: "Đang đăng ký cán bộ thử nghiệm…",
  officerBanner: "Cán bộ thử nghiệm của xã {commune}. Tin báo mới của xã sẽ hiện ở đây ngay khi người dân gửi.",
  officerTips: "📋 Tin báo đang mở",
  me: "Bạn",
  bot: "Pháo Đài",
  mediaLoading: "Đang tải ảnh…",
  mediaUnavailable: "Không xem được tệp này.",
  download: "⬇️ Tải tệp",
} as const;
