// Every word of the bulletin feature a user reads, in Vietnamese with full diacritics.
// Staff are addressed as "đồng chí"; citizens as "bạn"; the bulletins themselves speak to "bà con".
import { viCommon } from "./vi-common.js";

const NATIONAL_HOTLINE = "0769.04.04.04";

export const DAY_NAMES = ["", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"] as const;

export const viBulletins = {
  buttons: {
    broadcast: "✅ Đã phát",
    notBroadcast: "⚠️ Chưa phát được",
    recent: "📚 Các bản tin gần đây",
    otherLanguage: "🌐 Xem bằng ngôn ngữ khác",
    subscribe: "📢 Nhận bản tin",
    unsubscribe: "🔕 Dừng nhận bản tin",
    back: viCommon.back,
    cancel: viCommon.cancel,
    translate: (title: string) => `✍️ ${title}`,
    previousPage: "◀️ Trang trước",
    nextPage: "Trang sau ▶️",
    submitDraft: "📤 Gửi duyệt",
    stopTranslating: "⏸️ Tạm dừng, lưu bản nháp",
    approve: "✅ Duyệt",
    returnDraft: "↩️ Trả lại để sửa",
    languageOn: (label: string) => `☑️ ${label}`,
    languageOff: (label: string) => `⬜ ${label}`,
    languagesDone: "✔️ Xong",
    moreMissing: "📋 Danh sách cần dịch",
    openReview: (title: string, label: string) => `🔎 ${label}: ${title}`,
    viewSlot: (when: string) => `🗓️ ${when}`,
  },


  when: (time: string, day: string, date: string) => `${time} ${day} ${date}`,

  head: {
    header: (when: string, village: string) => `📢 BẢN TIN PHÒNG, CHỐNG MA TÚY\nBuổi phát ${when} — ${village}`,
    late: "(Gửi muộn vì hệ thống bị gián đoạn. Đồng chí phát vào buổi gần nhất có thể.)",
    language: (label: string, part?: string) => (part ? `Ngôn ngữ: ${label} — ${part}` : `Ngôn ngữ: ${label}`),
    fallback: (missing: string) => `Chưa có bản ${missing} đã duyệt, nên gửi bản này. Xã đã đề nghị biên dịch viên dịch.`,
    audioAbove: "🔊 Ghi âm bản tin ở trên: đồng chí có thể mở cho loa phát trực tiếp.",
    audioOnly: "(Bản này chỉ có ghi âm.)",
    altScript: "Cùng nội dung, chữ Latinh:",
    footer: "Sau khi phát trên loa, đồng chí bấm \"Đã phát\". Nếu chưa phát được, bấm \"Chưa phát được\" và chọn lý do.",
    title: (title: string) => `«${title}»`,
    askReason: (village: string, when: string) => `Vì sao ${village} chưa phát được bản tin buổi ${when}? Chọn lý do:`,
    askReasonText: "Đồng chí gõ ngắn gọn lý do chưa phát được (tối đa 300 ký tự):",
    reasonEmpty: "Lý do đang trống. Đồng chí gõ vài chữ, hoặc bấm \"Hủy\".",
    reasonTooLong: (max: number) => `Lý do dài quá ${max} ký tự. Đồng chí viết ngắn lại.`,
    recordedBroadcast: (village: string, when: string) => `✅ Đã ghi nhận: ${village} đã phát bản tin buổi ${when}. Cảm ơn đồng chí!`,
    recordedNot: (village: string, when: string, reason: string) =>
      `Đã ghi nhận: ${village} chưa phát được bản tin buổi ${when} (${reason}). Khi phát được, đồng chí bấm lại "Đã phát".`,
    notYourVillage: "Bản tin này thuộc thôn khác, đồng chí không xác nhận thay được.",
    deliveryUnknown: "Không tìm thấy buổi phát này.",
    reasonCancelled: "Đã hủy, chưa ghi nhận lý do. Đồng chí có thể bấm lại \"Chưa phát được\" dưới bản tin.",
    reminder: (village: string, when: string) =>
      `⏰ Nhắc đồng chí: ${village} chưa xác nhận phát bản tin buổi ${when}. Đồng chí đã phát chưa? Gõ /bantin để xem lại nội dung.`,
    repeat: (time: string, morning: boolean) =>
      morning
        ? `🔁 Cùng bản tin đã gửi sáng nay (${time}). Đồng chí phát lại một lần nữa để bà con đi làm về được nghe, rồi bấm "Đã phát" cho buổi này.`
        : `🔁 Cùng bản tin đã gửi lúc ${time} hôm nay. Đồng chí phát lại một lần nữa, rồi bấm "Đã phát" cho buổi này.`,
    reminderRepeat: (when: string) => `(Buổi này phát lại bản tin buổi ${when}.)`,
  },

  subscriber: {
    header: (commune: string, date: string) => `📢 Bản tin phòng, chống ma túy — xã ${commune} — ${date}`,
    fallback: (missing: string) => `(Chưa có bản ${missing}, gửi bạn bản tiếng Việt.)`,
    footer: "Gõ /huybantin để dừng nhận bản tin.",
  },

  subscribe: {
    askCommune: "Bạn muốn nhận bản tin của xã, phường nào? Hãy gõ tên xã (có dấu hoặc không dấu), ví dụ: Lùng Phình.",
    communeResults: "Chọn đúng xã:",
    communeNotFound: (query: string) => `Không tìm thấy xã nào có tên "${query}". Hãy gõ lại, có thể gõ không dấu hoặc một phần tên.`,
    askLanguage: (commune: string) => `Xã ${commune}. Bạn muốn nhận bản tin bằng tiếng nào?`,
    done: (commune: string, language: string, schedule: string) =>
      [
        `✅ Bạn sẽ nhận bản tin phòng, chống ma túy của xã ${commune} bằng ${language}.`,
        `Lịch gửi: ${schedule}.`,
        "Hệ thống chỉ lưu một bí danh mã hóa và địa chỉ nhận tin đã mã hóa, không lưu tên hay số điện thoại của bạn. Ngôn ngữ bạn chọn chỉ dùng để gửi đúng bản tin.",
        "Gõ /huybantin để dừng bất cứ lúc nào.",
      ].join("\n"),
    changed: "(Đăng ký trước đó của bạn đã được thay bằng đăng ký này.)",
    stopped: "Đã dừng. Bạn sẽ không nhận bản tin nữa, và địa chỉ nhận tin của bạn đã bị xóa. Gõ /nhanbantin nếu muốn nhận lại.",
    notSubscribed: "Bạn chưa đăng ký nhận bản tin. Gõ /nhanbantin để đăng ký.",
    groupOnly: "Hãy nhắn riêng cho bot để đăng ký nhận bản tin.",
    cancelled: "Đã hủy. Bạn chưa đăng ký nhận bản tin. Gõ /nhanbantin khi cần.",
    useButtons: "Hãy gõ tên xã, hoặc bấm \"Hủy\".",
    noLanguage: "Ngôn ngữ này không có ở xã đã chọn. Hãy chọn một trong các nút.",
    erased: "Đã dừng nhận bản tin và xóa địa chỉ nhận bản tin của bạn.",
  },

  read: {
    none: (commune: string, next: string | null) =>
      next ? `Xã ${commune} chưa có buổi phát bản tin nào. Buổi đầu tiên: ${next}.` : `Xã ${commune} chưa có buổi phát bản tin nào.`,
    notSubscribed: "Bạn chưa đăng ký nhận bản tin của xã nào. Bấm nút bên dưới hoặc gõ /nhanbantin.",
    unknownLanguage: (typed: string, known: string) => `Không hiểu ngôn ngữ "${typed}". Dùng một trong: ${known}.`,
    recentTitle: (commune: string) => `📚 Các buổi phát gần đây của xã ${commune}:`,
    recentLine: (when: string, title: string, status: string) => `• ${when} — ${title}${status ? ` (${status})` : ""}`,
    recentNone: "Chưa có buổi phát nào.",
    chooseLanguage: "Chọn ngôn ngữ:",
    notStaffScope: "Đồng chí chưa được gắn với xã nào.",
    /** A new commune's first bulletin on demand (officers and leaders). */
    firstOffer: "Xã chưa phát buổi nào: đồng chí có thể phát ngay bản tin đầu tiên cho các trưởng thôn và người đăng ký, không phải chờ lịch.",
    firstButton: "📢 Phát bản tin đầu tiên ngay",
    firstQueued: (commune: string) => `📢 Đã phát bản tin đầu tiên của xã ${commune}: các trưởng thôn và người đăng ký sẽ nhận trong ít phút. Từ nay bản tin phát theo lịch (/lichphat).`,
    firstAiredBefore: "Xã đã phát bản tin rồi: các buổi sau phát theo lịch (/lichphat). Gõ /bantin để xem bản tin gần nhất.",
    firstNoContent: "Chưa có bản tin nào được duyệt để phát. Hãy liên hệ quản trị để nạp bản tin.",
  },

  slotStatus: {
    sending: "đang gửi",
    sent: "đã gửi",
    missed: "bỏ lỡ do hệ thống gián đoạn",
    empty: "không có bản tin đã duyệt",
  } as Record<string, string>,

  progress: {
    title: (commune: string) => `📊 Tiến độ bản tin — xã ${commune}`,
    slot: (when: string, title: string | null, status: string, late: boolean) => `🗓️ ${when}${late ? " (gửi muộn)" : ""}${title ? ` — «${title}»` : ""} — ${status}`,
    heads: (sent: number, total: number, pending: number, failed: number) =>
      `• Trưởng thôn: ${sent}/${total} tin đã gửi${pending ? `, ${pending} đang chờ` : ""}${failed ? `, ${failed} lỗi` : ""}`,
    subscribers: (sent: number, queued: number, pending: number, failed: number, skipped: number) =>
      `• Người đăng ký: ${sent}/${queued} tin đã gửi${pending ? `, ${pending} đang chờ` : ""}${failed ? `, ${failed} lỗi` : ""}${skipped ? `, ${skipped} bỏ qua (ngoài thời hạn nhận tin của ứng dụng hoặc đã bỏ quan tâm kênh)` : ""}`,
    fanningOut: "  (đang chia tin cho người đăng ký…)",
    repeatOf: (when: string) => `• Phát lại bản tin buổi ${when}: người đăng ký đã nhận bản tin từ buổi đó, không gửi lại.`,
    confirmations: (broadcast: number, villages: number, notBroadcast: number, noAnswer: number, noHead: number) =>
      `• Xác nhận phát: ${broadcast}/${villages} thôn đã phát${notBroadcast ? `, ${notBroadcast} chưa phát được` : ""}${noAnswer ? `, ${noAnswer} chưa trả lời` : ""}${noHead ? `, ${noHead} chưa có trưởng thôn đăng ký` : ""}`,
    reasonLine: (village: string, reason: string) => `   – ${village}: ${reason}`,
    none: "Chưa có buổi phát nào.",
    next: (when: string) => `⏭️ Buổi tiếp theo: ${when}`,
    paused: "⏸️ Lịch phát đang tạm dừng (/lichphat bat để bật lại).",
    missingTitle: "Bản dịch:",
    missingLine: (label: string, missing: number, total: number, waiting: number) =>
      `• ${label}: thiếu ${missing}/${total} bài${waiting ? ` (${waiting} bài chờ duyệt)` : ""}`,
    /** A translation approved lately: who translated it and who reviewed it (staff names only). */
    approvedLine: (title: string, translator: string | null, reviewer: string | null, day: string) =>
      `   ✔️ «${title}»: ${translator ?? "không rõ người dịch"} dịch, ${reviewer ?? "không rõ"} duyệt (${day})`,
    badMonth: (typed: string) => `Không hiểu tháng "${typed}". Ví dụ: /tiendo thang 06/2026`,
    needCommune: (code: string) => `Đồng chí quản trị toàn hệ thống: hãy ghi mã xã trước, ví dụ: /tiendo ${code}`,
  },

  coverage: {
    title: (commune: string, month: string) => `📈 Độ phủ bản tin — xã ${commune} — tháng ${month}`,
    slots: (aired: number, missed: number, empty: number) =>
      `Buổi phát: ${aired} đã gửi${missed ? `, ${missed} bỏ lỡ` : ""}${empty ? `, ${empty} không có bản tin` : ""}`,
    village: (name: string, delivered: number, broadcast: number, notBroadcast: number, noAnswer: number) =>
      `• ${name}: nhận ${delivered}, đã phát ${broadcast}${notBroadcast ? `, chưa phát được ${notBroadcast}` : ""}${noAnswer ? `, chưa trả lời ${noAnswer}` : ""}`,
    noHead: (name: string) => `• ${name}: chưa có trưởng thôn đăng ký nhận bản tin`,
    reached: (reached: number, total: number) => `Thôn đã phát ít nhất một lần: ${reached}/${total}.`,
    allReached: "✅ Tất cả các thôn đã phát ít nhất một bản tin trong tháng.",
  },

  weekly: {
    title: (commune: string, from: string, to: string) => `📋 Tổng hợp bản tin tuần ${from}–${to} — xã ${commune}`,
    allGood: (villages: number) => `✅ Cả ${villages} thôn đã xác nhận phát đủ các buổi trong tuần.`,
    problems: "Các thôn chưa phát đủ:",
    villageLine: (name: string, broadcast: number, total: number, details: string) => `• ${name}: phát ${broadcast}/${total} buổi${details ? ` — ${details}` : ""}`,
    notBroadcast: (reasons: string) => `chưa phát được: ${reasons}`,
    noAnswer: (n: number) => `${n} buổi chưa trả lời`,
    noHead: "chưa có trưởng thôn đăng ký",
    missed: (n: number) => `${n} buổi bị bỏ lỡ do hệ thống gián đoạn (không gửi).`,
    footer: "Gõ /tiendo để xem chi tiết.",
  },

  schedule: {
    describe: (days: string, times: string) => `${days}, lúc ${times} (giờ Việt Nam)`,
    current: (commune: string, text: string, enabled: boolean, next: string | null, repeat: boolean) =>
      [
        `🗓️ Lịch phát bản tin của xã ${commune}: ${text}.`,
        repeat ? "🔁 Trong một ngày, các giờ phát sau phát lại bản tin của buổi đầu." : "Mỗi giờ phát một bản tin khác nhau.",
        enabled ? (next ? `Buổi tiếp theo: ${next}.` : "") : "⏸️ Đang tạm dừng.",
        "Đổi lịch: /lichphat T2,T5 06:30,18:30 — tạm dừng: /lichphat tat — bật lại: /lichphat bat",
        "Phát lại trong ngày: /lichphat phatlai bat — mỗi giờ một bản tin: /lichphat phatlai tat",
      ]
        .filter(Boolean)
        .join("\n"),
    changed: (commune: string, text: string, next: string | null) =>
      `✅ Đã đổi lịch phát của xã ${commune}: ${text}.${next ? ` Buổi tiếp theo: ${next}.` : ""} Các buổi trước thời điểm đổi lịch không bị gửi bù.`,
    paused: (commune: string) => `⏸️ Đã tạm dừng lịch phát bản tin của xã ${commune}.`,
    /** "/lichphat phatlai bat|tat": the same bulletin again later the same day, or a new one at every time. */
    repeatWord: "phatlai",
    repeatOn: (commune: string) => `🔁 Từ nay xã ${commune} phát lại trong ngày: giờ phát chiều tối phát lại bản tin buổi sáng, trưởng thôn xác nhận từng lần phát.`,
    repeatOff: (commune: string) => `✅ Từ nay mỗi giờ phát của xã ${commune} là một bản tin khác nhau.`,
    repeatUsage: "Gõ /lichphat phatlai bat (phát lại bản tin buổi đầu trong ngày) hoặc /lichphat phatlai tat (mỗi giờ một bản tin).",
    resumed: (commune: string, next: string | null) => `▶️ Đã bật lại lịch phát của xã ${commune}.${next ? ` Buổi tiếp theo: ${next}.` : ""}`,
    errors: {
      empty: "Hãy gõ ngày và giờ, ví dụ: /lichphat T2,T5 06:30,18:30",
      no_days: "Thiếu ngày phát (T2…T7, CN). Ví dụ: /lichphat T2,T5 06:30,18:30",
      no_times: "Thiếu giờ phát (ví dụ 06:30). Ví dụ: /lichphat T2,T5 06:30,18:30",
      too_many_times: "Tối đa 4 giờ phát mỗi ngày.",
      bad_word: "Không hiểu",
    } as Record<string, string>,
    badWord: (word: string) => `Không hiểu "${word}". Ngày: T2…T7, CN; giờ: 06:30 hoặc 6h30. Ví dụ: /lichphat T2,T5 06:30,18:30`,
    needCommune: (code: string) => `Đồng chí quản trị toàn hệ thống: hãy ghi mã xã trước, ví dụ: /lichphat ${code} T2,T5 06:30,18:30`,
    unknownCommune: (code: string) => `Không có xã mã ${code}.`,
  },

  languages: {
    current: (commune: string, list: string, villages: string[]) =>
      [`🌐 Ngôn ngữ bản tin của xã ${commune}: ${list}.`, ...(villages.length ? ["Thôn có ngôn ngữ riêng:", ...villages] : []), "Đổi: /ngonngu vie,hnj — cho một thôn: /ngonngu <mã thôn> hnj,vie — bỏ riêng: /ngonngu <mã thôn> xoa"].join("\n"),
    villageLine: (name: string, code: string, list: string) => `• ${name} (${code}): ${list}`,
    communeSet: (commune: string, list: string) => `✅ Ngôn ngữ bản tin của xã ${commune}: ${list}. Các thôn chưa có ngôn ngữ riêng dùng danh sách này.`,
    villageSet: (village: string, list: string) => `✅ Loa của ${village} sẽ nhận bản tin bằng: ${list}.`,
    villageCleared: (village: string, list: string) => `✅ ${village} dùng lại ngôn ngữ của xã: ${list}.`,
    unknown: (words: string, known: string) => `Không hiểu ngôn ngữ: ${words}. Dùng mã hoặc tên: ${known}.`,
    empty: "Hãy ghi ít nhất một ngôn ngữ, ví dụ: /ngonngu vie,hnj",
    vietnameseAdded: "(Tiếng Việt luôn có trong danh sách của xã.)",
    needCommune: (code: string) => `Đồng chí quản trị toàn hệ thống: hãy ghi mã xã trước, ví dụ: /ngonngu ${code} vie,hnj`,
  },

  translate: {
    chooseLanguages: "Đồng chí dịch bản tin sang tiếng nào? Bấm để chọn (có thể chọn nhiều), xong bấm \"Xong\".",
    noLanguages: "Đồng chí chưa chọn ngôn ngữ dịch. Gõ /dich ngonngu để chọn.",
    languagesSaved: (list: string) => `✅ Ngôn ngữ dịch của đồng chí: ${list}.`,
    listTitle: (label: string, missing: number, total: number) => `✍️ Bản ${label}: còn ${missing}/${total} bài chưa có bản dịch đã duyệt.`,
    listWaiting: (n: number) => `${n} bài đang chờ duyệt.`,
    allDone: (label: string) => `🎉 Tất cả bản tin đã có bản ${label} được duyệt. Cảm ơn đồng chí!`,
    pickItem: "Chọn bài để dịch (ưu tiên từ trên xuống):",
    listPage: (page: number, pages: number, from: number, to: number) => `Trang ${page}/${pages} (bài ${from}–${to}).`,
    listClosed: "Đã đóng danh sách cần dịch. Gõ /dich để mở lại bất cứ lúc nào.",
    original: (title: string, label: string) => `📄 Bản gốc tiếng Việt — «${title}» — cần dịch sang ${label}:`,
    instructions: (label: string, twoScripts: boolean) =>
      [
        `Đồng chí gửi bản dịch ${label} bằng chữ, và/hoặc gửi ghi âm giọng đọc (tin nhắn thoại hoặc tệp âm thanh).`,
        twoScripts ? "Với tiếng Thái: gửi bản chữ Thái (Tai Viet) và, nếu được, thêm một tin bản chữ Latinh." : "",
        "Gửi lại sẽ thay bản trước. Xong, bấm \"Gửi duyệt\".",
        "Lưu ý: không dùng máy dịch; bản dịch phải do người biết tiếng dịch và đọc.",
      ]
        .filter(Boolean)
        .join("\n"),
    savedText: (chars: number) => `Đã lưu bản chữ (${chars} ký tự). Gửi thêm ghi âm, hoặc bấm "Gửi duyệt".`,
    savedAlt: (chars: number) => `Đã lưu bản chữ Latinh (${chars} ký tự). Bấm "Gửi duyệt" khi xong.`,
    savedAudio: "Đã lưu ghi âm. Gửi thêm bản chữ, hoặc bấm \"Gửi duyệt\".",
    textEmpty: "Tin nhắn đang trống. Đồng chí gửi bản dịch bằng chữ hoặc ghi âm.",
    textTooLong: (max: number, got: number) => `Bản dịch dài ${got} ký tự, quá ${max}. Bản tin nên đọc trong 1–2 phút; đồng chí rút gọn giúp.`,
    mediaRefused: "Chỉ nhận chữ hoặc ghi âm (tin nhắn thoại, tệp âm thanh).",
    nothingToSubmit: "Chưa có bản dịch nào để gửi duyệt. Đồng chí gửi chữ hoặc ghi âm trước.",
    submitted: (title: string, label: string, reviewers: number, inProvince: boolean) =>
      inProvince
        ? `📤 Xã chưa có biên dịch viên thứ hai đọc được ${label}, nên đã gửi bản dịch «${title}» cho ${reviewers} biên dịch viên ${label} trong tỉnh duyệt. Hệ thống sẽ báo khi có kết quả.`
        : `📤 Đã gửi bản dịch «${title}» cho ${reviewers} biên dịch viên ${label} khác trong xã duyệt. Hệ thống sẽ báo khi có kết quả.`,
    noReviewers: (label: string) =>
      `Trong xã và trong tỉnh chưa có biên dịch viên thứ hai đọc được ${label} để duyệt. Bản dịch đã được lưu và đang chờ duyệt: người dịch ${label} đầu tiên được mời sẽ thấy nó khi gõ /dich. Đồng chí báo quản trị viên mời thêm người dịch.`,
    paused: "Đã lưu bản nháp. Gõ /dich để tiếp tục bất cứ lúc nào.",
    cancelled: "Đã thoát. Bản nháp vẫn được lưu; gõ /dich để tiếp tục.",
    draftHas: (parts: string) => `Bản nháp đang có: ${parts}. Gửi tiếp để bổ sung hoặc thay.`,
    partText: "bản chữ",
    partAlt: "bản chữ Latinh",
    partAudio: "ghi âm",
    badLanguage: "Ngôn ngữ này không dịch được (tiếng Việt là bản gốc).",
    itemUnknown: "Không tìm thấy bài này.",
    alreadyApproved: (label: string) => `Bài này đã có bản ${label} được duyệt. Bản mới của đồng chí sẽ thay bản cũ sau khi được duyệt.`,
    request: (label: string, missing: number) =>
      `✍️ Đề nghị dịch bản tin: còn ${missing} bài chưa có bản ${label}. Các thôn đang phải nghe bản tiếng Việt thay thế. Đồng chí bấm một bài để dịch:`,
    requestNoLanguages: "✍️ Đồng chí là biên dịch viên bản tin nhưng chưa chọn ngôn ngữ. Gõ /dich ngonngu để chọn.",
    notTranslator: "Lệnh này dành cho biên dịch viên đã đăng ký.",
    groupOnly: "Đồng chí nhắn riêng cho bot để dịch bản tin.",
    reviewRequest: (title: string, label: string, translator: string) =>
      `📝 Bản dịch cần đồng chí duyệt: «${title}» — ${label} — do ${translator} dịch.\nĐồng chí đọc được tiếng này: đọc (và nghe ghi âm nếu có), so với bản gốc tiếng Việt, rồi bấm "Duyệt" hoặc "Trả lại để sửa".`,
    reviewText: "Bản chữ:",
    reviewAlt: "Bản chữ Latinh:",
    reviewAudio: "(Có ghi âm, gửi ngay dưới đây.)",
    reviewNoText: "(Chỉ có ghi âm.)",
    approved: (title: string, label: string) => `✅ Đã duyệt bản ${label} của «${title}». Bản này sẽ được dùng từ buổi phát tới.`,
    approvedForTranslator: (title: string, label: string, reviewer: string) => `✅ Bản ${label} của «${title}» đã được ${reviewer} duyệt. Cảm ơn đồng chí!`,
    returned: (title: string, label: string) => `↩️ Đã trả lại bản ${label} của «${title}» cho biên dịch viên.`,
    returnedForTranslator: (title: string, label: string, reviewer: string) =>
      `↩️ Bản ${label} của «${title}» được ${reviewer} trả lại để sửa. Gõ /dich để mở lại và gửi bản mới.`,
    alreadyHandled: "Bản dịch này đã được xử lý (duyệt, trả lại hoặc đã được sửa).",
    forbidden: "Chỉ một biên dịch viên khác đọc được tiếng này (cùng xã, hoặc cùng tỉnh khi xã chưa có người) mới duyệt được bản dịch này.",
    ownTranslation: "Đồng chí không tự duyệt bản dịch của mình. Bản dịch đã được gửi cho biên dịch viên khác đọc được tiếng này.",
    reviewedForLeader: (title: string, label: string, translator: string, reviewer: string, reviewerCommune: string | null) =>
      `✅ Bản ${label} của «${title}» (do ${translator} dịch) đã được ${reviewer}, biên dịch viên đọc được tiếng này${reviewerCommune ? ` ở ${reviewerCommune}` : " của xã"}, duyệt. Bản này được dùng từ buổi phát tới.`,
    waitingReviews: (n: number) => `📝 ${n} bản dịch của người khác đang chờ đồng chí duyệt:`,
    reviewGone: "Bản dịch này không còn chờ duyệt (đã được xử lý hoặc đã được sửa).",
  },

  staff: {
    forbidden: "Đồng chí không có quyền dùng lệnh này.",
  },

  errors: {
    expired: "Thao tác này đã hết hạn. Hãy gõ lại lệnh.",
  },

  // The admin command line (npm run admin -- …), for district and province staff.
  admin: {
    scheduleSummary: "Xem hoặc đổi lịch phát bản tin của một xã (giờ Việt Nam); tat/bat để tạm dừng/bật lại.",
    languagesSummary: "Xem hoặc đặt ngôn ngữ bản tin của một xã, hoặc của một thôn (--village).",
    coverageSummary: "Độ phủ bản tin theo thôn trong một tháng (--json cho máy đọc).",
    progressSummary: "Tiến độ gửi các buổi phát gần đây của một xã.",
    catalogSummary: "Danh mục bản tin và tình trạng bản dịch theo ngôn ngữ (--sync để nhập lại tệp danh mục).",
    translatorSummary: "Đặt ngôn ngữ dịch của một biên dịch viên (theo số thứ tự cán bộ).",
    badArgs: (usage: string, detail: string) => `Tham số không đúng (${detail}). Cách dùng: ${usage}`,
    communeUnknown: (code: string) => `Không có xã mã ${code}.`,
    villageUnknown: (code: string, commune: string) => `Xã ${commune} không có thôn mã ${code}.`,
    staffUnknown: (id: string) => `Không có biên dịch viên số ${id} đang hoạt động.`,
    catalogLine: (position: number, title: string, tags: string, languages: string) => `${String(position).padStart(3)}. ${title}${tags ? ` [${tags}]` : ""} — ${languages}`,
    catalogSynced: (items: number, retired: number) => `Đã nhập ${items} bản tin${retired ? `, ngừng dùng ${retired} bản không còn trong tệp` : ""}.`,
    translatorSet: (name: string, list: string) => `Đã đặt ngôn ngữ dịch của ${name}: ${list}.`,
  },

  nationalHotline: NATIONAL_HOTLINE,
} as const;

/** "Thứ Hai, Thứ Năm" */
export function dayList(days: number[]): string {
  return days.map((d) => DAY_NAMES[d] ?? String(d)).join(", ");
}
