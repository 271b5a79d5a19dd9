// Vietnamese strings for what reaches people on Zalo beyond plain text: files (reports, charts,
// bulletin recordings) by a sealed download link or an explanation, and choices keyed by letters
// where a typed number is an answer. Kept apart from vi-zalo.ts (the adapters' catalog) so parallel
// work does not collide.

/** "6,2 MB" */
const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1).replace(".", ",")} MB`;

export const viZaloDelivery = {
  /** A file the platform cannot carry, reachable through a private short-lived link. */
  link: (label: string, url: string, expires: string) => `📎 ${label}: ${url}\n(Liên kết tải riêng, hết hạn lúc ${expires}. Xin không chuyển tiếp liên kết này.)`,
  /** Too big for Zalo and no public address to link to. */
  tooBig: (label: string, bytes: number, limitBytes: number) =>
    `[${label}: tệp ${megabytes(bytes)}, vượt giới hạn ${megabytes(limitBytes)} của Zalo nên không gửi được qua kênh này. Có thể nhận tệp này qua Telegram hoặc trang web của hệ thống.]`,
  /** Zalo refused the file (a type it does not take) and there is no public address to link to. */
  refused: (label: string) => `[${label}: Zalo không nhận loại tệp này nên không gửi được qua kênh này. Có thể nhận tệp này qua Telegram hoặc trang web của hệ thống.]`,
  /** Under choices keyed by letters, when the question asks for a number: "Gõ a, b hoặc c để chọn…". */
  letterHint: (keys: string[]): string => {
    const list = keys.length <= 1 ? keys.join("") : `${keys.slice(0, -1).join(", ")} hoặc ${keys.at(-1)}`;
    return `👉 Gõ số để trả lời. Để chọn, gõ chữ ${list} (hoặc gõ đúng chữ của lựa chọn).`;
  },
  /** Under a bulletin to a subscribed citizen whose recording came with it (the village heads' line speaks of the loudspeaker). */
  subscriberRecording: "🔊 Ghi âm bản tin ở trên: bạn có thể mở để nghe.",
  /** The label of a recording in a link line. */
  recording: "Ghi âm (mở để nghe hoặc tải về)",
} as const;
