// Dialogue states of the bulletin feature (stored like every state, per pseudonym).
export type BulletinState =
  /** A citizen typing the name of the commune to subscribe to. */
  | { step: "sub_commune" }
  /** A village head typing why a bulletin could not be broadcast. */
  | { step: "b_reason"; deliveryId: number }
  /** A school's teacher or a business contact typing why a bulletin could not be passed on. */
  | { step: "au_reason"; deliveryId: number }
  /** A translator sending text and recordings for one item and language. */
  | { step: "translate"; itemId: number; language: string };
