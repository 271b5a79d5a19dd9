// Review periods (issue 14): the month, the quarter, six months (sơ kết), the year (tổng kết) and
// campaigns (campaigns.json), as plain data with their months and due date, and how the monthly
// figures add up over one: flows ("trong tháng") are summed, stocks take the latest value entered.
import { z } from "zod";
import data from "./campaigns.json" with { type: "json" };
import { DAY_MS, type MonthKey, monthOf, monthRange, VN_OFFSET_MS, vnParts } from "../util/vietnam-time.js";
import { foldVietnamese } from "../places/normalize.js";
import type { FigureField, FigureValues } from "./fields.js";
import { messagesFor } from "../i18n/messages.js";

const words = messagesFor("vi").compliance.period.words;

const monthDay = z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/);
const campaignSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]{1,40}$/),
  word: z.string().regex(/^[a-z][a-z0-9]{1,30}$/),
  name: z.string().min(5),
  start: monthDay,
  end: monthDay,
  due: monthDay,
  source: z.string().min(5),
  sourceId: z.string().optional(),
});
export type Campaign = z.infer<typeof campaignSchema>;
export const CAMPAIGNS: Campaign[] = z.object({ campaigns: z.array(campaignSchema) }).parse(data).campaigns;

export type PeriodKind = "month" | "quarter" | "half" | "year" | "campaign";

export interface ReviewPeriod {
  kind: PeriodKind;
  /** For file names and records: "2026-11", "2026-q4", "2026-h1", "2026", "thang-hanh-dong-2026". */
  key: string;
  year: number;
  /** The quarter (1–4), the half (1–2) or the month (1–12); null for a year or a campaign. */
  part: number | null;
  campaign: Campaign | null;
  /** Every month the period touches, oldest first. */
  months: MonthKey[];
  /** [start, end) in Vietnam time. */
  start: Date;
  end: Date;
  due: Date;
}

/** 00:00 Vietnam time of a calendar day. */
const vnDay = (year: number, month: number, day: number) => new Date(Date.UTC(year, month - 1, day) - VN_OFFSET_MS);
const monthKey = (year: number, month: number): MonthKey => `${year}-${String(month).padStart(2, "0")}`;

function ofMonths(kind: PeriodKind, key: string, year: number, part: number | null, first: number, count: number, dueDay: number): ReviewPeriod {
  const months = Array.from({ length: count }, (_, i) => monthKey(year, first + i));
  const last = months.at(-1)!;
  const { start } = monthRange(months[0]!);
  const { end } = monthRange(last);
  // The monthly report's due day of the period's last month: the plans set only the monthly one ("trước ngày 25 hằng tháng").
  return { kind, key, year, part, campaign: null, months, start, end, due: dueDateOf(last, dueDay) };
}

/** The day a month's report is due: `dueDay` of the reported month, as the plans say ("trước ngày 25 hằng tháng"). */
export function dueDateOf(month: MonthKey, dueDay: number): Date {
  return new Date(monthRange(month).start.getTime() + (dueDay - 1) * DAY_MS);
}

export const monthPeriod = (month: MonthKey, dueDay: number): ReviewPeriod => {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return ofMonths("month", month, y, m, m, 1, dueDay);
};
export const quarterPeriod = (year: number, quarter: number, dueDay: number) => ofMonths("quarter", `${year}-q${quarter}`, year, quarter, quarter * 3 - 2, 3, dueDay);
export const halfPeriod = (year: number, half: number, dueDay: number) => ofMonths("half", `${year}-h${half}`, year, half, half * 6 - 5, 6, dueDay);
export const yearPeriod = (year: number, dueDay: number) => ofMonths("year", String(year), year, null, 1, 12, dueDay);

export function campaignPeriod(campaign: Campaign, year: number): ReviewPeriod {
  const [sm, sd] = campaign.start.split("-").map(Number) as [number, number];
  const [em, ed] = campaign.end.split("-").map(Number) as [number, number];
  const [dm, dd] = campaign.due.split("-").map(Number) as [number, number];
  const start = vnDay(year, sm, sd);
  const end = new Date(vnDay(year, em, ed).getTime() + DAY_MS);
  const months: MonthKey[] = [];
  for (let m = sm; m <= em; m++) months.push(monthKey(year, m));
  return { kind: "campaign", key: `${campaign.id}-${year}`, year, part: null, campaign, months, start, end, due: vnDay(year, dm, dd) };
}

/**
 * What a leader types for a period after /baocao: "q4/2026", "quý4", "6thang/2026" (the first half,
 * sơ kết), "6thangcuoi/2026", "nam/2026" or "2026" (tổng kết), a campaign's word ("thanghanhdong",
 * "thanghanhdong/2026"). Without a year: this year, or for a campaign the last one begun. Null
 * when the word is none of these (a month is read by parseMonthArg).
 */
export function parsePeriodArg(text: string, now: Date, dueDay: number, campaigns: Campaign[] = CAMPAIGNS): ReviewPeriod | null {
  const t = foldVietnamese(text).replace(/\s+/g, "");
  const m = /^([a-z0-9]*?[a-z])[-]?(\d)?(?:[/.-]?(\d{4}))?$/.exec(t) ?? /^()()(\d{4})$/.exec(t);
  if (!m) return null;
  const [, word = "", digit, yearText] = m;
  const thisYear = vnParts(now).year;
  const year = yearText ? Number(yearText) : thisYear;
  if (year < 2000 || year > 2100) return null;
  if (word === "" || (words.year.includes(word) && !digit)) return yearText || word ? yearPeriod(year, dueDay) : null;
  if (words.quarter.includes(word) && digit && Number(digit) >= 1 && Number(digit) <= 4) return quarterPeriod(year, Number(digit), dueDay);
  if (!digit) {
    if (words.firstHalf.includes(word)) return halfPeriod(year, 1, dueDay);
    if (words.secondHalf.includes(word)) return halfPeriod(year, 2, dueDay);
  }
  if (words.half.includes(word) && digit && (digit === "1" || digit === "2")) return halfPeriod(year, Number(digit), dueDay);
  const campaign = campaigns.find((c) => c.word === word);
  if (campaign && !digit) {
    if (yearText) return campaignPeriod(campaign, year);
    const current = campaignPeriod(campaign, thisYear);
    return current.start <= now ? current : campaignPeriod(campaign, thisYear - 1);
  }
  return null;
}

/** The months of a period that have begun by `now`: a period still running is reported so far. */
export function monthsBegun(period: ReviewPeriod, now: Date): MonthKey[] {
  const current = monthOf(now);
  return period.months.filter((m) => m <= current);
}

/**
 * A village's figures over a period from its monthly ones (null: a month it entered nothing).
 * A flow ("aggregate": "sum") is the sum of the months, known only when every month has it; a
 * stock is the latest value entered. Nothing when no month was entered.
 */
export function aggregateFigures(fields: FigureField[], months: Array<FigureValues | null>): { values: FigureValues; monthsReported: number } | null {
  const entered = months.filter((m): m is FigureValues => m !== null);
  if (entered.length === 0) return null;
  const values: FigureValues = {};
  for (const f of fields) {
    if (f.aggregate === "sum") {
      if (months.every((m) => m?.[f.id] !== undefined)) values[f.id] = months.reduce((s, m) => s + m![f.id]!, 0);
      continue;
    }
    for (let i = months.length - 1; i >= 0; i--) {
      const v = months[i]?.[f.id];
      if (v !== undefined) {
        values[f.id] = v;
        break;
      }
    }
  }
  return { values, monthsReported: entered.length };
}

type PeriodWords = ReturnType<typeof messagesFor>["compliance"]["period"];

/** "tháng 11/2026", "quý IV/2026", "6 tháng đầu năm 2026", "năm 2026", "Tháng hành động phòng, chống ma túy năm 2026". */
export function periodLabel(t: PeriodWords, p: ReviewPeriod): string {
  switch (p.kind) {
    case "month":
      return t.month(p.months[0]!);
    case "quarter":
      return t.quarter(p.part!, p.year);
    case "half":
      return t.half(p.part!, p.year);
    case "year":
      return t.year(p.year);
    case "campaign":
      return t.campaign(p.campaign!.name, p.year);
  }
}
