// Words every audience shares: the one Quay lại and the one Hủy under any question, the staff
// roles' names and the units of a duration.
export const viCommon = {
  back: "⬅️ Quay lại",
  cancel: "✖️ Hủy",
  roles: {
    officer: "công an xã",
    leader: "lãnh đạo xã",
    village_head: "trưởng thôn",
    translator: "biên dịch viên",
    reporting_unit: "cán bộ ban, ngành, đoàn thể",
    admin: "quản trị",
    teacher: "giáo viên",
    business_contact: "người phụ trách cơ sở",
  },
  duration: {
    minutes: (n: string) => `${n} phút`,
    hours: (n: string) => `${n} giờ`,
    days: (n: string) => `${n} ngày`,
  },
} as const;
