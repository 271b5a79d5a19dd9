// The commune police head's and deputy heads' numbers, published on the village posters. Seed 000
// (§ tuyên truyền): "công khai 'Đường dây nóng' số điện thoại của Trưởng, Phó Trưởng Công an cấp xã tại
// các địa điểm công cộng". These are officials' work numbers, never a citizen's.
import { z } from "zod";
import type { Db } from "../db/client.js";

export const POLICE_TITLES = ["head", "deputy"] as const;
export type PoliceTitle = (typeof POLICE_TITLES)[number];

export interface PoliceContact {
  title: PoliceTitle;
  name: string;
  phone: string;
}

const PHONE = /^[0-9 .+()-]{3,20}$/;
/** A commune has one head and, by the Law on People's Public Security's organisation, a few deputies. */
export const MAX_DEPUTIES = 4;

const storedSchema = z.array(z.object({ title: z.enum(POLICE_TITLES), name: z.string().min(1).max(80), phone: z.string().regex(PHONE) })).max(1 + MAX_DEPUTIES);

export type ContactParse = { ok: true; name: string; phone: string } | { ok: false; reason: "shape" | "name" | "phone" };

/** "Nguyễn Văn A: 0912 345 678" (the number after the last colon) → name and number. */
export function parseContact(text: string): ContactParse {
  const cut = text.lastIndexOf(":");
  if (cut < 0) return { ok: false, reason: "shape" };
  const name = text.slice(0, cut).replace(/\s+/g, " ").trim();
  const phone = text.slice(cut + 1).trim();
  if (!name || name.length > 80) return { ok: false, reason: "name" };
  // At least 3 digits: "113" is the shortest number a poster may print; letters are never a number.
  if (!PHONE.test(phone) || (phone.match(/[0-9]/g)?.length ?? 0) < 3) return { ok: false, reason: "phone" };
  return { ok: true, name, phone };
}

/** What the database column holds; anything unreadable counts as no contacts (the poster still prints). */
export function readPoliceContacts(stored: string | null | undefined): PoliceContact[] {
  if (!stored) return [];
  try {
    const parsed = storedSchema.safeParse(JSON.parse(stored));
    return parsed.success ? orderContacts(parsed.data) : [];
  } catch {
    return [];
  }
}

/** The head first, then deputies in the order given. */
export function orderContacts(contacts: PoliceContact[]): PoliceContact[] {
  return [...contacts.filter((c) => c.title === "head"), ...contacts.filter((c) => c.title === "deputy")];
}

export type SetContactsResult = { ok: true; contacts: PoliceContact[] } | { ok: false; reason: "not_found" | "too_many" };

/** Replaces a commune's published contacts (an empty list clears them). */
export async function setPoliceContacts(db: Db, communeCode: string, contacts: PoliceContact[]): Promise<SetContactsResult> {
  const commune = await db.commune.findUnique({ where: { code: communeCode.toUpperCase() }, select: { id: true } });
  if (!commune) return { ok: false, reason: "not_found" };
  const heads = contacts.filter((c) => c.title === "head").length;
  if (heads > 1 || contacts.length - heads > MAX_DEPUTIES) return { ok: false, reason: "too_many" };
  const ordered = orderContacts(contacts);
  await db.commune.update({ where: { id: commune.id }, data: { policeContacts: ordered.length > 0 ? JSON.stringify(storedSchema.parse(ordered)) : null } });
  return { ok: true, contacts: ordered };
}
