// Vietnamese strings about pictures the server could not make safe (issue 10). Kept apart from
// vi.ts so parallel work does not collide.
import { withheldFileLine } from "./vi.js";

export const viMedia = {
  /** In place of a tipster's picture that could not be decoded, so not cleaned of hidden data. */
  imageWithheld:
    "🛡️ [Ảnh gửi kèm đã được giữ lại: hệ thống không đọc được ảnh này để xóa thông tin ẩn trong đó (vị trí, thiết bị chụp, tên chủ máy), nên không chuyển đi, để bảo vệ người báo tin.]",
} as const;

/** The line an officer reads under a tip in place of a file withheld because it could not be made safe. */
export function withheldLine(what: "image" | "file", kind: string): string {
  return what === "image" ? viMedia.imageWithheld : withheldFileLine(kind);
}
