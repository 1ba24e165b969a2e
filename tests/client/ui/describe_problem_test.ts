import assert from "node:assert/strict";
import { DialError, HandshakeError } from "../../../net/mod.ts";
import { registryProblem, serverProblem } from "../../../client/ui/describe_problem.ts";

Deno.test("registryProblem() says how to fix an unreachable registry, and exits 3 for a foreign one", () => {
  const refused = registryProblem(
    new DialError("refused", "localhost", 5556, "cannot reach localhost:5556"),
    "localhost:5556",
  );
  assert.match(refused.text, /Cannot reach the registry at localhost:5556 — is it running\?/);
  assert.match(refused.hint!, /stealth up/);
  assert.match(refused.hint!, /--registry/);
  assert.equal(refused.code, 1);
  const foreign = registryProblem(
    new HandshakeError("not-in-circle", "not in your circle"),
    "pi.local:5556",
  );
  assert.equal(foreign.code, 3);
  assert.match(foreign.text, /not in your circle — check secret\.key/);
  assert.equal(registryProblem(new DialError("foreign", "h", 1, "x"), "h:1").code, 3);
  assert.match(registryProblem(new Error("odd"), "h:1").text, /^h:1: odd$/);
});

Deno.test("serverProblem() tells nick refusals apart, and a wrong key", () => {
  const taken = serverProblem(new HandshakeError("nick-taken", "that nick is taken"), "h:1");
  assert.equal(taken.badNick, true);
  assert.match(taken.text, /taken/);
  assert.equal(serverProblem(new HandshakeError("bad-nick", "no"), "h:1").badNick, true);
  const wrongKey = serverProblem(new HandshakeError("not-in-circle", "x"), "h:1");
  assert.equal(wrongKey.code, 3);
  assert.match(wrongKey.text, /h:1: this server is not in your circle — check secret\.key/);
  const refused = serverProblem(new DialError("refused", "h", 1, "x"), "h:1");
  assert.match(refused.text, /Cannot reach h:1 — is the server running\?/);
  assert.equal(refused.code, 1);
});
