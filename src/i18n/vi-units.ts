// Every word of the reporting units (issue 14): the departments, health station, schools, Fatherland
// Front and mass organisations that send their monthly results to the commune police. Their form,
// their part of /thongke and of the report, their reminder. Staff are addressed as "đồng chí".
import { formatMonthVN } from "../util/vietnam-time.js";

export const viUnits = {
  form: {
    badMonth: (word: string) => `Không hiểu "${word}". Ghi tháng, ví dụ: 11/2026.`,
    noUnit: "Tài khoản của đồng chí chưa gắn với đơn vị nào. Hãy nhờ quản trị cấp lại mã mời có đơn vị.",
    summaryMissing: (count: number) => `Còn ${count} mục chưa có số liệu: báo cáo của xã sẽ ghi "chưa có số liệu" ở mục đó.`,
    saved: (month: string, unit: string, version: number) =>
      `✅ Đã lưu số liệu tháng ${formatMonthVN(month)} của ${unit} (lần cập nhật ${version}). Xem lại: /thongke ${formatMonthVN(month)}`,
    conflict: "Số liệu của đơn vị vừa được người khác cập nhật trong lúc đồng chí nhập. Chưa lưu gì. Hãy gõ /capnhat để xem số mới và nhập lại.",
  },
  summary: {
    unitTitle: (month: string, unit: string, commune: string) => `📊 SỐ LIỆU THÁNG ${formatMonthVN(month)} — ${unit.toUpperCase()}, XÃ ${commune.toUpperCase()}`,
    nothing: (month: string) => `Đơn vị chưa nhập số liệu tháng ${formatMonthVN(month)}. Gõ /capnhat để nhập.`,
    heading: "Các ban, ngành, đoàn thể:",
    reported: (done: number, total: number) => `• Đã gửi số liệu: ${done}/${total} đơn vị`,
    notReported: (names: string) => `• Chưa gửi: ${names}`,
    allReported: "• Tất cả các đơn vị đã gửi số liệu.",
    unitLine: (unit: string, figures: string) => `  – ${unit}: ${figures}`,
    figure: (label: string, value: string) => `${label} ${value}`,
  },
  report: {
    /** Excel allows 31 characters in a sheet's name. */
    sheet: "Số liệu ban, ngành, đoàn thể",
    section: "VII. Số liệu các ban, ngành, đoàn thể",
    colUnit: "Đơn vị",
    missing: "chưa có số liệu",
    partial: (value: string) => `${value} (chưa đủ các đơn vị)`,
    unitsReported: "Ban, ngành, đoàn thể đã gửi số liệu",
    reportedOf: (done: number, total: number) => `${done}/${total} ban, ngành, đoàn thể đã gửi số liệu`,
  },
  reminders: {
    leaderUnits: (missing: string[]) => (missing.length > 0 ? `Còn ${missing.length} ban, ngành, đoàn thể chưa gửi số liệu: ${missing.join(", ")}.` : "Các ban, ngành, đoàn thể đã gửi đủ số liệu."),
    unit: (month: string, unit: string, due: string) =>
      `🔔 Nhắc đồng chí: ${unit} chưa gửi số liệu tháng ${formatMonthVN(month)} về Công an xã. Báo cáo tháng của xã hạn gửi ngày ${due}. Gõ /capnhat để nhập (vài phút).`,
  },
  commands: {
    figures: "/capnhat [tháng] — nhập hoặc sửa số liệu tháng của đơn vị (có tóm tắt trước khi lưu)",
    summary: "/thongke [tháng] — xem số liệu tháng đơn vị đã gửi",
  },
} as const;
