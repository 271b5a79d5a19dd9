// /canbo/: who is signed in, and the pages their role has.
import type { Db } from "../db/client.js";
import { roleLabel, roleMay } from "../staff/roles.js";
import { findCommuneById } from "../places/search.js";
import { addressName } from "../staff/names.js";
import { viConsole as t } from "../i18n/vi-console.js";
import { viStaff } from "../i18n/vi-staff.js";
import { Layout } from "./layout.js";
import { CONSOLE_ROOT } from "./paths.js";
import type { StaffMember } from "./app.js";

export async function HomePage(props: { db: Db; staff: StaffMember }) {
  const { staff } = props;
  const commune = staff.communeId !== null ? await findCommuneById(props.db, staff.communeId) : null;
  const scope = commune ? viStaff.desk.scopeCommune(commune.name) : viStaff.desk.scopeAll;
  const links = [
    roleMay(staff.role, "tip.list") && commune ? <a class="btn" href={`${CONSOLE_ROOT}/tinbao`}>{t.nav.tips}</a> : null,
    roleMay(staff.role, "stats.read") && commune ? <a class="btn alt" href={`${CONSOLE_ROOT}/thang`}>{t.nav.month}</a> : null,
  ].filter((x) => x !== null);
  return (
    <Layout title={t.title} staff={staff}>
      <h1>{t.title}</h1>
      <p>{t.home.hello(addressName(staff.displayName), roleLabel(staff.role), scope)}</p>
      {links.length > 0 ? <div class="actions">{links}</div> : <p class="note">{t.home.nothing}</p>}
    </Layout>
  );
}
