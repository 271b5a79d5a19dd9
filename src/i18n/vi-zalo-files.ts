// Vietnamese strings for files sent to Zalo (reports, charts, bulletin recordings): the sealed
// download link, and what is said when a file cannot travel as a file. Kept apart from vi-zalo.ts
// (the adapters' catalog) so parallel work does not collide.

/** "6,2 MB" */
const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1).replace(".", ",")} MB`;

export const viZaloFiles = {
  /** A file the platform cannot carry, reachable through a private short-lived link. */
  link: (label: string, url: string, expires: string) => `📎 ${label}: ${url}\n(Liên kết tải riêng, hết hạn lúc ${expires}. Xin không chuyển tiếp liên kết này.)`,
  /** Too big for Zalo and no public address to link to. */
  tooBig: (label: string, bytes: number, limitBytes: number) =>
    `[${label}: tệp ${megabytes(bytes)}, vượt giới hạn ${megabytes(limitBytes)} của Zalo nên không gửi được qua kênh này. Có thể nhận tệp này qua Telegram hoặc trang web của hệ thống.]`,
  /** Zalo refused the file (a type it does not take) and there is no public address to link to. */
  refused: (label: string) => `[${label}: Zalo không nhận loại tệp này nên không gửi được qua kênh này. Có thể nhận tệp này qua Telegram hoặc trang web của hệ thống.]`,
  /** The label of a recording in a link line. */
  recording: "Ghi âm (mở để nghe hoặc tải về)",
} as const;
