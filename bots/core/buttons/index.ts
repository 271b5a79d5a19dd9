// Every button that works from anywhere, and how the engine finds the one pressed. A new kind is a
// codec in src/messaging/buttons.ts, a declaration in a file here and its line below. Buttons that
// mean something only inside a flow (a tip-off's commune, the figures form) are read by that flow.
import type { Button } from "../registry.js";
import type { Turn } from "../turn.js";
import { mainMenu, navigation } from "./navigation.js";
import { tipActionButton, tipAssignButton, tipMarkButton, tipReplyButton, tipViewButton } from "./tips.js";
import { alertChannelButton, alertGroupButton, reminderButton } from "./staff-accounts.js";
import { heldAskButton, heldConfirmButton, heldListButton } from "./held.js";
import { tipTransferButton } from "./transfer.js";
import { localAirButton, localReviewButton } from "./local-bulletins.js";
import { audienceDoneButton, audienceNotDoneButton, audienceReasonButton } from "./audiences.js";
import {
  airFirstButton, broadcastButton, notBroadcastButton, notBroadcastReasonButton, otherLanguageButton, readLanguageButton, readSlotButton, recentBulletinsButton,
  subscribeCommuneButton, subscribeLanguageButton, subscriptionButton, translationApproveButton, translationListButton, translationOpenButton,
  translationReturnButton, translationSubmitButton, translatorLanguageButton, translationPageButton, translationCloseButton, translationReviewButton,
} from "./bulletins.js";

export const BUTTONS: readonly Button[] = [
  navigation, mainMenu,
  tipActionButton, tipViewButton, tipReplyButton, tipAssignButton,
  tipTransferButton,
  tipMarkButton,
  alertGroupButton, alertChannelButton, reminderButton,
  heldListButton, heldAskButton, heldConfirmButton,
  subscriptionButton, subscribeCommuneButton, subscribeLanguageButton, recentBulletinsButton, otherLanguageButton, readLanguageButton, readSlotButton, airFirstButton,
  broadcastButton, notBroadcastButton, notBroadcastReasonButton,
  translatorLanguageButton, translationListButton, translationOpenButton, translationSubmitButton, translationApproveButton, translationReturnButton,
  localReviewButton, localAirButton,
  audienceDoneButton, audienceNotDoneButton, audienceReasonButton,
  translationPageButton, translationCloseButton, translationReviewButton,
];

/**
 * A pressed button's data: true when a declared kind answered it (its handler, the one "not staff"
 * refusal, or "not found" for a forged one); false leaves it to the conversation's flow.
 */
export async function pressButton(turn: Turn, data: string): Promise<boolean> {
  for (const button of BUTTONS) {
    const value = button.codec.parse(data);
    if (value === null) continue;
    if (button.for === "anyone") return (await button.run(turn, value)) !== false;
    if (!turn.staff) return refuse(turn);
    return (await button.run(turn, value, turn.staff)) !== false;
  }
  const claimed = BUTTONS.find((button) => button.forged && button.codec.claims(data));
  if (!claimed) return false;
  if (claimed.for === "anyone") await claimed.forged?.(turn);
  else if (!turn.staff) return refuse(turn);
  else await claimed.forged?.(turn, turn.staff);
  return true;
}

function refuse(turn: Turn): true {
  turn.reply(turn.t.staff.desk.notStaff);
  return true;
}
