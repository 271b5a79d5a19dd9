// The commune's alert groups: listing, removal, re-registration, and the notices to leaders.
import { viCommon } from "./vi-common.js";
import { channelName } from "./vi-zalo.js";

/** "nhóm Telegram" — how a group is named to people (never its address). */
const groupOf = (channel: string) => `nhóm ${channelName(channel)}`;

export const viGroups = {
  /** Who did it, when the admin command line did it (no staff account behind it). */
  cliActor: "quản trị hệ thống (dòng lệnh)",
  buttons: {
    remove: (id: number) => `🗑️ Gỡ nhóm #${id}`,
    confirmRemove: "🗑️ Gỡ nhóm",
    back: viCommon.back,
  },
  registered: (commune: string) =>
    `✅ Nhóm này sẽ nhận cảnh báo tin báo mới của xã ${commune}. Hãy đặt chế độ chỉ cán bộ trong nhóm.`,
  reactivated: (commune: string, name: string) =>
    `✅ Nhóm này lại nhận cảnh báo tin báo mới của xã ${commune}, do ${name} đăng ký lại.`,
  already: (commune: string) => `Nhóm này đã được đăng ký nhận cảnh báo của xã ${commune}.`,
  otherCommune: "Nhóm này đang nhận cảnh báo của một xã khác. Cán bộ xã đó cần gỡ nhóm trước khi đăng ký cho xã của đồng chí.",
  needCommune: (code: string) => `Hãy gõ kèm mã xã, ví dụ: /nhomcanhbao ${code}`,
  communeUnknown: (code: string) => `Không có xã mã ${code}.`,
  forbidden: "Đồng chí không có quyền xem hay gỡ các nhóm nhận cảnh báo của xã này.",
  listTitle: (commune: string, count: number) => `👥 Xã ${commune} có ${count} nhóm nhận cảnh báo tin báo mới:`,
  listEmpty: (commune: string) =>
    `Xã ${commune} chưa có nhóm nào nhận cảnh báo: tin báo mới được gửi riêng cho từng cán bộ công an xã. Để đăng ký một nhóm, thêm bot vào nhóm rồi gửi /nhomcanhbao trong nhóm đó.`,
  noneActive: "Không nhóm nào đang nhận cảnh báo: tin báo mới được gửi riêng cho từng cán bộ công an xã.",
  line: (id: number, channel: string, when: string, by: string, active: boolean) =>
    `• #${id} — ${groupOf(channel)} — đăng ký lúc ${when} bởi ${by} — ${active ? "đang nhận cảnh báo" : "đã ngừng nhận cảnh báo (người đăng ký đã bị thu hồi quyền)"}`,
  listHint: "Bấm nút bên dưới để gỡ một nhóm (bot sẽ rời nhóm đó).",
  confirm: (id: number, channel: string, by: string) =>
    `Gỡ ${groupOf(channel)} #${id} (đăng ký bởi ${by})? Nhóm sẽ không nhận cảnh báo nữa và bot sẽ rời nhóm. Bấm "Gỡ nhóm" để xác nhận, hoặc "Quay lại".`,
  notFound: "Không tìm thấy nhóm này (có thể đã được gỡ), hoặc đồng chí không có quyền gỡ nhóm này.",
  removed: (id: number) => `✅ Đã gỡ nhóm #${id}. Bot sẽ gửi lời chào và rời nhóm đó.`,
  /** Posted in the group before the bot leaves it. */
  goodbye: (commune: string) =>
    `👋 Nhóm này không còn nhận cảnh báo tin báo của xã ${commune}. Bot xin rời nhóm. Cảm ơn các đồng chí.`,
  deactivatedNotice: (commune: string) =>
    `⏸️ Nhóm này tạm ngừng nhận cảnh báo tin báo của xã ${commune} vì cán bộ đã đăng ký nhóm không còn quyền. Một cán bộ công an xã đang hoạt động có thể gửi /nhomcanhbao trong nhóm này để đăng ký lại.`,
  /** To the commune's leaders, privately. */
  announce: {
    registered: (channel: string, commune: string, by: string, when: string) =>
      `ℹ️ Một ${groupOf(channel)} nhận cảnh báo của xã ${commune} vừa được đăng ký bởi ${by} lúc ${when}.`,
    reactivated: (channel: string, commune: string, by: string, when: string) =>
      `ℹ️ Một ${groupOf(channel)} nhận cảnh báo của xã ${commune} vừa được đăng ký lại bởi ${by} lúc ${when}.`,
    removed: (channel: string, commune: string, by: string, when: string) =>
      `ℹ️ Một ${groupOf(channel)} nhận cảnh báo của xã ${commune} vừa được gỡ bởi ${by} lúc ${when}; bot rời nhóm đó.`,
    deactivated: (channel: string, commune: string, registrant: string, when: string, fallback: boolean) =>
      `⚠️ Một ${groupOf(channel)} nhận cảnh báo của xã ${commune} đã ngừng nhận cảnh báo lúc ${when} vì người đăng ký nhóm (${registrant}) đã bị thu hồi quyền.` +
      (fallback ? " Tin báo mới được gửi riêng cho từng cán bộ công an xã cho đến khi một cán bộ đăng ký lại một nhóm." : ""),
  },
  admin: {
    summary: "Các nhóm nhận cảnh báo của xã: liệt kê (list [--commune <MÃ XÃ>]) hoặc gỡ (remove <số thứ tự>; bot rời nhóm).",
    none: "Chưa có nhóm nào nhận cảnh báo.",
    line: (id: number, commune: string, channel: string, when: string, by: string, active: boolean) =>
      `#${id} xã ${commune} — ${groupOf(channel)} — đăng ký lúc ${when} bởi ${by} — ${active ? "đang nhận cảnh báo" : "đã ngừng (người đăng ký bị thu hồi quyền)"}`,
    removed: (id: number) => `Đã gỡ nhóm #${id}: nhóm không nhận cảnh báo nữa; lời chào và lệnh rời nhóm đã vào hàng gửi (máy chủ sẽ gửi).`,
    notFound: (id: number) => `Không có nhóm #${id}.`,
    badSub: (sub: string) => `thiếu hoặc sai việc "${sub}" (dùng: list, remove)`,
  },
} as const;
