/**
 * When two nicks are the same nick: the rule the server enforces (one
 * member per nick) and every client follows when it matches a name.
 *
 * @module
 */

/**
 * The key nicks are compared by: NFC, then lower case (so `Ångström`,
 * `A\u030Angström` and `ÅNGSTRÖM` are one nick).
 */
export function nickKey(nick: string): string {
  return nick.normalize("NFC").toLowerCase().normalize("NFC");
}

/** Whether `a` and `b` are the same nick by {@linkcode nickKey}. */
export function sameNick(a: string, b: string): boolean {
  return nickKey(a) === nickKey(b);
}
