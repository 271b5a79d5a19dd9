// Sending a tip on (issue 12): to another commune of the province (it arrives there as a new tip) or
// to a police unit (the tip is closed "chuyển cơ quan khác"). Officers' words only: the tipster is
// told nothing of where it went.
export const viTransfer = {
  /** The help text's line under /tinbao. */
  help: "Trên một tin đang mở, \"Chuyển\": sang xã/phường khác trong tỉnh (tin gửi nhầm địa bàn) hoặc cho đơn vị công an (ví dụ PC04 Công an tỉnh), kèm lý do",

  buttons: {
    transfer: "↪️ Chuyển",
    toCommune: "🏘️ Xã/phường khác",
    toUnit: "🚓 Đơn vị công an",
    commune: (name: string, code: string) => `🏘️ ${name} (${code})`,
    confirm: "✅ Chuyển",
  },

  flow: {
    chooseKind: (caseNumber: string) =>
      `Chuyển tin báo ${caseNumber} đi đâu?\n• Xã/phường khác: tin báo gửi nhầm địa bàn; xã nhận sẽ nhận như một tin báo mới.\n• Đơn vị công an: tin thuộc thẩm quyền đơn vị khác (ví dụ PC04 Công an tỉnh); tin báo sẽ kết thúc ở xã với kết quả "chuyển cơ quan khác".`,
    chooseKindLeader: (caseNumber: string) =>
      `Chuyển tin báo ${caseNumber} sang xã/phường khác (tin báo gửi nhầm địa bàn); xã nhận sẽ nhận như một tin báo mới. Chuyển cho đơn vị công an là kết thúc tin báo: việc này do cán bộ xử lý tin báo làm.`,
    askCommune: (caseNumber: string) => `Gõ tên hoặc mã xã/phường sẽ nhận tin báo ${caseNumber} (ví dụ: "Hồng Lộc"). Chỉ chuyển được trong cùng tỉnh.`,
    noMatch: (typed: string) => `Không tìm thấy xã/phường nào trong tỉnh khớp với "${typed}". Hãy gõ lại tên (có hoặc không dấu) hoặc mã xã.`,
    manyMatches: (n: number) => `Có ${n} xã/phường khớp. Chọn một xã trong danh sách, hoặc gõ tên đầy đủ hơn:`,
    tooMany: "Có quá nhiều xã/phường khớp. Hãy gõ tên đầy đủ hơn hoặc mã xã.",
    sameCommune: "Tin báo đang ở chính xã này. Hãy gõ tên xã/phường khác sẽ nhận tin.",
    otherProvince: (typed: string) => `"${typed}" thuộc tỉnh khác. Chỉ chuyển được tin báo sang xã/phường trong cùng tỉnh; tin báo của tỉnh khác hãy chuyển cho đơn vị công an.`,
    chooseUnit: (caseNumber: string) => `Chọn đơn vị công an sẽ nhận tin báo ${caseNumber}:`,
    useUnits: "Hãy chọn một đơn vị trong danh sách (bấm nút hoặc gõ số).",
    askReason: (to: string) => `Gõ lý do chuyển tin báo cho ${to} (ví dụ: "địa điểm nêu trong tin thuộc địa bàn xã bạn"). Lý do lưu trong lịch sử tin báo, người báo tin không thấy.`,
    reasonEmpty: "Lý do đang trống. Hãy gõ lý do chuyển tin báo.",
    summary: (caseNumber: string, to: string, reason: string) => `Xác nhận chuyển tin báo ${caseNumber}\nNơi nhận: ${to}\nLý do: ${reason}`,
    summaryCommune: "Sau khi chuyển, xã mình chỉ còn giữ một dòng ghi nhận; cán bộ xã không mở được tin báo này nữa. Người báo tin vẫn theo dõi được bằng mã tiếp nhận.",
    summaryUnit: "Sau khi chuyển, tin báo kết thúc ở xã với kết quả \"Chuyển cơ quan khác giải quyết\"; người báo tin nhận thông báo tin đã được xử lý.",
    useConfirm: "Bấm \"Chuyển\" để xác nhận, \"Quay lại\" để sửa hoặc \"Hủy\" để thôi.",
    cancelled: "Đã hủy, tin báo không được chuyển.",
    expired: "Việc chuyển tin báo đã dừng vì lâu không thao tác; tin báo chưa được chuyển.",
    doneCommune: (caseNumber: string, to: string) => `✅ Đã chuyển tin báo ${caseNumber} sang ${to}. Cán bộ xã nhận đã được báo tin mới.`,
    doneUnit: (caseNumber: string, to: string) => `✅ Đã chuyển tin báo ${caseNumber} cho ${to}. Tin báo kết thúc ở xã với kết quả "Chuyển cơ quan khác giải quyết".`,
  },

  refused: {
    closed: (caseNumber: string) => `Tin báo ${caseNumber} đã kết thúc, không chuyển được. Nếu cần, hãy mở lại tin báo trước.`,
    held: (caseNumber: string) => `Tin báo ${caseNumber} đang tạm giữ chờ xem xét. Hãy đưa vào danh sách (/tinbao giu) trước khi chuyển.`,
    forbidden: "Đồng chí không có quyền chuyển tin báo này.",
    unitForbidden: "Chuyển cho đơn vị công an là kết thúc tin báo: việc này do cán bộ xử lý tin báo của xã làm.",
    badCommune: "Xã/phường này không nhận được tin báo (không có trong hệ thống hoặc thuộc tỉnh khác).",
    badUnit: "Đơn vị này không có trong danh sách.",
    moved: (caseNumber: string) => `Tin báo ${caseNumber} vừa được cán bộ khác thay đổi. Hãy mở lại tin báo để xem.`,
  },

  /** To the sending commune's alert targets, in the tip's thread. */
  thread: (caseNumber: string, by: string, to: string, reason: string) => `↪️ ${by} đã chuyển tin báo ${caseNumber} sang ${to}. Lý do: ${reason}`,
  /** An officer of the sending commune opening the tip afterwards. */
  gone: (caseNumber: string, to: string) => `Tin báo ${caseNumber} đã được chuyển sang ${to}, xã mình không còn xem được tin này.`,
  /** On the new commune's alert, under the new-tip text. */
  arrived: (from: string, by: string, reason: string) => `↪️ Tin báo do ${from} chuyển đến (${by}). Lý do: ${reason}`,
  /** A line of /tinbao: what the commune sent on in the last days. */
  sentLine: (days: number, parts: string) => `↪️ Đã chuyển đi trong ${days} ngày qua: ${parts}.`,
  sentPart: (to: string, n: number) => `${n} tin sang ${to}`,
  route: (from: string, to: string) => `${from} → ${to}`,
  timeline: (time: string, who: string, to: string, reason: string) => `• ${time} — ${who} chuyển tin báo: ${to}. Lý do: ${reason}`,
  consoleEvent: (actor: string, to: string, reason: string) => `${actor} chuyển tin báo: ${to}. Lý do: ${reason}`,
};
