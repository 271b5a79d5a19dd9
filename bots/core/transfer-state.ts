// The stored state of sending a tip on (issue 12): the kind, the commune or unit, the reason, the
// confirmation. Plain data (bots/core/flows/transfer.ts validates it); ids only, never names.
export const TRANSFER_STEPS = ["transfer_kind", "transfer_commune", "transfer_unit", "transfer_reason", "transfer_confirm"] as const;
export type TransferStep = (typeof TRANSFER_STEPS)[number];

export interface TransferChoice {
  /** The commune it goes to, or the unit (src/tips/units.json): one of the two once chosen. */
  toCommuneId?: number;
  unit?: string;
  reason?: string;
}

export type TransferState = { step: TransferStep; tipId: number; pick: TransferChoice };
