/**
 * The server answers a host command in codes and values (`opresult`); this
 * words the answer for the member who typed it, as one line. Pure.
 *
 * @module
 */

import type { SecretKey } from "../crypto/mod.ts";
import { duration, t, wait } from "../i18n/mod.ts";
import { hostOpSpec, type OpResult } from "../protocol/mod.ts";
import { openBody } from "./chat_event.ts";

/** What {@linkcode opResultText} needs besides the result. */
export interface OpResultContext {
  /** The circle key, to open the welcome text. */
  key: SecretKey;
  /** Now (ms), for times left and times here. */
  now: number;
}

/**
 * One line for a person saying what a host command did, or why it was
 * refused, in their language; the host's own words (a reason) as typed.
 */
export function opResultText(result: OpResult, context: OpResultContext): string {
  const target = result.target ?? "";
  const cmd = result.cmd;
  if (!result.ok) {
    switch (result.code) {
      case "not-host":
        return t("chat.op_not_host", { cmd });
      case "usage": {
        const usage = hostOpSpec(cmd)?.usage;
        return t("chat.usage", { command: `/${cmd}${usage ? ` ${usage}` : ""}` });
      }
      case "unknown-command":
        return t("chat.op_unknown", { cmd });
      case "self":
        return cmd === "ban" ? t("chat.op_ban_self", { target }) : t("chat.op_self", { cmd });
      case "no-such-nick":
        return t("chat.op_no_such_nick", { target });
      case "bad-target":
        return t("host.bad_target", { target });
      case "bad-duration":
        return t("host.bad_duration", { target });
      case "bad-number":
        return t("host.bad_number", { target });
      case "no-such-ban":
        return t("chat.op_no_such_ban", { target });
      case "not-muted":
        return t("host.not_muted", { target });
      case "too-many-bans":
        return t("host.too_many_bans");
      case "closed":
        return t("host.shutting_down");
      default:
        return t("chat.op_refused", { cmd, code: result.code });
    }
  }
  switch (result.code) {
    case "kicked":
      return result.detail === undefined
        ? t("chat.op_kicked", { target })
        : t("chat.op_kicked_reason", { target, reason: result.detail });
    case "banned": {
      const line = result.durationMs === undefined
        ? t("chat.op_banned", { target })
        : t("chat.op_banned_for", { target, time: duration(result.durationMs) });
      const reason = result.detail === undefined
        ? ""
        : ` ${t("host.reason", { reason: result.detail })}`;
      const removed = result.count ? ` — ${t("chat.op_removed", { count: result.count })}` : "";
      return `${line}${reason}${removed}`;
    }
    case "unbanned":
      return t("chat.op_unbanned", { target });
    case "bans": {
      const bans = result.bans ?? [];
      if (bans.length === 0) return t("host.no_bans");
      const list = bans.map((ban) => {
        const left = ban.until === undefined
          ? t("chat.op_until_lifted")
          : t("host.time_left", { time: wait(ban.until - context.now) });
        return `${ban.target} (${left}${ban.reason === undefined ? "" : `: ${ban.reason}`})`;
      });
      return t("chat.op_bans", { count: bans.length, list: list.join(", ") });
    }
    case "muted":
      return result.durationMs === undefined
        ? t("chat.op_muted", { target })
        : t("chat.op_muted_for", { target, time: duration(result.durationMs) });
    case "unmuted":
      return t("host.unmuted", { target });
    case "announced":
      return t("host.announced");
    case "motd": {
      if (result.body === undefined) return t("host.no_motd");
      const body = openBody(context.key, result.body);
      return body === undefined ? t("host.motd_unreadable") : t("host.motd", { text: body.text });
    }
    case "motd-set":
      return t("host.motd_set");
    case "motd-cleared":
      return t("host.motd_cleared");
    case "who": {
      const members = result.members ?? [];
      const names = members.map((m) => {
        const marks = [
          m.away ? t("chat.mark_away") : "",
          m.host ? t("chat.mark_host") : "",
          m.muted ? t("chat.mark_muted") : "",
          m.address === undefined ? "" : `${m.address}, ${duration(context.now - m.since)}`,
        ].filter(Boolean);
        return marks.length === 0 ? m.nick : `${m.nick} (${marks.join(", ")})`;
      });
      return t("chat.members_here", { count: members.length, names: names.join(", ") });
    }
    case "limit":
      return result.count === undefined
        ? t("host.no_limit")
        : t("host.limit", { count: result.count });
    case "locked":
      return t("host.locked");
    case "unlocked":
      return t("host.unlocked");
    default:
      return `/${cmd}: ${result.code}`;
  }
}
