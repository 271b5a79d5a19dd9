// Words of the web chat's HTTP answers (the page has its own strings).
export const webText = {
  badRequest: "Yêu cầu không hợp lệ. Vui lòng tải lại trang.",
  badUpload: "Không đọc được ảnh. Hãy chọn một tệp ảnh (JPEG, PNG hoặc WebP).",
  tooLarge: "Tệp quá lớn. Ảnh tối đa 2 MB.",
  tooFast: "Bạn đang gửi quá nhanh. Vui lòng chờ một chút.",
  forbidden: "Chỉ cán bộ đã đăng ký mới xem được tệp này.",
  notFound: "Không tìm thấy.",
  demoOfficerName: "Cán bộ thử nghiệm",
} as const;
