// "Not done, because…": a reason from a list and, for "Lý do khác", the words typed — the form under a
// village head's airing (Chưa phát được) and under a contact's bulletin (Chưa tuyên truyền được).
import { viConsole as t } from "../i18n/vi-console.js";

/**
 * What is wrong with a posted reason, as the chat rules it: a reason from the list is needed;
 * "other" takes the words typed (not blank, at most `max` characters); a listed reason takes none.
 */
export function reasonProblem(known: boolean, reason: string, note: string, max: number): "no_reason" | "no_text" | "too_long" | null {
  if (!known) return "no_reason";
  if (reason === "other" && note.replace(/[\p{Cf}\p{Z}]/gu, "") === "") return "no_text";
  if (reason === "other" && [...note].length > max) return "too_long";
  return null;
}

export function ReasonForm(props: {
  action: string;
  /** Makes the fields' ids unique on a page listing several. */
  id: number;
  heading: string;
  button: string;
  reasonLabel: string;
  reasons: { value: string; label: string }[];
  selected?: string | null;
  error?: string | null;
  note?: string;
  maxChars: number;
}) {
  return (
    <>
      <h3>{props.heading}</h3>
      {props.error ? <p class="err">{props.error}</p> : null}
      <form method="post" action={props.action}>
        <div class={props.error ? "field bad" : "field"}>
          <label for={`lydo-${props.id}`}>{props.reasonLabel}</label>
          <select id={`lydo-${props.id}`} name="reason">
            <option value="">{t.headBulletin.chooseReason}</option>
            {props.reasons.map((r) => (
              <option value={r.value} selected={props.selected === r.value}>
                {r.label}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for={`ghichu-${props.id}`}>{t.headBulletin.noteLabel(props.maxChars)}</label>
          <textarea id={`ghichu-${props.id}`} name="note" rows={2} maxlength={props.maxChars}>
            {props.note ?? ""}
          </textarea>
        </div>
        <button class="btn alt" type="submit">
          {props.button}
        </button>
      </form>
    </>
  );
}
