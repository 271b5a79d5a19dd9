// Words of the printed village posters (A4), in Vietnamese.
export const viPosters = {
  documentTitle: (commune: string) => `Áp phích tố giác ma túy — xã ${commune}`,
  /** The PDF's title (its metadata; a reader shows it in the window's title bar). */
  pdfTitle: (commune: string) => `Áp phích tố giác – xã ${commune}`,
  heading: "TỐ GIÁC TỘI PHẠM MA TÚY",
  subheading: "ẨN DANH — AN TOÀN — NHANH CHÓNG",
  place: (village: string, commune: string, province: string) => `${village}, xã ${commune}, ${province}`,
  scanWeb: "Quét mã bằng camera điện thoại để báo tin qua trang web",
  scanTelegram: "Quét mã để báo tin qua Telegram",
  scanZalo: "Quét mã bằng Zalo để báo tin qua Zalo",
  /** Under a QR code of a page in another language: the translated words, then the channel's name. */
  scanAny: "Quét mã bằng điện thoại để báo tin",
  channelName: { web: "Trang web", telegram: "Telegram", zalo: "Zalo" },
  /** The page of a village's poster in one of its languages: which language, in Vietnamese too. */
  languageBadge: (label: string) => `Bản ${label.replace(/^Tiếng /u, "tiếng ")}`,
  /** The poster's words as an item translators translate (never aired as a bulletin). */
  itemTitle: "Lời trên áp phích tố giác ma túy dán ở thôn (giữ đủ số đoạn, mỗi đoạn cách một dòng trống)",
  itemTopic: "Áp phích tố giác",
  itemSources: [
    "Kế hoạch của UBND xã Hồng Lộc (Hà Tĩnh) giữ vững xã không ma túy giai đoạn 2026-2030: 100% thôn có hòm thư tố giác tội phạm, có bảng niêm yết công khai số điện thoại đường dây nóng",
  ],
  /** Zalo's OA link cannot carry the village (docs/zalo-reach.md §4): the poster says what to type. */
  zaloThenCode: (code: string) => `Sau khi quét, bấm “Quan tâm” rồi nhắn mã thôn: ${code}`,
  promises: [
    "Không cần cho biết họ tên, số điện thoại.",
    "Công an xã nhận tin ngay nhưng không biết bạn là ai.",
    "Bạn nhận một mã tiếp nhận để theo dõi và bổ sung thông tin.",
  ],
  whatTitle: "Hãy báo khi thấy:",
  what: [
    "Điểm, người bán lẻ ma túy; nơi tụ tập sử dụng",
    "Trồng cây thuốc phiện, cần sa",
    "Ma túy trá hình: \"nước vui\", kẹo, thuốc lá điện tử, khí cười",
    "Người ngáo đá, có biểu hiện loạn thần",
    "Lôi kéo học sinh, mua bán qua mạng",
  ],
  hotlineCommune: (number: string) => `Đường dây nóng công an xã: ${number}`,
  /** Seed 000: the numbers of the head and deputy heads of commune police, published in public places. */
  policeContact: (title: "head" | "deputy", name: string, phone: string) => `${title === "head" ? "Trưởng Công an xã" : "Phó Trưởng Công an xã"} ${name}: ${phone}`,
  hotlineNational: "Đường dây nóng toàn quốc: 0769.04.04.04 (gọi, nhắn tin, Zalo)",
  emergency: "Khẩn cấp: gọi 113",
  falseReport: "Cố ý báo tin sai sự thật là vi phạm pháp luật.",
  motto: "Lấy thôn bản làm pháo đài — chung tay xây dựng xã không ma túy",
  sample: "DỮ LIỆU MẪU — KHÔNG DÁN",
} as const;
