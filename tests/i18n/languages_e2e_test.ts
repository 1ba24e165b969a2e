/**
 * Every language through real processes: the command line's help and
 * errors, and the line-mode client against a real server on 127.0.0.1. The
 * host runs in Spanish while its members read German, French or Spanish —
 * the protocol carries codes, each side words them.
 */

import assert from "node:assert/strict";
import { type Language, translatorFor } from "../../i18n/mod.ts";
import { runStealth, StealthProcess, tempHome } from "../support/stealth_process.ts";

/** `text` as a regular expression that matches it literally. */
function literally(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

Deno.test("stealth --help --lang de shows German descriptions, labels and sections", async () => {
  const { code, stdout } = await runStealth(["--help", "--lang", "de"]);
  assert.equal(code, 0);
  assert.match(stdout, /^Aufruf: stealth up /m);
  assert.match(stdout, /Einen Kreis beherbergen: Verzeichnis und Chat-Server in einem Prozess\./);
  assert.match(stdout, /^Globale Optionen:$/m);
  assert.match(stdout, /--lang LANG +Die Sprache von stealth: en, es, de oder fr/);
  assert.match(stdout, /--help +Hilfe zeigen\./);
  assert.doesNotMatch(stdout, /Host a circle/);
});

Deno.test("stealth takes its language from LC_ALL, LC_MESSAGES, LANG, and --lang over them", async () => {
  const spanish = await runStealth(["chat", "--help"], { env: { LANG: "es_ES.UTF-8" } });
  assert.match(spanish.stdout, /^Uso: stealth chat /m);
  assert.match(spanish.stdout, /Entrar en un servidor de chat de tu círculo\./);
  const french = await runStealth(["chat", "--help"], {
    env: { LC_ALL: "fr_FR.UTF-8", LANG: "de_DE.UTF-8" },
  });
  assert.match(french.stdout, /Rejoindre un serveur de chat de votre cercle\./);
  assert.match(french.stdout, /^Exemple : stealth chat pi\.local/m);
  const flag = await runStealth(["chat", "--help", "--lang=en"], { env: { LANG: "de_DE.UTF-8" } });
  assert.match(flag.stdout, /Join a chat server of your circle\./);
});

Deno.test("optique's own errors speak the language too", async () => {
  const french = await runStealth(["keygen", "--frobnicate", "--lang", "fr"]);
  assert.equal(french.code, 2);
  assert.match(french.stderr, /^Erreur : Option ou argument inattendu : "--frobnicate"\./m);
  const german = await runStealth(["doctor", "--port", "abc"], { env: { LANG: "de_DE.UTF-8" } });
  assert.equal(german.code, 2);
  assert.match(
    german.stderr,
    /^Fehler: `--port`: Erwartet war eine ganze Zahl, gekommen ist "abc"\./m,
  );
  const unknown = await runStealth(["--lang", "tlh", "list"]);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /Expected one of "en", "es", "de" and "fr", but got "tlh"/);
});

Deno.test({
  name: "a Spanish host and German, French and Spanish members each read their own language",
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const home = await tempHome();
    const processes: StealthProcess[] = [];
    try {
      assert.equal((await runStealth(["keygen"], { env: home.env })).code, 0);
      const server = new StealthProcess(
        ["server", "--host", "127.0.0.1", "--port", "0", "--name", "kitchen", "--lang", "es"],
        { env: home.env },
      );
      processes.push(server);
      // The host's own lines are Spanish.
      const greeting = await server.waitFor(
        /^stealth está en marcha: servidor de chat "kitchen" escuchando en 127\.0\.0\.1:\d+$/,
        { timeoutMs: 20_000 },
      );
      const address = `127.0.0.1:${greeting.match(/:(\d+)$/)![1]}`;

      // Each member's language, and how it was chosen; the joined line as a person writes it.
      const members: {
        language: Language;
        how: string[];
        env: Record<string, string>;
        joined: string;
      }[] = [
        { language: "es", how: ["--lang", "es"], env: {}, joined: "bob entró" },
        { language: "de", how: ["--lang", "de"], env: {}, joined: "bob ist beigetreten" },
        { language: "fr", how: ["--lang", "fr"], env: {}, joined: "bob est arrivé" },
        { language: "de", how: [], env: { LANG: "de_DE.UTF-8" }, joined: "bob ist beigetreten" },
      ];
      for (const [i, member] of members.entries()) {
        const tr = translatorFor(member.language);
        const nick = `member${i}`;
        const reader = new StealthProcess(
          ["chat", address, "--plain", "--nick", nick, ...member.how],
          { env: { ...home.env, ...member.env }, stdin: true },
        );
        processes.push(reader);
        await reader.waitFor(
          new RegExp(`-- ${literally(tr.t("chat.connected", { server: "kitchen", nick }))}$`),
        );
        const bob = new StealthProcess(["chat", address, "--plain", "--nick", "bob"], {
          env: home.env,
          stdin: true,
        });
        processes.push(bob);
        await bob.waitFor(/-- connected to kitchen as bob$/);
        await reader.waitFor(new RegExp(`-- ${literally(member.joined)}$`));
        assert.equal(tr.t("chat.joined", { nick: "bob" }), member.joined);

        // A refusal from the (Spanish) server is a code; the member words it.
        const twin = await runStealth(
          ["chat", address, "--plain", "--nick", nick, ...member.how],
          { env: { ...home.env, ...member.env } },
        );
        assert.equal(twin.code, 1);
        assert.equal(
          twin.stderr.trim(),
          tr.t("chat.at", { where: address, text: tr.t("net.nick_taken") }),
        );

        await bob.closeStdin();
        assert.equal((await bob.status()).code, 0);
        const left = tr.t("chat.left", { nick: "bob", reason: tr.t("chat.reason_quit") });
        await reader.waitFor(new RegExp(`-- ${literally(left)}$`));
        await reader.closeStdin();
        assert.equal((await reader.status()).code, 0);
      }
      assert.equal((await server.stop()).code, 0);
      assert.ok(server.stdout.includes("apagando: avisando a los miembros"), server.output);
    } finally {
      for (const process of processes) await process.stop("SIGKILL", 1_000).catch(() => {});
      await home.remove();
    }
  },
});
