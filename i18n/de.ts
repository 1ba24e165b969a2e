/**
 * German. Checked against the English source by the compiler: every key,
 * and in each message the same placeholders.
 *
 * @module
 */

import { defineTranslation } from "./define_translation.ts";
import { en } from "./en.ts";

/** The German messages. */
export const de = defineTranslation(en, {
  // ---- cli: what every command shares --------------------------------------
  "cli.port_in_use_registry":
    "Port {port} ist schon belegt — läuft schon ein Verzeichnis? wähle einen anderen mit --port",
  "cli.port_in_use_server":
    "Port {port} ist schon belegt — läuft schon ein Chat-Server? wähle einen anderen mit --port",
  "cli.port_in_use_stealth":
    "Port {port} ist schon belegt — läuft schon ein stealth? wähle einen anderen mit --port",
  "cli.port_not_allowed":
    "Lauschen auf Port {port} nicht erlaubt — Ports unter 1024 brauchen Rechte; wähle einen anderen mit --port",

  // ---- cli: the command line (main.ts) -----------------------------------------
  "cli.opt_host": "Adresse, auf der gelauscht wird (Standard: alle Schnittstellen).",
  "cli.opt_port": "Port, auf dem gelauscht wird.",
  "cli.opt_name": "Servername, den die Mitglieder sehen (Standard: der Name dieses Rechners).",
  "cli.opt_advertise":
    "Ein Name oder eine Adresse, unter der die Mitglieder den Server erreichen (wiederholbar).",
  "cli.opt_rate":
    "Nachrichten, die ein Mitglied auf einmal / danach pro Sekunde senden darf (Standard 30/5).",
  "cli.opt_bans":
    "Sperren über Neustarts hinweg in dieser Datei behalten (Modus 0600); Standard: nur im Speicher.",
  "cli.opt_motd": "Begrüßungstext, den Mitglieder beim Beitreten sehen.",
  "cli.opt_console": "Gastgeber-Befehle von stdin lesen, auch wenn es kein Terminal ist.",
  "cli.opt_cert": "Ein externes Zertifikat (PEM) statt des eigenen des Kreises.",
  "cli.opt_cert_key": "Der private Schlüssel des externen Zertifikats (PEM).",
  "cli.opt_ca": "Die CA, die das externe Zertifikat signiert hat (PEM).",
  "cli.opt_key": "Der Kreis-Schlüssel (Standard: secret.key im Home-Ordner).",
  "cli.opt_home":
    "Der Home-Ordner (Standard: $STEALTH_HOME, sonst der Konfigurationsordner/stealth).",
  "cli.opt_debug": "Protokollieren, was jeder Teil tut (auch STEALTH_DEBUG=1).",
  "cli.opt_log_file": "Das --debug-Protokoll in diese Datei schreiben statt nach stderr.",
  "cli.keygen_out":
    "Wohin er geschrieben wird (Standard: secret.key oder host.key im Home-Ordner).",
  "cli.keygen_force": "Eine vorhandene Schlüsseldatei ersetzen.",
  "cli.keygen_host_key":
    "Stattdessen host.key schreiben, das eigene zweite Geheimnis des Gastgebers.",
  "cli.keygen_brief": "Einen neuen Kreis-Schlüssel erzeugen.",
  "cli.keygen_description":
    "Schreibt einen neuen secret.key (Modus 0600) und zeigt seinen Fingerabdruck.",
  "cli.fingerprint_brief": "Den Fingerabdruck des Schlüssels zeigen, zum Vorlesen.",
  "cli.fingerprint_description":
    "Zeigt den Fingerabdruck des Kreis-Schlüssels. Zwei Mitglieder mit gleichem Fingerabdruck haben denselben Schlüssel.",
  "cli.opt_json_object": "Ein JSON-Objekt ausgeben.",
  "cli.certs_show_brief": "Die CA des Kreises und ein frisches Server-Zertifikat zeigen.",
  "cli.certs_export_out": "Ordner, in den ca.pem geschrieben wird (Standard: .).",
  "cli.certs_export_brief":
    "Das CA-Zertifikat des Kreises (ca.pem) für andere Werkzeuge schreiben.",
  "cli.certs_brief": "Die Zertifikate des Kreises zeigen oder exportieren.",
  "cli.up_registry_port": "Port des Verzeichnisses (Standard 5556).",
  "cli.up_brief": "Einen Kreis beherbergen: Verzeichnis und Chat-Server in einem Prozess.",
  "cli.up_description":
    "Startet ein Verzeichnis (5556) und einen Chat-Server (5555) auf allen Schnittstellen, mit einer Gastgeber-Konsole. Erzeugt zuerst einen Kreis-Schlüssel, wenn der Home-Ordner keinen hat.",
  "cli.server_registry": "Bei diesem Verzeichnis anmelden (Standard-Port 5556).",
  "cli.server_brief": "Einen Chat-Server betreiben.",
  "cli.registry_brief": "Nur das Verzeichnis betreiben.",
  "cli.list_registry": "Das Verzeichnis, das gefragt wird (Standard localhost:5556).",
  "cli.opt_json_array": "Ein JSON-Array ausgeben.",
  "cli.list_brief": "Die Server des Verzeichnisses auflisten.",
  "cli.chat_server": "Der Chat-Server (Standard-Port 5555).",
  "cli.chat_nick":
    "Dein Nick (Standard: der zuletzt benutzte, sonst eine Abfrage; im Zeilenmodus dein Benutzername).",
  "cli.opt_plain": "Zeilenmodus: eine Zeile pro Ereignis, für Skripte.",
  "cli.opt_json_lines": "Zeilenmodus mit einem JSON-Objekt pro Ereignis.",
  "cli.chat_registry":
    "Das Verzeichnis, dessen Server aufgelistet werden (Standard: das zuletzt benutzte, sonst localhost:5556).",
  "cli.opt_theme": "matrix (grün auf schwarz) oder plain; NO_COLOR heißt plain.",
  "cli.chat_host_key": "Den Gastgeber-Schlüssel (host.key) nachweisen, für Gastgeber-Rechte.",
  "cli.chat_ca":
    "Dieser CA (PEM) vertrauen, für einen Server mit externem Zertifikat (stealth server --cert).",
  "cli.chat_brief": "Chatten.",
  "cli.chat_description": "Einem Chat-Server deines Kreises beitreten.",
  "cli.p2p_listen": "Auf ein Gegenüber warten, auf PORT (Standard 5557; 0 wählt einen freien).",
  "cli.p2p_target":
    "Das Gegenüber, das angewählt wird (Standard-Port 5557); mit --listen der Port.",
  "cli.p2p_nick": "Dein Nick (Standard: der zuletzt benutzte, sonst dein Benutzername).",
  "cli.p2p_brief": "Direkt mit einem anderen Mitglied reden: kein Verzeichnis, kein Server.",
  "cli.p2p_description":
    "Eine Seite wartet mit --listen und zeigt ihre Adressen und den Fingerabdruck des Schlüssels zum Vorlesen; die andere wählt sie an. Ein Gegenüber zur Zeit; eine abgerissene Verbindung wird fortgesetzt; nichts wird auf die Platte geschrieben.",
  "cli.doctor_registry": "Ein Verzeichnis, das geprüft wird (Standard-Port 5556).",
  "cli.doctor_ca":
    "Die CA (PEM) von Chat-Servern mit externem Zertifikat (stealth server --cert), wie bei chat --ca.",
  "cli.doctor_server": "Ein Chat-Server, der geprüft wird (Standard-Port 5555).",
  "cli.doctor_port": "Ein lokaler Port, der geprüft wird (Standard 5555 und 5556).",
  "cli.doctor_brief": "Schlüssel, Uhr, Adressen und Ports prüfen; sagen, was zu tun ist.",
  "cli.brief": "stealth — Ende-zu-Ende-verschlüsselter Gruppenchat für einen kleinen Kreis.",
  "cli.description":
    "Ein secret.key, persönlich übergeben, lässt die Mitglieder chatten; der Gastgeber betreibt den Server.",
  "cli.global_options": "Globale Optionen",
  "cli.opt_lang":
    "Die Sprache von stealth: en, es, de oder fr (Standard: aus LC_ALL, LC_MESSAGES oder LANG).",
  "cli.example": "Beispiel: {command}",
  "cli.p2p_example":
    "Beispiel: stealth p2p --listen, dann auf dem anderen Rechner: stealth p2p 192.168.1.5",
  "cli.name_a_server": "nenne einen Server: stealth chat HOST[:PORT] --plain",

  // ---- cli: optique's own fragments (kept exact: leading and trailing spaces matter) ----
  "cli.optique_unexpected": "Unerwartete Option oder unerwartetes Argument: ",
  "cli.optique_unexpected_subcommand": "Unerwartete Option oder unerwarteter Unterbefehl: ",
  "cli.optique_did_you_mean_one_of": "Meintest du eins davon?",
  "cli.optique_did_you_mean": "Meintest du ",
  "cli.optique_requires": " braucht ",
  "cli.optique_expected_integer": "Erwartet war eine ganze Zahl, gekommen ist ",
  "cli.optique_expected_at_least": "Erwartet war ein Wert größer oder gleich ",
  "cli.optique_expected_at_most": "Erwartet war ein Wert kleiner oder gleich ",
  "cli.optique_expected_one_of": "Erwartet war eins von ",
  "cli.optique_but_got": ", gekommen ist ",
  "cli.optique_and": " und ",
  "cli.optique_multiple": " darf nur einmal angegeben werden.",
  "cli.optique_no_match": "Keine passende Option und kein passender Befehl.",
  "cli.optique_no_match_all":
    "Keine passende Option, kein passender Befehl und kein passendes Argument.",
  "cli.optique_no_match_option_argument": "Keine passende Option und kein passendes Argument.",
  "cli.optique_no_match_command_argument": "Kein passender Befehl und kein passendes Argument.",
  "cli.optique_no_match_option": "Keine passende Option.",
  "cli.optique_no_command": "Kein passender Befehl.",
  "cli.optique_end_of_input_option": "Erwartet war eine Option, aber die Befehlszeile ist zu Ende.",
  "cli.optique_end_of_input_argument":
    "Erwartet war ein Argument, aber die Befehlszeile ist zu Ende.",
  "cli.optique_no_value": "Kein Wert angegeben.",
  "cli.optique_missing_option": "Es fehlt die Option ",
  "cli.optique_missing_argument": "Ein nötiges Argument fehlt.",
  "cli.optique_flag": "Der Schalter ",
  "cli.optique_flag_value": " nimmt keinen Wert, gekommen ist: ",
  "cli.optique_help": "Hilfe zeigen.",
  "cli.optique_version": "Version zeigen.",
  "cli.optique_completion_command":
    "Ein Vervollständigungsskript für die Shell erzeugen oder Vorschläge liefern.",
  "cli.optique_completion_option": "Ein Vervollständigungsskript für die Shell erzeugen.",
  "cli.optique_completion_args":
    "Argumente für Vervollständigungsvorschläge (nutzt die Shell; meist musst du sie nicht angeben).",
  "cli.optique_help_command": "Befehl, zu dem die Hilfe gezeigt wird.",
  "cli.optique_usage": "Aufruf:",
  "cli.optique_error": "Fehler:",
  "cli.optique_examples": "Beispiele:",
  "cli.section": "{title}:",

  // ---- key: secret.key and host.key ------------------------------------------
  "key.is_folder":
    "{path} ist ein Ordner, kein Schlüssel — gib den Pfad der Schlüsseldatei selbst an",
  "key.not_regular": "{path} ist keine normale Datei — gib den Pfad der Schlüsseldatei selbst an",
  "key.too_large":
    "{path}: die Datei hat mehr als {max} Bytes, ein stealth-Schlüssel hat {length} Zeichen — ist das die richtige Datei?",
  "key.in_file": "{path}: {problem}",
  "key.readable_by_others":
    "{path} können andere Benutzer dieses Rechners lesen — führe aus: chmod 600 {path}",
  "key.write_is_folder": "{path} ist ein Ordner — wähle einen Dateinamen für den Schlüssel",
  "key.exists":
    "{path} gibt es schon — behalte es, oder ersetze es mit --force (wer den alten Schlüssel hat, ist dann ausgesperrt)",
  "key.missing":
    "kein Schlüssel unter {path} — bitte deinen Gastgeber um secret.key, oder erzeuge einen mit `stealth keygen`",
  "key.read_denied":
    "{path} kann nicht gelesen werden: Zugriff verweigert — mach sie zu deiner: sudo chown $USER {path} && chmod 600 {path}",
  "key.read_not_capable":
    "{path} kann nicht gelesen werden: stealth wurde ohne Leserecht dafür gestartet (--allow-read)",
  "key.path_not_folder":
    "kein Schlüssel unter {path} — ein Teil dieses Pfads ist eine Datei, kein Ordner",
  "key.read_failed": "{path} kann nicht gelesen werden: {reason}",
  "key.write_denied":
    "{path} kann nicht geschrieben werden: Zugriff verweigert — wähle einen Ordner, in den du schreiben darfst",
  "key.write_not_capable":
    "{path} kann nicht geschrieben werden: stealth wurde ohne Schreibrecht dafür gestartet (--allow-write)",
  "key.disk_full":
    "{path} kann nicht geschrieben werden: die Platte ist voll — schaffe Platz und versuche es noch einmal",
  "key.read_only":
    "{path} kann nicht geschrieben werden: die Platte ist schreibgeschützt — wähle einen anderen Ordner",
  "key.write_failed": "{path} kann nicht geschrieben werden: {reason}",
  "key.unknown_error": "unbekannter Fehler",
  "key.empty":
    "der Schlüssel ist leer — kopiere secret.key noch einmal vom Gastgeber, oder erzeuge einen mit `stealth keygen`",
  "key.wrong_length":
    "der Schlüssel hat {count} Zeichen, ein stealth-Schlüssel hat {length} — kopiere secret.key noch einmal vom Gastgeber",
  "key.not_base64":
    "der Schlüssel ist kein URL-sicheres Base64 — die Datei ist beschädigt oder kein Schlüssel; kopiere secret.key noch einmal vom Gastgeber",
  "key.wrote": "{path} geschrieben",
  "key.host_key_stays":
    "das ist der Gastgeber-Schlüssel: er bleibt auf dem Rechner des Gastgebers — kopiere ihn nie zu Mitgliedern",
  "key.fingerprint_line": "Fingerabdruck {fingerprint}",
  "key.hand_over":
    "kopiere ihn auf einen USB-Stick und übergib ihn persönlich; lest den Fingerabdruck zur Kontrolle laut vor",

  // ---- certs: certificates ----------------------------------------------------
  "certs.the_certificate": "das Zertifikat in {file}",
  "certs.the_intermediate": "das Zwischenzertifikat {n} in {file}",
  "certs.the_ca": "das CA-Zertifikat in {file}",
  "certs.the_text_given": "der angegebene Text",
  "certs.fix_renew": "erneuere es",
  "certs.fix_current_ca": "besorge das aktuelle Zertifikat der CA",
  "certs.expired": "{what} ist am {date} abgelaufen — {fix}",
  "certs.not_yet_valid":
    "{what} gilt erst ab {date} — prüfe die Uhr dieses Rechners, oder warte bis dahin",
  "certs.key_mismatch":
    "der private Schlüssel in {keyFile} gehört nicht zum Zertifikat in {certFile} — gib den Schlüssel an, der zusammen mit diesem Zertifikat erzeugt wurde",
  "certs.is_ca":
    "das Zertifikat in {file} ist ein CA-Zertifikat, kein Server-Zertifikat — gib das eigene Zertifikat des Servers mit --cert an und die CA mit --ca",
  "certs.not_server":
    "das Zertifikat in {file} ist nicht für Server (seiner erweiterten Schlüsselverwendung fehlt serverAuth) — stelle eins für TLS-Server aus",
  "certs.chain_order":
    "Zertifikat {n} in {file} wurde nicht vom nächsten in der Datei ausgestellt — zuerst das Server-Zertifikat, dann jedes Zwischenzertifikat der Reihe nach",
  "certs.wrong_ca":
    'das Zertifikat in {file} wurde nicht von der CA in {caFile} ausgestellt (Aussteller "{issuer}", CA "{ca}") — gib mit --ca die CA an, die es ausgestellt hat',
  "certs.certificate_file": "die Zertifikatsdatei {file}",
  "certs.key_file": "die Schlüsseldatei {file}",
  "certs.ca_file": "die CA-Datei {file}",
  "certs.file_missing": "{named} gibt es nicht — prüfe den Pfad",
  "certs.file_denied":
    "{named} kann nicht gelesen werden: Zugriff verweigert — prüfe Eigentümer und Modus",
  "certs.file_is_folder": "{named} ist ein Ordner — gib die Datei selbst an",
  "certs.file_unreadable": "{named} kann nicht gelesen werden: {reason}",
  "certs.not_pem":
    '{named} ist kein PEM (keine Zeile "-----BEGIN") — gib die PEM-Datei an, oder wandle sie mit openssl um',
  "certs.damaged_certificate":
    "{file} enthält ein beschädigtes Zertifikat (es lässt sich nicht lesen) — kopiere die Datei noch einmal von dort, wo sie erzeugt wurde",
  "certs.nothing_usable": "nichts Brauchbares",
  "certs.not_certificate":
    "{file} enthält {labels}, kein Zertifikat — gib eine Zertifikatsdatei an",
  "certs.not_certificate_swapped":
    "{file} enthält {labels}, kein Zertifikat — hast du --cert und --key vertauscht?",
  "certs.key_encrypted":
    "der private Schlüssel in {file} ist verschlüsselt — schreib ihn ohne Passphrase (openssl pkey -in {file} -out plain.key) und lass diese Datei im Modus 0600",
  "certs.not_key": "{file} enthält {labels}, keinen privaten Schlüssel",
  "certs.not_key_swapped":
    "{file} enthält {labels}, keinen privaten Schlüssel — hast du --cert und --key vertauscht?",
  "certs.damaged_key":
    "{file} enthält einen beschädigten privaten Schlüssel (er lässt sich nicht lesen) — kopiere die Datei noch einmal von dort, wo sie erzeugt wurde",
  "certs.show_ca": "Kreis-CA",
  "certs.show_fingerprint": "Fingerabdruck",
  "certs.show_leaf": "Blatt",
  "certs.show_leaf_sample":
    "{subject} (ein Beispiel; jeder Server stellt sich beim Start sein eigenes aus)",
  "certs.show_sans": "SANs",
  "certs.show_valid": "gültig",
  "certs.export_failed":
    "{path} kann nicht geschrieben werden: {reason} — wähle einen anderen Ordner",
  "certs.exported": "{path} geschrieben ({subject}, Fingerabdruck {fingerprint})",

  // ---- net: dialing and the handshake ------------------------------------------
  "net.unreachable": "{where} nicht erreichbar ({reason})",
  "net.no_answer_within":
    "{where} hat nicht innerhalb von {time} geantwortet — stimmt die Adresse und ist der Port offen? (Zeitüberschreitung)",
  "net.refused": "{where} nicht erreichbar — läuft der Server? (Verbindung abgelehnt)",
  "net.no_answer":
    "{where} hat nicht geantwortet — stimmt die Adresse und ist der Port offen? (Zeitüberschreitung)",
  "net.dns":
    "{host} nicht gefunden — prüfe den Namen, oder nimm die IP-Adresse (DNS-Abfrage fehlgeschlagen)",
  "net.network_unreachable": "Netz nicht erreichbar",
  "net.no_route": "keine Route zum Rechner",
  "net.unreachable_check": "{where} nicht erreichbar — prüfe Adresse und Netz ({reason})",
  "net.foreign":
    "{where} ist kein stealth-Server deines Kreises — prüfe secret.key (Zertifikat nicht von der CA des Kreises signiert)",
  "net.outside_validity":
    "{where} hat ein Zertifikat außerhalb seiner Gültigkeit — prüfe die Uhren beider Rechner ({reason})",
  "net.bad_certificate":
    "{where} ist kein stealth-Server deines Kreises — prüfe secret.key ({reason})",
  "net.not_tls13": "{where} spricht kein TLS 1.3 — ist es ein stealth-Server? ({reason})",
  "net.tls_closed":
    "{where} hat die Verbindung während des TLS-Handshakes geschlossen — ist es ein stealth-Server? ({reason})",
  "net.timeout_server": "der Chat-Server hat den Handshake nicht innerhalb von {time} beendet",
  "net.timeout_registry": "das Verzeichnis hat den Handshake nicht innerhalb von {time} beendet",
  "net.timeout_p2p": "das p2p-Gegenüber hat den Handshake nicht innerhalb von {time} beendet",
  "net.cut_server":
    "der Chat-Server hat die Verbindung während des Handshakes geschlossen ({reason})",
  "net.cut_registry":
    "das Verzeichnis hat die Verbindung während des Handshakes geschlossen ({reason})",
  "net.cut_p2p":
    "das p2p-Gegenüber hat die Verbindung während des Handshakes geschlossen ({reason})",
  "net.closed_before_handshake": "die Verbindung wurde vor dem Handshake geschlossen",
  "net.not_stealth_v1": "die Gegenseite spricht kein stealth v1: {reason}",
  "net.unexpected_frame":
    "die Gegenseite spricht kein stealth v1: erwartet {expected}, gekommen {got}",
  "net.throttled_later":
    "zu viele Fehlversuche von dieser Adresse — versuche es später noch einmal",
  "net.throttled_wait":
    "zu viele Fehlversuche von dieser Adresse — versuche es in {wait} noch einmal",
  "net.banned": "du bist auf diesem Server gesperrt — bis der Gastgeber es aufhebt",
  "net.banned_reason":
    "du bist auf diesem Server gesperrt: {reason} — bis der Gastgeber es aufhebt",
  "net.banned_for": "du bist auf diesem Server gesperrt — noch {wait}",
  "net.banned_for_reason": "du bist auf diesem Server gesperrt: {reason} — noch {wait}",
  "net.kicked": "der Gastgeber hat dich von diesem Server geworfen",
  "net.kicked_reason": "der Gastgeber hat dich von diesem Server geworfen: {reason}",
  "net.locked": "der Gastgeber hat diesen Server abgeschlossen: vorerst kommt niemand Neues hinein",
  "net.busy": "besetzt: redet schon mit jemandem — versuche es später noch einmal",
  "net.nick_taken": "dieser Nick ist vergeben — wähle einen anderen mit --nick",
  "net.bad_nick": "ein Nick hat 1–24 Buchstaben, Ziffern, '_', '-' oder '.'",
  "net.full": "der Server ist voll — versuche es später noch einmal",
  "net.shutting_down": "der Server fährt herunter",
  "net.refused_code": "der Server hat die Verbindung abgelehnt ({code})",
  "net.refused_code_detail": "der Server hat die Verbindung abgelehnt ({code}: {detail})",
  "net.server_not_in_circle": "dieser Server gehört nicht zu deinem Kreis — prüfe secret.key",
  "net.peer_not_in_circle": "dieses Gegenüber gehört nicht zu deinem Kreis — prüfe secret.key",
  "net.p2p_not_server":
    "das ist ein stealth-p2p-Gegenüber, kein Chat-Server — sprich mit ihm über `stealth p2p HOST[:PORT]`",
  "net.p2p_not_registry":
    "das ist ein stealth-p2p-Gegenüber, kein Verzeichnis — sprich mit ihm über `stealth p2p HOST[:PORT]`",
  "net.server_not_p2p":
    "das ist ein stealth-Chat-Server, kein p2p-Gegenüber — tritt ihm bei mit `stealth chat HOST[:PORT]`",
  "net.server_not_registry": "das ist ein stealth-Chat-Server, kein Verzeichnis — prüfe den Port",
  "net.registry_not_p2p": "das ist ein stealth-Verzeichnis, kein p2p-Gegenüber — prüfe den Port",
  "net.registry_not_server": "das ist ein stealth-Verzeichnis, kein Chat-Server — prüfe den Port",

  "net.listen_failed": "Lauschen auf {where} nicht möglich: {reason}",
  "net.listen_in_use": "der Port ist schon belegt — läuft schon ein stealth?",
  "net.listen_no_address": "dieser Rechner hat keine solche Adresse",
  "net.listen_denied": "Zugriff verweigert — Ports unter 1024 brauchen Rechte",

  // ---- registry: the registry and `stealth list` ----------------------------------
  "registry.not_in_circle": "dieses Verzeichnis gehört nicht zu deinem Kreis — prüfe secret.key",
  "registry.not_in_circle_at":
    "{where}: dieses Verzeichnis gehört nicht zu deinem Kreis — prüfe secret.key",
  "registry.list_timeout":
    "{where} hat seine Liste nicht innerhalb von {time} geschickt (Zeitüberschreitung)",
  "registry.bad_frame": "das Verzeichnis unter {where} hat einen fehlerhaften Frame geschickt",
  "registry.closed_early":
    "das Verzeichnis unter {where} hat die Verbindung geschlossen, bevor es seine Liste geschickt hat ({reason})",
  "registry.refused_rate":
    "das Verzeichnis unter {where} lehnt ab: zu viele Anfragen — versuche es gleich noch einmal",
  "registry.refused_full": "das Verzeichnis unter {where} lehnt ab: es ist voll",
  "registry.refused_too_many":
    "das Verzeichnis unter {where} lehnt ab: zu viele Verbindungen von dieser Adresse",
  "registry.refused_shutdown": "das Verzeichnis unter {where} fährt herunter",
  "registry.refused_timeout":
    "das Verzeichnis unter {where} hat nicht länger auf diese Seite gewartet",
  "registry.refused": "das Verzeichnis unter {where} lehnt ab ({code})",
  "registry.refused_detail": "das Verzeichnis unter {where} lehnt ab ({code}: {detail})",
  "registry.host_port":
    '"{text}" lässt sich nicht als HOST[:PORT] lesen: {why} (z. B. pi.local, 192.168.1.20:5556 oder [::1]:5556)',
  "registry.host_port_empty": "es ist leer",
  "registry.host_port_unclosed": "die [ einer IPv6-Adresse ist nicht geschlossen",
  "registry.host_port_after_bracket": "nach der ] wurde :PORT erwartet",
  "registry.host_port_empty_brackets": "in den Klammern steht keine IPv6-Adresse",
  "registry.host_port_not_ipv6": "{host} in Klammern ist keine IPv6-Adresse",
  "registry.host_port_brackets": "setze eine IPv6-Adresse in Klammern, wenn du einen Port angibst",
  "registry.host_port_no_host": "der Rechnername fehlt",
  "registry.host_port_bad_host": "{host} ist weder ein Rechnername noch eine IP-Adresse",
  "registry.host_port_no_port": "der Port nach : fehlt",
  "registry.host_port_nan": "der Port {port} ist keine Zahl",
  "registry.host_port_range":
    '"{text}" lässt sich nicht als HOST[:PORT] lesen: der Port muss zwischen 1 und 65535 liegen, gekommen ist {port}',
  "registry.none_registered":
    "unter {where} sind keine Server angemeldet — starte einen mit `stealth up` oder `stealth server --registry {host}`",
  "registry.servers_at": {
    one: "{count} Server unter {where}",
    other: "{count} Server unter {where}",
  },
  "registry.refused_list":
    "das Verzeichnis unter {where} ist nicht erreichbar — läuft es? (Verbindung abgelehnt; starte eins mit `stealth registry` oder `stealth up`)",
  "registry.online": { one: "{count} online", other: "{count} online" },
  "registry.just_started": "gerade gestartet",
  "registry.up_for": "seit {time} aktiv",
  "registry.listening": "Verzeichnis lauscht auf {where}",

  // ---- host: the host's console and session (shown on the host's machine) ------
  "host.help_kick":
    "ein Mitglied sofort hinauswerfen (es darf wiederkommen; seine Sitzung fortzusetzen wird abgelehnt)",
  "host.help_ban":
    "einen Nick, eine Adresse oder einen Bereich sperren (10m, 2h, 7d; ohne: bis /unban)",
  "host.help_unban": "eine Sperre aufheben",
  "host.help_bans": "die Sperren auflisten, mit der Zeit, die jede noch hat",
  "host.help_mute": "ein Mitglied stummschalten (es liest weiter mit); 10m, 2h... oder bis /unmute",
  "host.help_unmute": "ein stummgeschaltetes Mitglied wieder sprechen lassen",
  "host.help_announce": "allen etwas als Server sagen",
  "host.help_motd": "den Begrüßungstext zeigen; mit TEXT setzen; mit - löschen",
  "host.help_who": "die Mitglieder auflisten, mit Adressen und wie lange sie schon da sind",
  "host.help_limit": "die Höchstzahl an Mitgliedern zeigen; mit N setzen; mit off ohne Grenze",
  "host.help_lock": "neue Mitglieder abweisen (wer da ist, und dessen Fortsetzungen, bleiben)",
  "host.help_unlock": "neue Mitglieder wieder hereinlassen",
  "host.help_help": "diese Befehle zeigen",
  "host.help_quit": "allen Bescheid geben und den Server herunterfahren",
  "host.commands_start_with_slash": "Befehle beginnen mit / — tippe /help",
  "host.unknown_command": "unbekannter Befehl /{name} — tippe /help",
  "host.usage": "Aufruf: {command}",
  "host.no_such_nick": "hier heißt niemand {target} — tippe /who",
  "host.bad_target":
    "{target} ist weder ein Nick noch eine Adresse noch ein CIDR-Bereich (wie 192.168.1.0/24)",
  "host.bad_duration": "{target} ist keine Dauer — nimm 10m, 2h oder 7d",
  "host.bad_number": "{target} ist keine Mitgliederzahl — gib N ab 1 an, oder off",
  "host.no_such_ban": "{target} ist nicht gesperrt — tippe /bans",
  "host.not_muted": "{target} ist nicht stummgeschaltet",
  "host.too_many_bans": "zu viele Sperren — hebe erst einige mit /unban auf",
  "host.shutting_down": "der Server fährt herunter",
  "host.refused": "/{cmd} abgelehnt: {code}",
  "host.kicked": "{target} hinausgeworfen",
  "host.kicked_reason": "{target} hinausgeworfen ({reason})",
  "host.banned": "{target} gesperrt bis /unban",
  "host.banned_for": "{target} gesperrt für {time}",
  "host.reason": "({reason})",
  "host.removed": { one: "{count} Mitglied entfernt", other: "{count} Mitglieder entfernt" },
  "host.unbanned": "Sperre für {target} aufgehoben",
  "host.muted": "{target} stummgeschaltet bis /unmute",
  "host.muted_for": "{target} stummgeschaltet für {time}",
  "host.unmuted": "{target} darf wieder sprechen",
  "host.announced": "allen verkündet",
  "host.no_motd": "kein Begrüßungstext — setze einen mit /motd TEXT",
  "host.motd_unreadable": "der Begrüßungstext lässt sich nicht lesen",
  "host.motd": "Begrüßungstext: {text}",
  "host.motd_set": "Begrüßungstext gesetzt: Mitglieder sehen ihn beim Beitreten",
  "host.motd_cleared": "Begrüßungstext gelöscht",
  "host.no_limit": "keine Mitgliedergrenze",
  "host.limit": { one: "höchstens {count} Mitglied", other: "höchstens {count} Mitglieder" },
  "host.locked": "abgeschlossen: niemand Neues kommt hinein (wer hier ist, kann zurückkommen)",
  "host.unlocked": "aufgeschlossen: neue Mitglieder können beitreten",
  "host.nobody_here": "noch ist niemand da",
  "host.members": { one: "{count} Mitglied:", other: "{count} Mitglieder:" },
  "host.no_bans": "keine Sperren",
  "host.bans": { one: "{count} Sperre:", other: "{count} Sperren:" },
  "host.until_unban": "bis /unban",
  "host.time_left": "noch {time}",

  "host.certs_need_three":
    "externe Zertifikate brauchen alle drei: --cert FILE --cert-key FILE --ca FILE",
  "host.bad_rate":
    "--rate {rate}: schreib es als STOSS/PRO_SEKUNDE, z. B. 30/5 (30 auf einmal, dann 5 pro Sekunde)",
  "host.console_ready": "Gastgeber-Konsole: tippe /help für die Befehle",
  "host.shutting_down_telling": "fahre herunter: sage den Mitgliedern Bescheid",
  "host.host_key_problem": "Gastgeber-Schlüssel: {problem}",
  "host.up_with_registry":
    'stealth läuft: Chat-Server "{name}" auf Port {port}, Verzeichnis auf Port {registryPort}',
  "host.up_alone": 'stealth läuft: Chat-Server "{name}" lauscht auf {where}',
  "host.made_key": "neuer Kreis-Schlüssel erzeugt: {path}",
  "host.hand_key_over":
    "kopiere ihn auf einen USB-Stick und übergib ihn jedem Mitglied persönlich; sie legen ihn in ihren stealth-Ordner",
  "host.circle_key": "Kreis-Schlüssel: {path}",
  "host.fingerprint":
    "Fingerabdruck: {fingerprint} (die Mitglieder prüfen laut, ob ihrer gleich ist)",
  "host.join_with": "Mitglieder treten bei mit: {command}",

  "host.bans_not_file": "--bans {path} ist keine Datei",
  "host.bans_too_large": "--bans {path} ist zu groß für eine Sperrdatei",
  "host.bans_no_folder":
    "Sperren können nicht in {path} gespeichert werden: den Ordner {folder} gibt es nicht",
  "host.bans_unreadable": "--bans {path} kann nicht gelesen werden: {reason}",
  "host.bans_not_json": "--bans {path} ist keine Sperrdatei (kein JSON)",
  "host.bans_not_bans":
    "--bans {path} ist keine Sperrdatei — schaff sie beiseite oder repariere sie",
  "host.bans_unwritable": "--bans {path} kann nicht geschrieben werden: {reason}",

  // ---- chat: what a member reads (line mode, and the pane of the terminal UI) ----
  "chat.unreadable":
    "eine Nachricht ließ sich nicht lesen (sie war nicht mit deinem Schlüssel versiegelt)",
  "chat.you": "du",
  "chat.server_name": "Server",
  "chat.joined": "{nick} ist beigetreten",
  "chat.you_joined": "du bist beigetreten",
  "chat.kicked": "{nick} wurde vom Gastgeber hinausgeworfen",
  "chat.kicked_reason": "{nick} wurde vom Gastgeber hinausgeworfen: {reason}",
  "chat.banned": "{nick} wurde vom Gastgeber gesperrt",
  "chat.banned_reason": "{nick} wurde vom Gastgeber gesperrt: {reason}",
  "chat.left": "{nick} ist gegangen ({reason})",
  "chat.reason_quit": "verlassen",
  "chat.reason_timeout": "Zeitüberschreitung",
  "chat.reason_flood": "Flut",
  "chat.reason_replaced": "ersetzt",
  "chat.unmuted": "{nick} darf wieder sprechen",
  "chat.you_unmuted": "du darfst wieder sprechen",
  "chat.muted_until_lifted": "{nick} wurde vom Gastgeber stummgeschaltet, bis er es aufhebt",
  "chat.you_muted_until_lifted":
    "du wurdest vom Gastgeber stummgeschaltet, bis er es aufhebt — du kannst weiter lesen",
  "chat.muted_for": "{nick} wurde vom Gastgeber für {time} stummgeschaltet",
  "chat.you_muted_for":
    "du wurdest vom Gastgeber für {time} stummgeschaltet — du kannst weiter lesen",
  "chat.room_locked": "abgeschlossen (niemand Neues kommt hinein)",
  "chat.room_open": "offen für neue Mitglieder",
  "chat.no_limit": "keine Mitgliedergrenze",
  "chat.limit": { one: "höchstens {count} Mitglied", other: "höchstens {count} Mitglieder" },
  "chat.room_changed": "der Gastgeber hat den Raum geändert: {door}, {limit}",
  "chat.you_away": "du bist abwesend",
  "chat.you_back": "du bist zurück",
  "chat.away": "{nick} ist abwesend",
  "chat.back": "{nick} ist zurück",
  "chat.you_renamed": "du heißt jetzt {nick}",
  "chat.renamed": "{old} heißt jetzt {nick}",
  "chat.mark_away": "abwesend",
  "chat.mark_host": "Gastgeber",
  "chat.mark_muted": "stumm",
  "chat.members_here": { one: "{count} hier: {names}", other: "{count} hier: {names}" },

  "chat.usage": "Aufruf: {command}",
  "chat.op_not_host": "/{cmd} ist für den Gastgeber — tritt mit --host-key host.key bei",
  "chat.op_unknown": "dieser Server kennt /{cmd} nicht",
  "chat.op_ban_self":
    "{target} zu sperren würde auch dich aussperren (es passt auf deinen Nick oder deine Adresse) — sperre etwas Engeres",
  "chat.op_self": "du kannst nicht /{cmd} auf dich selbst anwenden",
  "chat.op_no_such_nick": "hier heißt niemand {target}",
  "chat.op_no_such_ban": "{target} ist nicht gesperrt — siehe /bans",
  "chat.op_refused": "/{cmd} wurde abgelehnt ({code})",
  "chat.op_kicked": "du hast {target} hinausgeworfen",
  "chat.op_kicked_reason": "du hast {target} hinausgeworfen ({reason})",
  "chat.op_banned": "du hast {target} gesperrt, bis du es aufhebst",
  "chat.op_banned_for": "du hast {target} für {time} gesperrt",
  "chat.op_removed": { one: "{count} Mitglied entfernt", other: "{count} Mitglieder entfernt" },
  "chat.op_unbanned": "du hast die Sperre für {target} aufgehoben",
  "chat.op_until_lifted": "bis zur Aufhebung",
  "chat.op_bans": { one: "{count} Sperre: {list}", other: "{count} Sperren: {list}" },
  "chat.op_muted": "du hast {target} stummgeschaltet, bis du es aufhebst",
  "chat.op_muted_for": "du hast {target} für {time} stummgeschaltet",

  "chat.help_me": "sag, was du tust: /me winkt → * du winkt",
  "chat.help_msg": "eine private Nachricht, die nur NICK sieht",
  "chat.help_nick": "deinen Nick ändern",
  "chat.help_who": "wer ist da",
  "chat.help_away": "dich als abwesend (oder zurück) zeigen; ohne Wort umschalten",
  "chat.help_clear": "den Nachrichtenbereich leeren",
  "chat.help_bell": "ein Piepton, wenn jemand deinen Nick nennt; ohne Wort umschalten",
  "chat.help_debug": "ein Debug-Protokoll in die Logdatei schreiben, oder aufhören",
  "chat.help_reconnect": "den Server noch einmal versuchen, nachdem die Verbindung weg war",
  "chat.help_help": "diese Liste",
  "chat.help_quit": "gehen (nachdem gesendet ist, was du getippt hast)",
  "chat.help_kick": "NICK sofort aus dem Chat werfen und allen sagen, warum",
  "chat.help_ban":
    "einen Nick, eine Adresse oder einen Bereich aussperren (10m, 2h, 7d; ohne: bis /unban)",
  "chat.help_unban": "eine Sperre aufheben",
  "chat.help_bans": "die Sperren auflisten und wie lange jede noch gilt",
  "chat.help_mute": "NICK stummschalten (liest weiter mit); für 10m, 2h... oder bis /unmute",
  "chat.help_unmute": "NICK wieder sprechen lassen",
  "chat.help_announce": "allen etwas als Server sagen",
  "chat.help_motd": "den Begrüßungstext zeigen; mit TEXT setzen; mit - löschen",
  "chat.help_limit": "die Höchstzahl an Mitgliedern zeigen; mit N setzen; mit off ohne Grenze",
  "chat.help_lock": "niemand Neues hereinlassen (wer hier ist, kann zurückkommen)",
  "chat.help_unlock": "neue Mitglieder wieder hereinlassen",
  "chat.help_host_heading": "Gastgeber-Befehle:",
  "chat.help_slashes": "eine Zeile, die mit // beginnt, wird so gesagt, mit einem / weniger",
  "chat.on_off": '{command} nimmt "on" oder "off", nicht "{word}"',
  "chat.bell_on": "Glocke an: ein Piepton, wenn jemand deinen Nick nennt",
  "chat.bell_off": "Glocke aus",
  "chat.unknown_command": "unbekannter Befehl /{name} — versuche /help",
  "chat.ui_only": "/{name} geht nur im Vollbild-Client, nicht im Zeilenmodus",

  "chat.cannot_use_nick":
    "Nick \"{nick}\" geht nicht: ein Nick hat 1–24 Buchstaben, Ziffern, '_', '-' oder '.'",
  "chat.connect_closed": "Verbinden nicht möglich: die Verbindung wurde geschlossen",
  "chat.send_closing": "Senden nicht möglich: der Chat wird geschlossen",
  "chat.send_too_long":
    "Senden nicht möglich: die Nachricht hat {count} Zeichen, höchstens {max} passen",
  "chat.send_not_nick": 'Senden nicht möglich: "{nick}" ist kein Nick',
  "chat.nick_not_nick":
    "Nick ändern nicht möglich: \"{nick}\" ist kein Nick (1–24 Buchstaben, Ziffern, '_', '-' oder '.')",
  "chat.op_too_many_words": "/{cmd} nicht möglich: zu viele Wörter",
  "chat.op_word_too_long": "/{cmd} nicht möglich: höchstens {max} Zeichen pro Wort",
  "chat.op_text_too_long":
    "/{cmd} nicht möglich: der Text hat {count} Zeichen, höchstens {max} passen",
  "chat.action_away": "Abwesenheit ändern",
  "chat.action_nick": "Nick ändern",
  "chat.action_who": "Mitglieder auflisten",
  "chat.action_op": "/{cmd} ausführen",
  "chat.cannot_closing": "{action} nicht möglich: der Chat wird geschlossen",
  "chat.cannot_offline": "{action} nicht möglich: keine Verbindung zum Server",
  "chat.resumed": "fortgesetzt, nichts verpasst",
  "chat.resumed_missed": {
    one: "fortgesetzt — {count} früheres Ereignis ließ sich nicht mehr nachholen",
    other: "fortgesetzt — {count} frühere Ereignisse ließen sich nicht mehr nachholen",
  },
  "chat.connected": "mit {server} verbunden als {nick}",
  "chat.new_session": "neue Sitzung — Nachrichten von vorher fehlen vielleicht",
  "chat.host_granted": "Gastgeber-Rechte erteilt",
  "chat.host_refused":
    "host.key passt nicht zu diesem Server — du bist als normales Mitglied beigetreten",
  "chat.connection_lost": "Verbindung verloren ({reason})",
  "chat.lost_remote": "der Server hat die Verbindung geschlossen",
  "chat.lost_error": "Netzfehler",
  "chat.lost_silent": "der Server antwortet nicht mehr",
  "chat.lost_slow": "das Netz stockt",
  "chat.lost_protocol": "der Server hat Unlesbares geschickt",
  "chat.reconnecting": "verbinde neu (Versuch {attempt} von {attempts})",
  "chat.offline": "offline: {reason}",
  "chat.offline_queued": {
    one: "offline: {reason} ({count} Nachricht noch nicht gesendet)",
    other: "offline: {reason} ({count} Nachrichten noch nicht gesendet)",
  },
  "chat.keep_trying": "stealth versucht es von selbst weiter; /reconnect versucht es sofort",
  "chat.left_chat": "Chat verlassen",
  "chat.not_here_undelivered": "{nick} ist nicht hier — deine Nachricht wurde nicht zugestellt",
  "chat.muted_unsent": "{muted} — deine Nachricht wurde nicht gesendet",
  "chat.message_refused": "der Server hat deine Nachricht abgelehnt ({reason})",
  "chat.slow_down": "langsamer — versuche es in {wait} noch einmal",
  "chat.ended_replaced": "eine andere Verbindung hat diese Sitzung übernommen",
  "chat.ended_flood": "der Server hat dich getrennt, weil du zu schnell gesendet hast",
  "chat.ended_kicked": "der Gastgeber hat dich hinausgeworfen",
  "chat.ended_kicked_reason": "der Gastgeber hat dich hinausgeworfen: {reason}",
  "chat.ended_banned": "der Gastgeber hat dich gesperrt — bis er es aufhebt",
  "chat.ended_banned_reason": "der Gastgeber hat dich gesperrt: {reason} — bis er es aufhebt",
  "chat.ended_banned_for": "der Gastgeber hat dich gesperrt — für {wait}",
  "chat.ended_banned_for_reason": "der Gastgeber hat dich gesperrt: {reason} — für {wait}",
  "chat.ended": "der Server hat die Sitzung beendet ({code})",
  "chat.ended_detail": "der Server hat die Sitzung beendet ({code}) — {detail}",
  "chat.you_are_muted": "der Gastgeber hat dich stummgeschaltet (du kannst weiter lesen)",
  "chat.you_are_muted_for":
    "der Gastgeber hat dich für noch {wait} stummgeschaltet (du kannst weiter lesen)",
  "chat.refused_no_such_nick": "niemand hier hat diesen Nick",
  "chat.refused_nick_taken": "dieser Nick ist vergeben",
  "chat.refused_rate": "langsamer: zu viele Nachrichten auf einmal",

  "chat.at": "{where}: {text}",
  "chat.unsent": {
    one: "{count} Nachricht wurde nicht gesendet",
    other: "{count} Nachrichten wurden nicht gesendet",
  },
  "chat.line_too_long": "Senden nicht möglich: eine Zeile hat mehr als {max} Zeichen",

  // ---- p2p: direct chat between two -------------------------------------------------
  "p2p.not_listening":
    "{where} nicht erreichbar — lauscht die andere Seite? (sie beginnt mit: stealth p2p --listen)",
  "p2p.ended": "{nick} hat den Direkt-Chat beendet",
  "p2p.direct_with": "direkt mit {nick}",
  "p2p.waiting": "warte auf ein Gegenüber",
  "p2p.listening": "lausche auf ein Gegenüber auf Port {port}",
  "p2p.address": "Adresse: {address}",
  "p2p.no_address": "keine Netzadresse gefunden — nur dieser Rechner kann Port {port} anwählen",
  "p2p.fingerprint":
    "Fingerabdruck: {fingerprint} — lies ihn laut vor: der deines Gegenübers muss gleich sein",
  "p2p.peer_runs": "dein Gegenüber führt aus: {command}",
  "p2p.name_the_peer":
    "nenne das Gegenüber, das angewählt wird: stealth p2p HOST[:PORT], oder warte auf eins: stealth p2p --listen",
  "p2p.bad_listen_port": "--listen {port}: gib einen Port von 0 bis 65535 an, z. B. --listen 5557",
  "p2p.port_in_use":
    "Port {port} ist schon belegt — läuft schon ein stealth? wähle einen anderen: stealth p2p --listen PORT",

  // ---- ui: the terminal client (keep labels short: the status bar is one row of 80) ----
  "ui.leaving": "gehe…",
  "ui.connecting": "verbinde…",
  "ui.connected": "verbunden",
  "ui.reconnecting": "verbinde neu",
  "ui.reconnecting_attempt": "verbinde neu, Versuch {attempt} von {attempts}",
  "ui.reconnecting_short": "verbinde neu {attempt}/{attempts}",
  "ui.offline": "offline — /reconnect",
  "ui.offline_retrying": "offline — gleich neuer Versuch",
  "ui.left": "gegangen",
  "ui.online": { one: "{count} online", other: "{count} online" },
  "ui.online_away": { one: "{count} online ({away} weg)", other: "{count} online ({away} weg)" },
  "ui.mark_host": "(Gastgeber)",
  "ui.mark_away": "(weg)",
  "ui.pending": { one: "{count} offen", other: "{count} offen" },
  "ui.bell_off": "Glocke aus",
  "ui.direct": "direkt",

  "ui.hint_fingerprints":
    "Vergleicht die Fingerabdrücke mit `stealth fingerprint` auf beiden Rechnern.",
  "ui.hint_registry":
    "Starte eins auf dem Gastgeber-Rechner mit `stealth up`, frag ein anderes mit `--registry HOST`, oder geh direkt zu einem Server: `stealth chat HOST[:PORT]`.",
  "ui.registry_refused":
    "Das Verzeichnis unter {where} ist nicht erreichbar — läuft es? (Verbindung abgelehnt)",
  "ui.nick_taken": "Dieser Nick ist auf diesem Server vergeben — wähle einen anderen.",
  "ui.nick_refused": "Der Server nimmt diesen Nick nicht an — wähle einen anderen.",
  "ui.peer_refused": "{where} nicht erreichbar — lauscht die andere Seite? (Verbindung abgelehnt)",
  "ui.hint_peer":
    "Sie beginnt mit `stealth p2p --listen`; prüfe Adresse und Port, die sie vorgelesen hat.",
  "ui.server_refused": "{where} nicht erreichbar — läuft der Server? (Verbindung abgelehnt)",
  "ui.hint_server":
    "Prüfe die Adresse, oder starte den Server mit `stealth up` auf dem Gastgeber-Rechner.",

  "ui.sending": "wird gesendet",
  "ui.not_sent": "nicht gesendet",
  "ui.private": "privat",
  "ui.connecting_to": "verbinde mit {server} als {nick}…",
  "ui.debug_not_here": "das Debug-Protokoll lässt sich hier nicht umschalten",
  "ui.debug_failed": "Debug-Protokoll lässt sich nicht umschalten: {reason}",
  "ui.reconnect_not_offline": "/reconnect: der Chat ist nicht offline",
  "ui.key_retry": "r nochmal",
  "ui.key_nick": "n Nick ändern",
  "ui.key_back": "b zurück zur Liste",
  "ui.key_quit": "q beenden",
  "ui.left_server_bye": "{server} verlassen — tschüss",
  "ui.left_server": "{server} verlassen",
  "ui.left_chat_bye": "Chat verlassen — tschüss",
  "ui.left_chat": "Chat verlassen",
  "ui.left_direct_bye": "Direkt-Chat verlassen — tschüss",
  "ui.left_direct": "Direkt-Chat verlassen",
  "ui.needs_terminal":
    "der Chat-Bildschirm braucht ein Terminal — für Skripte nimm `stealth chat HOST --plain`",
  "ui.debug_on": "Debug-Protokoll an — schreibe nach {file}",
  "ui.debug_off": "Debug-Protokoll aus",
  "ui.log_file_failed": "Logdatei {file} lässt sich nicht öffnen: {reason}",
  "ui.users_online": { one: "{count} online", other: "{count} online" },
  "ui.browser_title": "stealth — Server unter {registry}",
  "ui.asking": "frage {registry}…",
  "ui.no_servers": "Unter {registry} sind keine Server angemeldet.",
  "ui.no_servers_hint":
    "Starte einen auf dem Gastgeber-Rechner mit `stealth up` (oder `stealth server --registry HOST`) und drück dann r. Ein anderes Verzeichnis: `stealth chat --registry HOST`. Ein Server, den du kennst: `stealth chat HOST[:PORT]`.",
  "ui.column_name": "NAME",
  "ui.column_address": "ADRESSE",
  "ui.column_users": "NUTZER",
  "ui.column_up": "AKTIV",
  "ui.keys_choose": "↑↓ wählen · Enter verbinden",
  "ui.keys_refresh": "r neu laden · q beenden",
  "ui.nick_empty": "Ein Nick darf nicht leer sein.",
  "ui.nick_invalid": "\"{nick}\" kann kein Nick sein: 1–24 Buchstaben, Ziffern, '_', '-' oder '.'.",
  "ui.joining": "stealth — trete {server} bei",
  "ui.your_nick": "Dein Nick:",
  "ui.keys_join": "Enter beitreten · Strg+C beenden",
  "ui.placeholder": "Nachricht tippen · /help für Befehle",
  "ui.scrolled_up": "hochgescrollt",
  "ui.new_messages": { one: "{count} neue Nachricht", other: "{count} neue Nachrichten" },
  "ui.end_to_jump": "Ende springt zurück",
  "ui.more_warnings": { one: "({count} weitere Warnung)", other: "({count} weitere Warnungen)" },

  // ---- file: sharing files (/send, /accept, stealth send, --file-rate) -------------
  "file.opt_downloads": "Wohin empfangene Dateien kommen (Standard: downloads/ im Home-Ordner).",
  "file.opt_auto_accept":
    "Jede angebotene Datei annehmen, die die Prüfungen besteht (für Skripte).",
  "file.opt_max_file_size": "Größte Datei, die du annimmst, in MiB (Standard 100).",
  "file.opt_file_rate":
    "Datei-Bytes, die ein Mitglied pro Sekunde senden darf, in MiB (Standard 16).",
  "file.opt_server_max_file_size":
    "Größte Datei, die der Server weiterleitet, in MiB (Standard 100).",
  "file.send_brief": "Eine Datei an den Kreis senden, aus einem Skript.",
  "file.send_description":
    "Tritt dem Server bei, bietet die Datei an (mit --nick nur NICK), wartet auf die Antworten, sendet sie an jedes Mitglied, das annimmt, und geht. Endet mit 0, sobald alle, die angenommen haben, sie haben, SHA-256 geprüft.",
  "file.send_to": "Der Chat-Server, über den gesendet wird (Standardport 5555).",
  "file.send_nick": "Nur diesem Mitglied anbieten (Standard: allen).",
  "file.send_as": "Dein eigener Nick (Standard: dein üblicher Nick mit -send).",
  "file.send_timeout": "Sekunden, die auf Antworten gewartet wird (Standard 120).",
  "file.send_path": "Die zu sendende Datei.",
  "file.bad_rate": "--file-rate {value}: gib MiB pro Sekunde an, z. B. 16 oder 0.5",
  "file.bad_max_size": "--max-file-size {value}: gib MiB an, z. B. 100",
  "file.help_send":
    'allen eine Datei anbieten, oder nur NICK (einen Pfad mit Leerzeichen in "Anführungszeichen")',
  "file.help_accept": "eine dir angebotene Datei annehmen (ihre Nummer steht im Angebot)",
  "file.help_reject": "eine dir angebotene Datei ablehnen",
  "file.help_cancel": "eine ankommende oder abgehende Datei stoppen",
  "file.help_files": "die ankommenden und abgehenden Dateien auflisten",
  "file.not_here": "dieser Chat kann keine Dateien teilen",
  "file.everyone": "alle",
  "file.offer": "{nick} bietet {name} an ({size}) — /accept {ref} oder /reject {ref}",
  "file.offer_private": "{nick} bietet dir {name} an ({size}) — /accept {ref} oder /reject {ref}",
  "file.offered_all": "du bietest allen {name} an ({size}) [{ref}]",
  "file.offered_to": "du bietest {nick} {name} an ({size}) [{ref}]",
  "file.accepted_in": "empfange {name} ({size}) von {nick} [{ref}]",
  "file.accepted_out": "{nick} hat {name} angenommen: wird gesendet [{ref}]",
  "file.rejected_in": "du hast {name} von {nick} abgelehnt",
  "file.rejected_out": "{nick} hat {name} abgelehnt",
  "file.progress_in": "{name} von {nick}: {percent} % — {done} von {size}, {rate}/s, noch {left}",
  "file.progress_out": "{name} an {nick}: {percent} % — {done} von {size}, {rate}/s, noch {left}",
  "file.received": "{name} ({size}) von {nick} empfangen, SHA-256 geprüft: {path}",
  "file.delivered": "{nick} hat {name} ({size}), SHA-256 geprüft",
  "file.cancelled_by_you": "du hast {name} gestoppt [{ref}]",
  "file.cancelled_in": "{nick} hat das Senden von {name} gestoppt — nichts wurde behalten",
  "file.cancelled_out": "{nick} hat das Empfangen von {name} gestoppt",
  "file.failed_in": "{name} von {nick} ist gescheitert: {reason} — nichts wurde behalten",
  "file.failed_in_disk":
    "{name} von {nick} ist gescheitert: lässt sich nicht schreiben: {problem} — nichts wurde behalten; schaffe Platz (oder wähle mit --downloads einen anderen Ordner) und bitte {nick}, es noch einmal zu schicken",
  "file.failed_out": "{name} an {nick} ist gescheitert: {reason}",
  "file.refused": "{name} von {nick} abgelehnt: {reason} — nichts wurde geschrieben",
  "file.why_name": "ihr Name ist ein Pfad oder enthält Steuerzeichen",
  "file.why_size": "{size} ist mehr als die {max}, die du annimmst",
  "file.why_chunk_size": "ihre Stückgröße ist keine, die stealth verwendet",
  "file.why_chunks": "ihre Stückzahl passt nicht zu ihrer Größe",
  "file.why_hash": "ihr SHA-256 ist kein SHA-256",
  "file.why_range": "ein Stück hinter dem Ende der Datei",
  "file.why_length": "ein Stück mit falscher Länge (die angebotene Größe war falsch)",
  "file.why_mismatch": "ihr SHA-256 stimmt nicht: es ist nicht die angebotene Datei",
  "file.why_unreadable": "ein Stück, das nicht mit dem Schlüssel deines Kreises versiegelt ist",
  "file.why_left": "{nick} ist gegangen",
  "file.why_not_here": "hier heißt niemand {nick}",
  "file.why_disk": "lässt sich nicht schreiben: {problem}",
  "file.why_their_disk": "die andere Seite konnte sie nicht lesen oder schreiben",
  "file.why_gone": "der Absender bietet sie nicht mehr an",
  "file.why_server_size": "sie ist größer, als der Server weiterleitet",
  "file.problem_not_found": "keine solche Datei und kein solcher Ordner",
  "file.problem_permission": "keine Berechtigung",
  "file.problem_full": "der Datenträger ist voll",
  "file.cannot_read": "{path} lässt sich nicht senden: {problem}",
  "file.not_a_file": "{path} lässt sich nicht senden: keine Datei",
  "file.too_big_to_send": "{path} lässt sich nicht senden: {size} ist mehr als {max}",
  "file.too_many": {
    one: "du sendest schon {count} Datei: warte auf sie oder stoppe sie mit /cancel",
    other: "du sendest schon {count} Dateien: warte auf eine oder stoppe eine mit /cancel",
  },
  "file.cannot_write": "in {folder} lässt sich nichts empfangen: {problem}",
  "file.no_downloads": "hier gibt es keinen Download-Ordner: starte mit --downloads DIR",
  "file.no_such_transfer": "keine Dateiübertragung {ref} — /files listet sie auf",
  "file.not_offered": "{ref} ist kein Angebot, das auf deine Antwort wartet",
  "file.over": "{ref} ist schon vorbei",
  "file.none": "keine Dateien unterwegs — /send PFAD [NICK] bietet eine an",
  "file.list_in": "[{ref}] ↓ {name} ({size}) von {nick}: {state}, {done}",
  "file.list_out": "[{ref}] ↑ {name} ({size}) an {nick}: {state}, {done}",
  "file.state_offered": "angeboten",
  "file.state_moving": "läuft",
  "file.state_checking": "wird geprüft",
  "file.state_done": "fertig",
  "file.state_rejected": "abgelehnt",
  "file.state_cancelled": "gestoppt",
  "file.state_failed": "gescheitert",
  "file.bar_left": "noch {left}",
  "file.bars_more": { one: "+{count} weitere Datei", other: "+{count} weitere Dateien" },
  "file.send_nobody": "niemand hat {name} innerhalb von {wait} angenommen",
  "file.send_done": "{name} an {nicks} zugestellt, SHA-256 geprüft",

  // ---- doctor: findings and fixes ---------------------------------------------------
  "doctor.clock": "Uhr",
  "doctor.clock_of": "Uhr ({subject})",
  "doctor.server_named": 'Server "{name}"',
  "doctor.fix_time": "stelle das Datum und halte es aktuell: sudo timedatectl set-ntp true",
  "doctor.fix_time_both":
    "stelle das Datum und halte es aktuell: sudo timedatectl set-ntp true — auf beiden Rechnern",
  "doctor.clock_impossible": "dieser Rechner sagt {now}, das kann nicht stimmen",
  "doctor.clock_certificate":
    "sein Zertifikat ist nach dieser Uhr nicht gültig ({now}): eine der beiden Uhren geht eine Stunde oder mehr falsch ({reason})",
  "doctor.clock_started_ahead":
    "er sagt, er sei in {minutes} Min. gestartet: seine Uhr geht dieser voraus",
  "doctor.clock_ahead":
    "seine Uhr geht dieser {seconds} s vor: Nachrichtenzeiten sehen falsch aus, und ab einer Stunde scheitert TLS",
  "doctor.clock_behind":
    "seine Uhr geht gegenüber dieser {seconds} s nach: Nachrichtenzeiten sehen falsch aus, und ab einer Stunde scheitert TLS",
  "doctor.clock_within": "dieser Rechner sagt {now}, höchstens {seconds} s neben {peers}",
  "doctor.clock_none_ahead":
    "dieser Rechner sagt {now}; die Uhr keines angemeldeten Servers geht vor (Nachgehen wird nicht geprüft: Protokoll v1 schickt die Serverzeit nicht vor dem Beitritt)",
  "doctor.clock_not_compared":
    "dieser Rechner sagt {now}; nicht mit einem Server verglichen (gib --registry oder --server an, um zu vergleichen)",
  "doctor.subject_key": "Schlüssel {path}",
  "doctor.subject_ca": "CA-Datei {path}",
  "doctor.ca_ok": "ein gültiges CA-Zertifikat: Chat-Server werden damit geprüft",
  "doctor.subject_host_key": "Gastgeber-Schlüssel {path}",
  "doctor.subject_port": "Port {port}",
  "doctor.subject_registry": "Verzeichnis {where}",
  "doctor.subject_server": "Server {where}",
  "doctor.subject_listed": 'Server "{name}" {where}',
  "doctor.circle_key": "ein Kreis-Schlüssel, Fingerabdruck {fingerprint}",
  "doctor.host_key": "ein Gastgeber-Schlüssel, Fingerabdruck {fingerprint}",
  "doctor.key_readable": "andere Benutzer dieses Rechners können ihn lesen",
  "doctor.fix_chmod": "führe aus: chmod 600 {path}",
  "doctor.key_private": "nur du kannst ihn lesen (Modus 0600)",
  "doctor.no_host_key": "keiner hier: nur der Gastgeber braucht einen",
  "doctor.fix_find_port": "finde es mit: sudo ss -ltnp 'sport = :{port}'",
  "doctor.port_free": "frei: ein stealth-Verzeichnis oder -Server kann darauf lauschen",
  "doctor.port_privileged": "Ports unter 1024 brauchen Rechte",
  "doctor.fix_port_above": "wähle einen Port über 1024",
  "doctor.port_in_use_unknown": "belegt, und ohne Schlüssel kann doctor nicht sagen, wodurch",
  "doctor.port_other_program": "von einem anderen Programm belegt",
  "doctor.fix_stop_or_move": "{find} — beende es, oder wähle einen anderen Port mit --port",
  "doctor.port_foreign": "von einem stealth eines anderen Kreises belegt (ein anderer secret.key)",
  "doctor.fix_stop_or_port": "beende es, oder wähle einen anderen Port mit --port",
  "doctor.port_our_registry": "ein stealth-Verzeichnis deines Kreises lauscht",
  "doctor.port_our_server": "ein stealth-Chat-Server deines Kreises lauscht",
  "doctor.no_lan": "dieser Rechner hat keine LAN-Adresse: nur er selbst erreicht den Port",
  "doctor.lan_reachable": "erreichbar unter der LAN-Adresse {where}",
  "doctor.lan_not_registry":
    "das Verzeichnis antwortet auf diesem Rechner, aber nicht unter seiner LAN-Adresse {where}",
  "doctor.lan_not_server":
    "der Chat-Server antwortet auf diesem Rechner, aber nicht unter seiner LAN-Adresse {where}",
  "doctor.fix_listen_all":
    "er lauscht nur auf einer Adresse: starte ihn mit --host 0.0.0.0 (der Standard)",
  "doctor.fix_firewall":
    "vielleicht blockiert eine Firewall: erlaube TCP {port} (z. B. sudo ufw allow {port}/tcp)",
  "doctor.dns_found": "{host} ist {addresses}",
  "doctor.dns_missing": "{host} nicht gefunden",
  "doctor.fix_dns":
    "prüfe den Namen, oder nimm die IP-Adresse des Gastgeber-Rechners (`stealth up` zeigt sie)",
  "doctor.port_open": "Port {port} ist offen",
  "doctor.tls_ok_external": "TLS 1.3 mit einem Zertifikat der CA aus --ca",
  "doctor.tls_ok": "TLS 1.3 mit einem Zertifikat von der CA deines Kreises",
  "doctor.registry_proved":
    "das Verzeichnis hat bewiesen, dass es den Schlüssel deines Kreises hat",
  "doctor.no_servers": "kein Chat-Server ist angemeldet",
  "doctor.servers": { one: "{count} Chat-Server: {names}", other: "{count} Chat-Server: {names}" },
  "doctor.server_proved": "der Chat-Server hat bewiesen, dass er den Schlüssel deines Kreises hat",
  "doctor.server_accepted": "der Chat-Server hat den Nachweis deines Schlüssels angenommen",
  "doctor.nothing_listens": "auf Port {port} lauscht nichts",
  "doctor.fix_run_registry": "läuft dort `stealth up` (oder `stealth registry`)?",
  "doctor.fix_run_server": "läuft dort `stealth up` (oder `stealth server`)?",
  "doctor.no_answer": "keine Antwort auf Port {port}",
  "doctor.fix_remote_firewall":
    "prüfe die Adresse; vielleicht verwirft eine Firewall auf dem Rechner es (dort: sudo ufw allow {port}/tcp)",
  "doctor.fix_network": "prüfe die Adresse, und ob du in seinem Netz bist",
  "doctor.tls_foreign":
    "sein Zertifikat ist nicht von deinem Kreis: ein stealth eines anderen Kreises, oder ein anderes Programm",
  "doctor.fix_compare_or_ca":
    "vergleiche `stealth fingerprint` mit dem des Gastgebers; nutzt der Gastgeber ein eigenes Zertifikat (stealth server --cert), gib seine CA mit --ca an",
  "doctor.fix_compare_fingerprints":
    "vergleiche `stealth fingerprint` mit dem des Gastgebers; wenn sie abweichen, hol dir den secret.key des Gastgebers",
  "doctor.tls_dates": "sein Zertifikat ist nach der Uhr dieses Rechners nicht gültig",
  "doctor.fix_dates": "prüfe das Datum auf beiden Rechnern (siehe die Uhr-Zeile)",
  "doctor.fix_is_registry": "ist Port {port} ein stealth-Verzeichnis?",
  "doctor.fix_is_server": "ist Port {port} ein stealth-Chat-Server?",
  "doctor.registry_foreign": "dieses Verzeichnis gehört nicht zu deinem Kreis",
  "doctor.server_foreign": "dieser Chat-Server gehört nicht zu deinem Kreis",
  "doctor.fix_key_differs":
    "dein secret.key weicht von dem des Gastgebers ab: vergleicht `stealth fingerprint` auf beiden",
  "doctor.found_server": "auf diesem Port ist ein stealth-Chat-Server, kein Verzeichnis",
  "doctor.found_registry":
    "auf diesem Port ist ein stealth-Verzeichnis (oder ein p2p-Gegenüber), kein Chat-Server",
  "doctor.fix_registry_port": "das Verzeichnis liegt standardmäßig auf Port 5556",
  "doctor.fix_server_port": "Chat-Server liegen standardmäßig auf Port 5555",
  "doctor.throttled": "zu viele fehlgeschlagene Nachweise von dieser Adresse",
  "doctor.fix_wait": "warte {wait} und starte doctor noch einmal",
  "doctor.all_passed": "alle Prüfungen bestanden",
  "doctor.failed": {
    one: "{count} Prüfung fehlgeschlagen: siehe die ✗-Zeilen",
    other: "{count} Prüfungen fehlgeschlagen: siehe die ✗-Zeilen",
  },
  "doctor.fix_host_port": "schreib es als HOST[:PORT], z. B. pi.local:{port}",
  "doctor.no_key_to_probe": "nicht geprüft: kein Schlüssel zum Prüfen",

  // ---- log: warnings and errors the logger shows (templates: {names} are the record's) ----
  "log.wrong_key":
    "Verbindung von {address} abgelehnt: falscher Schlüssel (bisher {failures} Fehlversuche)",
  "log.wrong_host_key": "Eine Verbindung von {address} zeigte einen falschen Gastgeber-Schlüssel",
  "log.listener_error": "Fehler beim Lauschen: {error}",
  "log.foreign_certificate":
    "Verbindung von {address} abgelehnt: sie hat einen anderen Schlüssel (nicht aus diesem Kreis)",
  "log.handler_threw": "Die Verbindungsbehandlung ist gescheitert: {error}",
  "log.registry_renew_failed":
    "Das Zertifikat des Verzeichnisses lässt sich nicht erneuern: {error}",
  "log.renew_failed": "Das Zertifikat lässt sich nicht erneuern: {error}",
  "log.bans_failed": "Die Sperren lassen sich nicht speichern: {error}",
  "log.listener_threw": "Ein Empfänger von Chat-Ereignissen ist gescheitert: {error}",
  "log.file_failed": "Die Logdatei lässt sich nicht schreiben: {reason}",
});
