import assert from "node:assert/strict";
import { isDebugFromEnv } from "../../log/mod.ts";

function env(value: string | undefined): { get(name: string): string | undefined } {
  return { get: (name) => name === "STEALTH_DEBUG" ? value : undefined };
}

Deno.test("isDebugFromEnv() is true for 1, true and yes in any case", () => {
  for (const value of ["1", "true", "yes", "TRUE", "Yes", " 1 "]) {
    assert.equal(isDebugFromEnv(env(value)), true, value);
  }
});

Deno.test("isDebugFromEnv() is false when unset, empty or anything else", () => {
  for (const value of [undefined, "", "0", "false", "no", "on", "2", "debug"]) {
    assert.equal(isDebugFromEnv(env(value)), false, String(value));
  }
});

Deno.test("isDebugFromEnv() is false without permission to read the environment", () => {
  const denied = {
    get(): string | undefined {
      throw new Deno.errors.NotCapable("Requires env access");
    },
  };
  assert.equal(isDebugFromEnv(denied), false);
});

Deno.test("isDebugFromEnv() reads the process environment by default", () => {
  const before = Deno.env.get("STEALTH_DEBUG");
  try {
    Deno.env.set("STEALTH_DEBUG", "yes");
    assert.equal(isDebugFromEnv(), true);
    Deno.env.delete("STEALTH_DEBUG");
    assert.equal(isDebugFromEnv(), false);
  } finally {
    if (before === undefined) Deno.env.delete("STEALTH_DEBUG");
    else Deno.env.set("STEALTH_DEBUG", before);
  }
});
