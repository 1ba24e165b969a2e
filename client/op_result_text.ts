/**
 * The server answers a host command in codes and values (`opresult`); this
 * words the answer for the member who typed it, as one line. Pure.
 *
 * @module
 */

import { humanDuration, humanWait } from "../cli/mod.ts";
import type { SecretKey } from "../crypto/mod.ts";
import { hostOpSpec, type OpResult } from "../protocol/mod.ts";
import { openBody } from "./chat_event.ts";

/** What {@linkcode opResultText} needs besides the result. */
export interface OpResultContext {
  /** The circle key, to open the welcome text. */
  key: SecretKey;
  /** Now (ms), for times left and times here. */
  now: number;
}

/** One line for a person saying what a host command did, or why it was refused. */
export function opResultText(result: OpResult, context: OpResultContext): string {
  const target = result.target ?? "";
  const reason = result.detail === undefined ? "" : ` (${result.detail})`;
  const length = (ms: number | undefined, until: string) =>
    ms === undefined ? until : `for ${humanDuration(ms)}`;
  if (!result.ok) {
    switch (result.code) {
      case "not-host":
        return `/${result.cmd} is for the host — join with --host-key host.key`;
      case "usage": {
        const usage = hostOpSpec(result.cmd)?.usage;
        return `usage: /${result.cmd}${usage ? ` ${usage}` : ""}`;
      }
      case "unknown-command":
        return `this server does not know /${result.cmd}`;
      case "self":
        return result.cmd === "ban"
          ? `banning ${target} would shut you out too (it matches your nick or address) — ban something narrower`
          : `you cannot /${result.cmd} yourself`;
      case "no-such-nick":
        return `nobody here is called ${target}`;
      case "bad-target":
        return `${target} is not a nick, an address or a CIDR range (like 192.168.1.0/24)`;
      case "bad-duration":
        return `${target} is not a duration — use 10m, 2h or 7d`;
      case "bad-number":
        return `${target} is not a number of members — give N from 1, or off`;
      case "no-such-ban":
        return `${target} is not banned — see /bans`;
      case "not-muted":
        return `${target} is not muted`;
      case "too-many-bans":
        return "too many bans — lift some with /unban first";
      case "closed":
        return "the server is shutting down";
      default:
        return `/${result.cmd} was refused (${result.code})`;
    }
  }
  switch (result.code) {
    case "kicked":
      return `you kicked ${target}${reason}`;
    case "banned": {
      const removed = result.count
        ? ` — ${result.count} ${result.count === 1 ? "member" : "members"} removed`
        : "";
      return `you banned ${target} ${
        length(result.durationMs, "until you lift it")
      }${reason}${removed}`;
    }
    case "unbanned":
      return `you lifted the ban on ${target}`;
    case "bans": {
      const bans = result.bans ?? [];
      if (bans.length === 0) return "no bans";
      const list = bans.map((ban) => {
        const left = ban.until === undefined
          ? "until lifted"
          : `${humanWait(ban.until - context.now)} left`;
        return `${ban.target} (${left}${ban.reason === undefined ? "" : `: ${ban.reason}`})`;
      });
      return `${bans.length} ${bans.length === 1 ? "ban" : "bans"}: ${list.join(", ")}`;
    }
    case "muted":
      return `you muted ${target} ${length(result.durationMs, "until you unmute them")}`;
    case "unmuted":
      return `${target} may speak again`;
    case "announced":
      return "announced to everyone";
    case "motd": {
      if (result.body === undefined) return "no welcome text — set one with /motd TEXT";
      const body = openBody(context.key, result.body);
      return body === undefined ? "the welcome text cannot be read" : `welcome text: ${body.text}`;
    }
    case "motd-set":
      return "welcome text set: members see it when they join";
    case "motd-cleared":
      return "welcome text cleared";
    case "who": {
      const members = result.members ?? [];
      const names = members.map((m) => {
        const marks = [
          m.away ? "away" : "",
          m.host ? "host" : "",
          m.muted ? "muted" : "",
          m.address === undefined ? "" : `${m.address}, ${humanDuration(context.now - m.since)}`,
        ].filter(Boolean);
        return marks.length === 0 ? m.nick : `${m.nick} (${marks.join(", ")})`;
      });
      return `${members.length} here: ${names.join(", ")}`;
    }
    case "limit":
      return result.count === undefined ? "no member limit" : `at most ${result.count} members`;
    case "locked":
      return "locked: nobody new can join (members here can still come back)";
    case "unlocked":
      return "unlocked: new members can join";
    default:
      return `/${result.cmd}: ${result.code}`;
  }
}
