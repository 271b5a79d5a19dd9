// Words every audience shares: the one Quay lại and the one Hủy under any question.
export const viCommon = {
  back: "⬅️ Quay lại",
  cancel: "✖️ Hủy",
} as const;
