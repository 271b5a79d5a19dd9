// The fields of a monthly figures form, shared by the village's page (/canbo/thon) and a reporting
// unit's (/canbo/donvi): one input per figure under its group's heading, each refusal at its field,
// and the reading of a posted form with the chat's own rules (parseFieldInput, checkRelation), so
// a number the chat refuses is refused here in the same words.
import { addMonths, formatMonthVN, monthOf, type MonthKey } from "../util/vietnam-time.js";
import { brokenRelations, checkRelation, parseFieldInput, problemText, type FigureField, type FigureValues, type ValueProblem } from "../compliance/fields.js";
import { messagesFor } from "../i18n/messages.js";
import { viConsole as t } from "../i18n/vi-console.js";
import type { PostedForm } from "./forms.js";

const FIELD_PREFIX = "f_";
const MONTHS_BACK = 24;
const msg = messagesFor("vi");

/** What a figures page shows besides its fields' owner: the month, the version it is based on, what each field holds, the refusals and the notes. */
export interface FiguresFormState {
  month: MonthKey;
  basedOn: number;
  /** What each field shows: typed text, or the stored value. */
  typed: Record<string, string>;
  errors: Record<string, string>;
  note: string | null;
  flash: string | null;
}

/** The month a form's ?thang= names: this month when absent, one of the last 24, else null (a 403 page). */
export function monthOfQuery(raw: string | undefined, now: Date): MonthKey | null {
  const current = monthOf(now);
  if (!raw) return current;
  const months = Array.from({ length: MONTHS_BACK + 1 }, (_, i) => addMonths(current, -i));
  return months.includes(raw) ? raw : null;
}

/** What each field shows for stored values: a number, "co"/"khong" for a yes/no, "" when absent. */
export function shownValues(fields: FigureField[], values: FigureValues): Record<string, string> {
  return Object.fromEntries(fields.map((f) => [f.id, values[f.id] === undefined ? "" : f.kind === "yesno" ? (values[f.id]! >= 1 ? "co" : "khong") : String(values[f.id])]));
}

/** The form's figure version it was based on (the lock of a save), 0 when absent or not a number. */
export const basedOnOf = (form: PostedForm) => (typeof form.basedOn === "string" && /^\d{1,6}$/.test(form.basedOn) ? Number(form.basedOn) : 0);

/** The chat's words for a refusal, except where the chat points to its own buttons: here both fields are on the page. */
function refusal(problem: ValueProblem, field: FigureField): string {
  return problem.kind === "over" ? t.village.over(problem.otherLabel, problem.otherValue) : problemText(msg, problem, field);
}

/**
 * Reads a posted figures form: each field as the chat reads a typed answer, in order, so "at most"
 * compares with the fields above; an empty field is no figure. What was typed is kept to show again.
 */
export function readFigureFields(form: PostedForm, fields: FigureField[]): { typed: Record<string, string>; errors: Record<string, string>; values: FigureValues } {
  const typed: Record<string, string> = {};
  const errors: Record<string, string> = {};
  const values: FigureValues = {};
  for (const f of fields) {
    const raw = form[`${FIELD_PREFIX}${f.id}`];
    const text = typeof raw === "string" ? raw.trim().slice(0, 40) : "";
    typed[f.id] = text;
    if (!text) continue;
    const parsed = parseFieldInput(f, f.kind === "yesno" ? (text === "co" ? msg.compliance.form.yes : text === "khong" ? msg.compliance.form.no : text) : text);
    if (!parsed.ok) {
      errors[f.id] = refusal(parsed.problem, f);
      continue;
    }
    const relation = checkRelation(f, parsed.value, values, fields);
    if (relation) errors[f.id] = refusal(relation, f);
    else values[f.id] = parsed.value;
  }
  for (const f of brokenRelations(values, fields)) errors[f.id] ??= refusal(checkRelation(f, values[f.id]!, values, fields)!, f);
  return { typed, errors, values };
}

/** The inputs of the form: a card per figure, a heading where its group starts. */
export function FigureInputs(props: { fields: FigureField[]; typed: Record<string, string>; errors: Record<string, string> }) {
  let group = "";
  return (
    <>
      {props.fields.map((f) => {
        const header = f.group !== group ? ((group = f.group), <h2>{f.group}</h2>) : null;
        const error = props.errors[f.id];
        const name = `${FIELD_PREFIX}${f.id}`;
        return (
          <>
            {header}
            <div class={error ? "card field bad" : "card field"}>
              <label for={name}>{f.question}</label>
              {f.kind === "yesno" ? (
                <select id={name} name={name}>
                  <option value="">{t.village.unknown}</option>
                  <option value="co" selected={props.typed[f.id] === "co"}>
                    {msg.compliance.form.yes}
                  </option>
                  <option value="khong" selected={props.typed[f.id] === "khong"}>
                    {msg.compliance.form.no}
                  </option>
                </select>
              ) : (
                <input id={name} name={name} inputmode="numeric" maxlength={12} value={props.typed[f.id] ?? ""} aria-invalid={error ? "true" : undefined} />
              )}
              {error ? <p class="err">{error}</p> : null}
            </div>
          </>
        );
      })}
    </>
  );
}

/** Links to the month before and after (within the months a form takes), keeping the page's other query. */
export function MonthLinks(props: { path: string; month: MonthKey; now: Date; query?: string }) {
  const earlier = addMonths(props.month, -1);
  const later = addMonths(props.month, 1);
  const href = (m: MonthKey) => `${props.path}?${props.query ? `${props.query}&` : ""}thang=${m}`;
  return (
    <p class="actions">
      {monthOfQuery(earlier, props.now) ? (
        <a class="btn alt" href={href(earlier)}>
          {t.months.earlier(formatMonthVN(earlier))}
        </a>
      ) : null}
      {monthOfQuery(later, props.now) ? (
        <a class="btn alt" href={href(later)}>
          {t.months.later(formatMonthVN(later))}
        </a>
      ) : null}
    </p>
  );
}
