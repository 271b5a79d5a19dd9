// Dates and times as Vietnamese readers expect them, in Vietnam time (UTC+7, no daylight saving).
const VN_OFFSET_MS = 7 * 60 * 60 * 1000;

function vnParts(date: Date) {
  const d = new Date(date.getTime() + VN_OFFSET_MS);
  const pad = (n: number) => String(n).padStart(2, "0");
  return {
    day: pad(d.getUTCDate()),
    month: pad(d.getUTCMonth() + 1),
    year: String(d.getUTCFullYear()),
    hour: pad(d.getUTCHours()),
    minute: pad(d.getUTCMinutes()),
  };
}

/** 22/11/2026 */
export function formatDateVN(date: Date): string {
  const p = vnParts(date);
  return `${p.day}/${p.month}/${p.year}`;
}

/** 08:05 22/11/2026 */
export function formatDateTimeVN(date: Date): string {
  const p = vnParts(date);
  return `${p.hour}:${p.minute} ${p.day}/${p.month}/${p.year}`;
}
