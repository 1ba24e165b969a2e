import assert from "node:assert/strict";
import { nickKey, sameNick } from "../../protocol/mod.ts";

Deno.test("nickKey() folds case and Unicode normal forms into one key", () => {
  assert.equal(nickKey("Alice"), "alice");
  assert.equal(nickKey("ÅNGSTRÖM"), nickKey("ångström"));
  assert.equal(nickKey("A\u030Angström"), nickKey("Ångström"), "decomposed and composed");
  assert.notEqual(nickKey("alice"), nickKey("alice2"));
});

Deno.test("sameNick() is true only for one nick written two ways", () => {
  assert.equal(sameNick("Bob", "bOB"), true);
  assert.equal(sameNick("Zoë", "Zoe\u0308"), true);
  assert.equal(sameNick("bob", "bobby"), false);
  assert.equal(sameNick("Ωmega", "ωmega"), true);
});
