import assert from "node:assert/strict";
import { MATRIX_THEME, nickColor, PLAIN_THEME, themeFor } from "../../../client/ui/theme.ts";

const env = (vars: Record<string, string>) => ({ get: (name: string) => vars[name] });

Deno.test("themeFor() is matrix by default, plain when asked or when NO_COLOR is set", () => {
  assert.equal(themeFor("matrix", env({})), MATRIX_THEME);
  assert.equal(themeFor("plain", env({})), PLAIN_THEME);
  assert.equal(themeFor("matrix", env({ NO_COLOR: "1" })), PLAIN_THEME);
  assert.equal(themeFor("matrix", env({ NO_COLOR: "" })), MATRIX_THEME, "empty means unset");
  assert.equal(MATRIX_THEME.background, "black");
  assert.equal(MATRIX_THEME.text, "green");
  assert.equal(PLAIN_THEME.text, undefined);
});

Deno.test("nickColor() gives a nick the same colour every time, in any case; none in plain", () => {
  const colours = new Set<string | undefined>();
  for (const nick of ["alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi"]) {
    const colour = nickColor(nick, MATRIX_THEME);
    assert.ok(MATRIX_THEME.nicks.includes(colour!));
    assert.equal(nickColor(nick.toUpperCase(), MATRIX_THEME), colour);
    colours.add(colour);
  }
  assert.ok(colours.size >= 3, "nicks spread over the palette");
  assert.equal(nickColor("alice", PLAIN_THEME), undefined);
});
