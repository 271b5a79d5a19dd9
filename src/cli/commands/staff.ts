// Admin commands for staff: invitation codes (role + scope), the staff list, revocation.
import { formatDateTimeVN } from "../../util/vietnam-time.js";
import { createInvitation, listInvitations, listStaff, revokeInvitation, revokeStaff } from "../../staff/invitations.js";
import { ROLES, isRole, roleLabel, type Role } from "../../staff/roles.js";
import { unitByKind } from "../../compliance/units.js";
import { viAdmin } from "../../i18n/vi-admin.js";
import { ArgsError, parseCommandArgs, positiveId } from "../args.js";
import type { AdminCommand } from "../types.js";
import { messagesFor } from "../../i18n/messages.js";

const cli = messagesFor("vi").cli;

const t = viAdmin.staff;

/** Vietnamese words an operator may type for a role, beside the English ids. */
const ROLE_ALIASES: Record<string, Role> = {
  congan: "officer",
  lanhdao: "leader",
  truongthon: "village_head",
  biendich: "translator",
  doanthe: "reporting_unit",
  quantri: "admin",
  giaovien: "teacher",
  phutrachcoso: "business_contact",
};

export function parseRole(text: string): Role | null {
  const key = text.trim().toLowerCase().replace(/[\s-]/g, "_");
  if (isRole(key)) return key;
  return ROLE_ALIASES[key.replace(/_/g, "")] ?? null;
}

function scopeOf(row: { commune: { name: string } | null; village: { name: string } | null; province?: { name: string } | null; unitKind?: string | null }): string {
  if (row.village && row.commune) return t.scopeVillage(row.village.name, row.commune.name);
  const unit = unitByKind(row.unitKind);
  if (unit && row.commune) return t.scopeVillage(unit.name, row.commune.name);
  if (row.commune) return t.scopeCommune(row.commune.name);
  if (row.province) return t.scopeProvince(row.province.name);
  return t.scopeAll;
}

function noPositionals(positionals: string[]): void {
  if (positionals.length > 0) throw new ArgsError(cli.extra(String(positionals[0])));
}

export const staffCommands: AdminCommand[] = [
  {
    name: "invite",
    usage: cli.staff.inviteUsage,
    summary: t.inviteSummary,
    async run(ctx, args) {
      const { values, positionals } = parseCommandArgs(args, {
        role: { type: "string" },
        commune: { type: "string" },
        village: { type: "string" },
        province: { type: "string" },
        name: { type: "string" },
        days: { type: "string" },
        unit: { type: "string" },
        audience: { type: "string" },
      });
      // The role may be given as --role or as the first word: "invite officer --commune X".
      if (positionals.length > 1 || (positionals.length === 1 && values.role)) throw new ArgsError(cli.extra(String(positionals.at(-1))));
      const roleText = values.role ?? positionals[0];
      if (!roleText) throw new ArgsError(cli.staff.missingRole);
      const role = parseRole(roleText);
      if (!role) {
        ctx.err(t.roleUnknown(roleText, ROLES.join(", ")));
        return 1;
      }
      const days = values.days === undefined ? 14 : Number(values.days);
      if (!Number.isInteger(days) || days < 1 || days > 90) throw new ArgsError(cli.staff.badDays);
      const { code, invitation } = await createInvitation(ctx.db, ctx.keys, {
        role,
        communeCode: values.commune,
        villageCode: values.village,
        provinceCode: values.province,
        note: values.name,
        unitKind: values.unit,
        validDays: days,
        now: ctx.now(),
        ...(values.audience === undefined ? {} : { audienceId: positiveId(values.audience) }),
      });
      const full = await ctx.db.invitation.findUniqueOrThrow({ where: { id: invitation.id }, include: { commune: true, village: true, province: true } });
      ctx.out(t.created(code, roleLabel(role), scopeOf(full), formatDateTimeVN(invitation.expiresAt)));
      return 0;
    },
  },
  {
    name: "invites",
    usage: cli.staff.communeUsage,
    summary: t.invitesSummary,
    async run(ctx, args) {
      const { values, positionals } = parseCommandArgs(args, { commune: { type: "string" } });
      noPositionals(positionals);
      const rows = await listInvitations(ctx.db, { communeCode: values.commune });
      if (rows.length === 0) ctx.out(t.noInvites);
      const now = ctx.now();
      for (const r of rows) {
        const state = r.revokedAt ? t.inviteState.revoked : r.usedAt ? t.inviteState.used : r.expiresAt <= now ? t.inviteState.expired : t.inviteState.open(formatDateTimeVN(r.expiresAt));
        ctx.out(t.inviteLine(r.id, roleLabel(r.role), scopeOf(r), state, r.note ?? ""));
      }
      return 0;
    },
  },
  {
    name: "revoke-invite",
    usage: cli.staff.idUsage,
    summary: t.revokeInviteSummary,
    async run(ctx, args) {
      const { positionals } = parseCommandArgs(args, {});
      const id = positiveId(positionals[0]);
      if (await revokeInvitation(ctx.db, id, ctx.now())) {
        ctx.out(t.revokedInvite(id));
        return 0;
      }
      ctx.err(t.revokeInviteFailed(id));
      return 1;
    },
  },
  {
    name: "staff",
    usage: cli.staff.communeUsage,
    summary: t.staffSummary,
    async run(ctx, args) {
      const { values, positionals } = parseCommandArgs(args, { commune: { type: "string" } });
      noPositionals(positionals);
      const rows = await listStaff(ctx.db, { communeCode: values.commune });
      if (rows.length === 0) ctx.out(t.noStaff);
      for (const s of rows) ctx.out(t.staffLine(s.id, s.displayName, roleLabel(s.role), scopeOf(s), s.channel, s.active, formatDateTimeVN(s.createdAt)));
      return 0;
    },
  },
  {
    name: "revoke-staff",
    usage: cli.staff.idUsage,
    summary: t.revokeStaffSummary,
    async run(ctx, args) {
      const { positionals } = parseCommandArgs(args, {});
      const id = positiveId(positionals[0]);
      if (await revokeStaff(ctx.db, ctx.keys, id, ctx.now())) {
        ctx.out(t.revokedStaff(id));
        return 0;
      }
      ctx.err(t.revokeStaffFailed(id));
      return 1;
    },
  },
];
