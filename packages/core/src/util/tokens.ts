/**
 * A provider-independent token estimate (about four characters per token for English). Used for
 * budget checks before a call and by the simulated provider; real calls report exact usage.
 */
export function estimateTokens(text: string): number {
  return text.length === 0 ? 0 : Math.ceil(text.length / 4);
}

/** UTF-8 bytes per token assumed where overcounting is safe (budget worst cases, our own output cap). */
export const CONSERVATIVE_BYTES_PER_TOKEN = 3;

/**
 * An over-estimate of a text's tokens: one per 3 UTF-8 bytes. Real tokenizers give English prose
 * about 4 bytes a token and code or Chinese about 3, so this counts high for most text.
 */
export function conservativeTokens(text: string): number {
  return Math.ceil(utf8Length(text) / CONSERVATIVE_BYTES_PER_TOKEN);
}

/** UTF-8 length without encoding (a surrogate pair is 4 bytes, a lone surrogate 3 as U+FFFD). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) bytes += utf8Width(text.charCodeAt(i));
  return bytes;
}

/** Bytes one UTF-16 unit adds: a surrogate half is 2 (a pair is 4). */
export function utf8Width(unit: number): number {
  return unit < 0x80 ? 1 : unit < 0x800 ? 2 : unit >= 0xd800 && unit <= 0xdfff ? 2 : 3;
}
