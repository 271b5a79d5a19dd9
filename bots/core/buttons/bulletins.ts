// Bulletin buttons: subscribing, reading (recent, another language, one slot), the village head's
// "Đã phát" / "Chưa phát được" with a reason, and the translators' work.
import { subscribeCommune, subscribeLanguage, subscription, recentBulletins, otherLanguage, readLanguage, readSlot, airFirst, broadcast, notBroadcast, notBroadcastReason,
  translatorLanguage, translationList, translationOpen, translationSubmit, translationApprove, translationReturn,
  translationPage, translationClose, translationReview } from "../../../src/messaging/buttons.js";
import { answer, askReason, chooseReadLanguage, chooseReason, firstBulletin, readBulletin, showRecent } from "../bulletins.js";
import { defineButton } from "../registry.js";
import { chooseCommune, chooseLanguage, startSubscribe, stopSubscription } from "../subscribe.js";
import { chooseTranslatorLanguage, closeTranslationList, openReview, openTranslation, review, submitTranslation, translationListPage, translatorMenu } from "../translations.js";

export const subscriptionButton = defineButton({
  codec: subscription,
  for: "anyone",
  run: (turn, choice) => (choice === "start" ? startSubscribe(turn) : stopSubscription(turn)),
});

export const subscribeCommuneButton = defineButton({ codec: subscribeCommune, for: "anyone", run: (turn, communeId) => chooseCommune(turn, communeId) });

export const subscribeLanguageButton = defineButton({
  codec: subscribeLanguage,
  for: "anyone",
  run: (turn, { communeId, language }) => chooseLanguage(turn, communeId, language),
});

export const recentBulletinsButton = defineButton({ codec: recentBulletins, for: "anyone", run: (turn) => showRecent(turn) });

export const otherLanguageButton = defineButton({ codec: otherLanguage, for: "anyone", run: (turn) => chooseReadLanguage(turn) });

export const readLanguageButton = defineButton({ codec: readLanguage, for: "anyone", run: (turn, code) => readBulletin(turn, code) });

export const readSlotButton = defineButton({ codec: readSlot, for: "anyone", run: (turn, slotId) => readBulletin(turn, "", slotId) });

export const airFirstButton = defineButton({ codec: airFirst, for: "staff", run: (turn, communeId, staff) => firstBulletin(turn, staff, communeId) });

export const broadcastButton = defineButton({
  codec: broadcast,
  for: "staff",
  run: (turn, deliveryId, staff) => answer(turn, staff, deliveryId, "broadcast"),
});

export const notBroadcastButton = defineButton({
  codec: notBroadcast,
  for: "staff",
  run: (turn, deliveryId, staff) => askReason(turn, staff, deliveryId),
});

export const notBroadcastReasonButton = defineButton({
  codec: notBroadcastReason,
  for: "staff",
  run: (turn, { deliveryId, reason }, staff) => chooseReason(turn, staff, deliveryId, reason),
});

export const translatorLanguageButton = defineButton({
  codec: translatorLanguage,
  for: "staff",
  run: (turn, code, staff) => chooseTranslatorLanguage(turn, staff, code),
});

export const translationListButton = defineButton({ codec: translationList, for: "staff", run: (turn, _list, staff) => translatorMenu(turn, staff, "") });

export const translationOpenButton = defineButton({
  codec: translationOpen,
  for: "staff",
  run: (turn, { itemId, language }, staff) => openTranslation(turn, staff, itemId, language),
});

export const translationSubmitButton = defineButton({
  codec: translationSubmit,
  for: "staff",
  run: (turn, { itemId, language }, staff) => submitTranslation(turn, staff, itemId, language),
});

export const translationApproveButton = defineButton({ codec: translationApprove, for: "staff", run: (turn, versionId, staff) => review(turn, staff, versionId, "approve") });

export const translationReturnButton = defineButton({ codec: translationReturn, for: "staff", run: (turn, versionId, staff) => review(turn, staff, versionId, "return") });

export const translationPageButton = defineButton({
  codec: translationPage,
  for: "staff",
  run: (turn, { language, page }, staff) => translationListPage(turn, staff, language, page),
});

export const translationCloseButton = defineButton({ codec: translationClose, for: "staff", run: (turn) => closeTranslationList(turn) });

export const translationReviewButton = defineButton({ codec: translationReview, for: "staff", run: (turn, versionId, staff) => openReview(turn, staff, versionId) });
