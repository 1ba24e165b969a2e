/**
 * The host's powers, as one table: what each command of
 * {@linkcode HOST_OPS} does to the room, run the same way for the server's
 * console and for an `op` frame from a host's chat client. Every command
 * goes through {@linkcode runHostOp}, which checks, in this one place, that
 * the command exists, that whoever runs it may (host-only), and its
 * arguments (count, sealed text) before the handler runs.
 *
 * Handlers answer with an {@linkcode OpResult}: codes and values, never
 * sentences, so each side words it in its own person's language (the
 * console in the host's, a chat client in its member's). Pure and
 * synchronous, like the room.
 *
 * @module
 */

import {
  checkOpArgs,
  type HostOpName,
  hostOpSpec,
  MAX_TEXT_LENGTH,
  nickKey,
  type OpResult,
} from "../protocol/mod.ts";
import { t } from "../i18n/mod.ts";
import { BanList, parseBanTarget } from "./ban_list.ts";
import { parseDuration } from "./parse_duration.ts";
import type { Room, RoomMember } from "./room.ts";

/** Most members `/limit` can set. */
export const MAX_LIMIT = 100_000;

/** Who runs a host command: the server's console, or a member's connection. */
export type HostActor =
  | { readonly kind: "console" }
  | {
    readonly kind: "member";
    /** The member's handle on the room. */
    readonly member: RoomMember;
    /** Its connection's address (a host must not ban itself). */
    readonly address: string;
  };

/** A host command as it arrives: an `op` frame, or a console line made into one. */
export interface HostOp {
  /** The command's name. */
  cmd: string;
  /** Its arguments, as {@linkcode parseOpLine} split them. */
  args: readonly string[];
  /** The sealed text (`/announce`, `/motd`): a Fernet token. */
  body?: string;
}

/** One host command: what `/help` says of it on the console, and what it does. */
export interface HostCommand {
  /** One line of help, for the console, in the host's language (read when shown). */
  readonly help: string;
  /** Does it; the arguments are checked already. */
  run(room: Room, actor: HostActor, args: readonly string[], body?: string): OpResult;
}

/** Whether the actor holds host powers: the console always does. */
export function isHost(actor: HostActor): boolean {
  return actor.kind === "console" || actor.member.host;
}

function isSelf(actor: HostActor, nick: string): boolean {
  return actor.kind === "member" && nickKey(actor.member.nick) === nickKey(nick);
}

function ok(cmd: HostOpName, code: string, extra: Omit<OpResult, "cmd" | "ok" | "code"> = {}) {
  return { cmd, ok: true, code, ...extra };
}

function no(cmd: string, code: string, extra: Omit<OpResult, "cmd" | "ok" | "code"> = {}) {
  return { cmd, ok: false, code, ...extra };
}

/** Reads an optional duration word; `null` for a word that is not one. */
function durationArg(word: string | undefined): number | undefined | null {
  if (word === undefined) return undefined;
  return parseDuration(word) ?? null;
}

/** What each host command does, by name; help lists them in {@linkcode HOST_OPS} order. */
export const HOST_COMMANDS: { readonly [N in HostOpName]: HostCommand } = {
  kick: {
    get help() {
      return t("host.help_kick");
    },
    run(room, actor, [nick, reason]) {
      if (isSelf(actor, nick!)) return no("kick", "self", { target: nick! });
      const kicked = room.kick(nick!, reason);
      if (!kicked.ok) return no("kick", kicked.code, { target: nick! });
      return ok("kick", "kicked", { target: kicked.nick, ...(reason ? { detail: reason } : {}) });
    },
  },
  ban: {
    get help() {
      return t("host.help_ban");
    },
    run(room, actor, [target, second, third]) {
      const read = parseBanTarget(target!);
      if (read === undefined) return no("ban", "bad-target", { target: target! });
      const durationMs = durationArg(second);
      const reason =
        (durationMs === null
          ? [second, third].filter((word) => word !== undefined).join(" ")
          : third)?.slice(0, MAX_TEXT_LENGTH);
      if (
        actor.kind === "member" && BanList.catches(read, actor.member.nick, actor.address)
      ) {
        return no("ban", "self", { target: read.target });
      }
      const banned = room.ban(read, {
        ...(typeof durationMs === "number" ? { durationMs } : {}),
        ...(reason ? { reason } : {}),
      });
      if (!banned.ok) return no("ban", banned.code, { target: read.target });
      const { ban, removed } = banned;
      return ok("ban", "banned", {
        target: ban.target,
        count: removed.length,
        ...(ban.until === undefined ? {} : { durationMs: ban.until - ban.since }),
        ...(ban.reason === undefined ? {} : { detail: ban.reason }),
      });
    },
  },
  unban: {
    get help() {
      return t("host.help_unban");
    },
    run(room, _actor, [target]) {
      if (parseBanTarget(target!) === undefined) {
        return no("unban", "bad-target", { target: target! });
      }
      const lifted = room.bans.remove(target!);
      if (lifted === undefined) return no("unban", "no-such-ban", { target: target! });
      return ok("unban", "unbanned", { target: lifted.target });
    },
  },
  bans: {
    get help() {
      return t("host.help_bans");
    },
    run(room) {
      return ok("bans", "bans", { bans: room.bans.list() });
    },
  },
  mute: {
    get help() {
      return t("host.help_mute");
    },
    run(room, actor, [nick, duration]) {
      const durationMs = durationArg(duration);
      if (durationMs === null) return no("mute", "bad-duration", { target: duration! });
      if (isSelf(actor, nick!)) return no("mute", "self", { target: nick! });
      const muted = room.mute(nick!, durationMs);
      if (!muted.ok) return no("mute", muted.code, { target: nick! });
      return ok("mute", "muted", {
        target: muted.nick,
        ...(durationMs === undefined ? {} : { durationMs }),
      });
    },
  },
  unmute: {
    get help() {
      return t("host.help_unmute");
    },
    run(room, _actor, [nick]) {
      const unmuted = room.unmute(nick!);
      if (!unmuted.ok) return no("unmute", unmuted.code, { target: nick! });
      return ok("unmute", "unmuted", { target: unmuted.nick });
    },
  },
  announce: {
    get help() {
      return t("host.help_announce");
    },
    run(room, _actor, _args, body) {
      const said = room.notice(body!);
      if (!said.ok) return no("announce", said.code);
      return ok("announce", "announced");
    },
  },
  motd: {
    get help() {
      return t("host.help_motd");
    },
    run(room, _actor, args, body) {
      if (body !== undefined) {
        room.motd = body;
        return ok("motd", "motd-set");
      }
      if (args.length > 0) {
        room.motd = undefined;
        return ok("motd", "motd-cleared");
      }
      const motd = room.motd;
      return ok("motd", "motd", motd === undefined ? {} : { body: motd });
    },
  },
  who: {
    get help() {
      return t("host.help_who");
    },
    run(room, actor) {
      return ok("who", "who", { members: room.who({ forHost: isHost(actor) }) });
    },
  },
  limit: {
    get help() {
      return t("host.help_limit");
    },
    run(room, _actor, [word]) {
      if (word !== undefined) {
        if (word.toLowerCase() === "off") {
          room.setLimit(undefined);
        } else {
          const n = /^\d{1,6}$/.test(word) ? Number(word) : NaN;
          if (!(n >= 1 && n <= MAX_LIMIT)) return no("limit", "bad-number", { target: word });
          room.setLimit(n);
        }
      }
      const limit = room.limit;
      return ok("limit", "limit", limit === undefined ? {} : { count: limit });
    },
  },
  lock: {
    get help() {
      return t("host.help_lock");
    },
    run(room) {
      room.setLocked(true);
      return ok("lock", "locked");
    },
  },
  unlock: {
    get help() {
      return t("host.help_unlock");
    },
    run(room) {
      room.setLocked(false);
      return ok("unlock", "unlocked");
    },
  },
};

/**
 * Runs one host command for `actor`: `unknown-command`, `not-host` and
 * `usage` are decided here, for every command, before its handler runs.
 */
export function runHostOp(room: Room, actor: HostActor, op: HostOp): OpResult {
  const spec = hostOpSpec(op.cmd);
  if (spec === undefined) return no(op.cmd, "unknown-command");
  const cmd = spec.name as HostOpName;
  if (spec.hostOnly && !isHost(actor)) return no(cmd, "not-host");
  if (!checkOpArgs(spec, op.args, op.body)) return no(cmd, "usage");
  if (room.closed) return no(cmd, "closed");
  return HOST_COMMANDS[cmd].run(room, actor, op.args, op.body);
}
