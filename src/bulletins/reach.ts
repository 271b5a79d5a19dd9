// Channel rules for reaching subscribers (reach.json): pure, table-tested.
import data from "./reach.json" with { type: "json" };
import { z } from "zod";

const schema = z.object({ windowHours: z.record(z.string(), z.number().positive()) });

export const windowHours: Record<string, number> = schema.parse(data).windowHours;

/** Whether the channel only lets the bot write to people who wrote recently (Zalo OA), per reach.json. */
export function hasInteractionWindow(channel: string): boolean {
  return windowHours[channel] !== undefined;
}

/**
 * Whether a channel still lets the bot write to someone whose last message came at `lastIncomingAt`.
 * Channels without a window (Telegram, the web chat) always do.
 */
export function withinWindow(channel: string, lastIncomingAt: Date, now: Date, table: Record<string, number> = windowHours): boolean {
  const hours = table[channel];
  if (hours === undefined) return true;
  return now.getTime() - lastIncomingAt.getTime() <= hours * 3_600_000;
}
