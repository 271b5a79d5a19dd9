import type { Keyring } from "./keys.js";

/** Where a message can be delivered: a channel and that channel's chat id. Never stored in clear. */
export interface Address {
  channel: string;
  chatId: string;
}

export function pseudonymOf(keys: Keyring, channel: string, platformUserId: string): Promise<string> {
  return keys.tag("user", `${channel}:${platformUserId}`);
}

export function addressTagOf(keys: Keyring, address: Address): Promise<string> {
  return keys.tag("addr", `${address.channel}:${address.chatId}`);
}

export function sealAddress(keys: Keyring, address: Address): Promise<string> {
  return keys.seal(JSON.stringify(address));
}

export async function openAddress(keys: Keyring, sealed: string): Promise<Address> {
  const value = JSON.parse(await keys.open(sealed)) as Address;
  return { channel: String(value.channel), chatId: String(value.chatId) };
}
