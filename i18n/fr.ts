/**
 * French. Checked against the English source by the compiler: every key,
 * and in each message the same placeholders.
 *
 * @module
 */

import { defineTranslation } from "./define_translation.ts";
import { en } from "./en.ts";

/** The French messages. */
export const fr = defineTranslation(en, {
  // ---- cli: what every command shares --------------------------------------
  "cli.port_in_use_registry":
    "le port {port} est déjà utilisé — un autre annuaire tourne-t-il ? choisissez-en un autre avec --port",
  "cli.port_in_use_server":
    "le port {port} est déjà utilisé — un autre serveur de chat tourne-t-il ? choisissez-en un autre avec --port",
  "cli.port_in_use_stealth":
    "le port {port} est déjà utilisé — un autre stealth tourne-t-il ? choisissez-en un autre avec --port",
  "cli.port_not_allowed":
    "écoute interdite sur le port {port} — les ports sous 1024 demandent des privilèges ; choisissez-en un autre avec --port",

  // ---- cli: the command line (main.ts) -----------------------------------------
  "cli.opt_host": "Adresse d'écoute (par défaut : toutes les interfaces).",
  "cli.opt_port": "Port d'écoute.",
  "cli.opt_name": "Nom du serveur que voient les membres (par défaut : le nom de cette machine).",
  "cli.opt_advertise":
    "Un nom ou une adresse par lequel les membres joignent le serveur (répétable).",
  "cli.opt_rate":
    "Messages qu'un membre peut envoyer d'un coup / par seconde ensuite (par défaut 30/5).",
  "cli.opt_bans":
    "Garder les bannissements dans ce fichier d'un redémarrage à l'autre (mode 0600) ; par défaut : en mémoire seulement.",
  "cli.opt_motd": "Message d'accueil que voient les membres en arrivant.",
  "cli.opt_console": "Lire les commandes de l'hôte sur stdin même si ce n'est pas un terminal.",
  "cli.opt_cert": "Un certificat externe (PEM) au lieu de celui du cercle.",
  "cli.opt_cert_key": "La clé privée du certificat externe (PEM).",
  "cli.opt_ca": "L'AC qui a signé le certificat externe (PEM).",
  "cli.opt_key": "La clé du cercle (par défaut : secret.key dans le dossier personnel).",
  "cli.opt_home":
    "Le dossier personnel (par défaut : $STEALTH_HOME, sinon le dossier de configuration/stealth).",
  "cli.opt_debug": "Tracer ce que fait chaque partie (aussi STEALTH_DEBUG=1).",
  "cli.opt_log_file": "Écrire la trace de --debug dans ce fichier plutôt que sur stderr.",
  "cli.keygen_out":
    "Où l'écrire (par défaut : secret.key, ou host.key, dans le dossier personnel).",
  "cli.keygen_force": "Remplacer un fichier de clé existant.",
  "cli.keygen_host_key": "Écrire plutôt host.key, le second secret propre à l'hôte.",
  "cli.keygen_brief": "Créer une nouvelle clé de cercle.",
  "cli.keygen_description": "Écrit un nouveau secret.key (mode 0600) et affiche son empreinte.",
  "cli.fingerprint_brief": "Afficher l'empreinte de la clé, à lire à voix haute.",
  "cli.fingerprint_description":
    "Affiche l'empreinte de la clé du cercle. Deux membres dont les empreintes concordent ont la même clé.",
  "cli.opt_json_object": "Afficher un objet JSON.",
  "cli.certs_show_brief": "Afficher l'AC du cercle et un certificat de serveur tout frais.",
  "cli.certs_export_out": "Dossier où écrire ca.pem (par défaut : .).",
  "cli.certs_export_brief": "Écrire le certificat de l'AC du cercle (ca.pem) pour d'autres outils.",
  "cli.certs_brief": "Afficher ou exporter les certificats du cercle.",
  "cli.up_registry_port": "Port de l'annuaire (par défaut 5556).",
  "cli.up_brief": "Héberger un cercle : annuaire et serveur de chat dans un seul processus.",
  "cli.up_description":
    "Lance un annuaire (5556) et un serveur de chat (5555) sur toutes les interfaces, avec une console d'hôte. Crée d'abord une clé de cercle si le dossier personnel n'en a pas.",
  "cli.server_registry": "S'inscrire auprès de cet annuaire (port par défaut 5556).",
  "cli.server_brief": "Faire tourner un serveur de chat.",
  "cli.registry_brief": "Faire tourner l'annuaire seul.",
  "cli.list_registry": "L'annuaire à interroger (par défaut localhost:5556).",
  "cli.opt_json_array": "Afficher un tableau JSON.",
  "cli.list_brief": "Lister les serveurs de l'annuaire.",
  "cli.chat_server": "Le serveur de chat (port par défaut 5555).",
  "cli.chat_nick":
    "Votre pseudo (par défaut : le dernier utilisé, sinon une question ; en mode ligne, votre nom d'utilisateur).",
  "cli.opt_plain": "Mode ligne : une ligne par événement, pour les scripts.",
  "cli.opt_json_lines": "Mode ligne avec un objet JSON par événement.",
  "cli.chat_registry":
    "L'annuaire dont lister les serveurs (par défaut : le dernier utilisé, sinon localhost:5556).",
  "cli.opt_theme": "matrix (vert sur noir) ou plain ; NO_COLOR veut dire plain.",
  "cli.chat_host_key": "Prouver la clé d'hôte (host.key) pour les pouvoirs d'hôte.",
  "cli.chat_ca":
    "Faire confiance à cette CA (PEM) pour un serveur au certificat externe (stealth server --cert).",
  "cli.chat_brief": "Discuter.",
  "cli.chat_description": "Rejoindre un serveur de chat de votre cercle.",
  "cli.p2p_listen": "Attendre un correspondant, sur PORT (par défaut 5557 ; 0 en prend un libre).",
  "cli.p2p_target": "Le correspondant à appeler (port par défaut 5557) ; avec --listen, le port.",
  "cli.p2p_nick": "Votre pseudo (par défaut : le dernier utilisé, sinon votre nom d'utilisateur).",
  "cli.p2p_brief": "Parler directement avec un autre membre : ni annuaire, ni serveur.",
  "cli.p2p_description":
    "Un côté attend avec --listen et affiche ses adresses et l'empreinte de la clé à lire à voix haute ; l'autre l'appelle. Un correspondant à la fois ; un lien coupé reprend ; rien n'est écrit sur le disque.",
  "cli.doctor_registry": "Un annuaire à vérifier (port par défaut 5556).",
  "cli.doctor_ca":
    "La CA (PEM) des serveurs de discussion au certificat externe (stealth server --cert), comme pour chat --ca.",
  "cli.doctor_server": "Un serveur de chat à vérifier (port par défaut 5555).",
  "cli.doctor_port": "Un port local à vérifier (par défaut 5555 et 5556).",
  "cli.doctor_brief": "Vérifier clé, horloge, adresses et ports ; dire quoi réparer.",
  "cli.brief": "stealth — chat de groupe chiffré de bout en bout pour un petit cercle.",
  "cli.description":
    "Un secret.key, remis en main propre, permet aux membres de discuter ; l'hôte fait tourner le serveur.",
  "cli.global_options": "Options globales",
  "cli.opt_lang":
    "La langue de stealth : en, es, de ou fr (par défaut : d'après LC_ALL, LC_MESSAGES ou LANG).",
  "cli.example": "Exemple : {command}",
  "cli.p2p_example":
    "Exemple : stealth p2p --listen, puis sur l'autre machine : stealth p2p 192.168.1.5",
  "cli.name_a_server": "indiquez un serveur : stealth chat HOST[:PORT] --plain",

  // ---- cli: optique's own fragments (kept exact: leading and trailing spaces matter) ----
  "cli.optique_unexpected": "Option ou argument inattendu : ",
  "cli.optique_unexpected_subcommand": "Option ou sous-commande inattendue : ",
  "cli.optique_did_you_mean_one_of": "Vouliez-vous dire l'un de ceux-ci ?",
  "cli.optique_did_you_mean": "Vouliez-vous dire ",
  "cli.optique_requires": " demande ",
  "cli.optique_expected_integer": "Un nombre entier était attendu, reçu ",
  "cli.optique_expected_at_least": "Valeur attendue supérieure ou égale à ",
  "cli.optique_expected_at_most": "Valeur attendue inférieure ou égale à ",
  "cli.optique_expected_one_of": "Attendu : l'un de ",
  "cli.optique_but_got": ", reçu ",
  "cli.optique_and": " et ",
  "cli.optique_multiple": " ne peut être donné qu'une fois.",
  "cli.optique_no_match": "Aucune option ni commande ne correspond.",
  "cli.optique_no_match_all": "Aucune option, commande ni argument ne correspond.",
  "cli.optique_no_match_option_argument": "Aucune option ni argument ne correspond.",
  "cli.optique_no_match_command_argument": "Aucune commande ni argument ne correspond.",
  "cli.optique_no_match_option": "Aucune option ne correspond.",
  "cli.optique_no_command": "Aucune commande ne correspond.",
  "cli.optique_end_of_input_option":
    "Une option était attendue, mais la ligne de commande s'arrête là.",
  "cli.optique_end_of_input_argument":
    "Un argument était attendu, mais la ligne de commande s'arrête là.",
  "cli.optique_no_value": "Aucune valeur donnée.",
  "cli.optique_missing_option": "Option manquante : ",
  "cli.optique_missing_argument": "Un argument obligatoire manque.",
  "cli.optique_flag": "L'option ",
  "cli.optique_flag_value": " ne prend pas de valeur, reçu : ",
  "cli.optique_help": "Afficher l'aide.",
  "cli.optique_version": "Afficher la version.",
  "cli.optique_completion_command":
    "Générer le script de complétion du shell ou donner des suggestions.",
  "cli.optique_completion_option": "Générer le script de complétion du shell.",
  "cli.optique_completion_args":
    "Arguments pour les suggestions de complétion (utilisés par le shell ; vous n'avez en général pas à les donner).",
  "cli.optique_help_command": "Commande dont afficher l'aide.",
  "cli.optique_usage": "Usage :",
  "cli.optique_error": "Erreur :",
  "cli.optique_examples": "Exemples :",
  "cli.section": "{title} :",

  // ---- key: secret.key and host.key ------------------------------------------
  "key.is_folder":
    "{path} est un dossier, pas une clé — donnez le chemin du fichier de clé lui-même",
  "key.not_regular":
    "{path} n'est pas un fichier ordinaire — donnez le chemin du fichier de clé lui-même",
  "key.too_large":
    "{path} : le fichier fait plus de {max} octets, une clé stealth a {length} caractères — est-ce le bon fichier ?",
  "key.in_file": "{path} : {problem}",
  "key.readable_by_others":
    "d'autres utilisateurs de cet ordinateur peuvent lire {path} — lancez : chmod 600 {path}",
  "key.write_is_folder": "{path} est un dossier — choisissez un nom de fichier pour la clé",
  "key.exists":
    "{path} existe déjà — gardez-le, ou remplacez-le avec --force (les membres qui ont l'ancienne clé seront exclus)",
  "key.missing":
    "pas de clé dans {path} — demandez secret.key à votre hôte, ou créez-en une avec `stealth keygen`",
  "key.read_denied":
    "impossible de lire {path} : permission refusée — appropriez-vous-le : sudo chown $USER {path} && chmod 600 {path}",
  "key.read_not_capable":
    "impossible de lire {path} : stealth a été lancé sans le droit de le lire (--allow-read)",
  "key.path_not_folder":
    "pas de clé dans {path} — une partie de ce chemin est un fichier, pas un dossier",
  "key.read_failed": "impossible de lire {path} : {reason}",
  "key.write_denied":
    "impossible d'écrire {path} : permission refusée — choisissez un dossier où vous pouvez écrire",
  "key.write_not_capable":
    "impossible d'écrire {path} : stealth a été lancé sans le droit de l'écrire (--allow-write)",
  "key.disk_full":
    "impossible d'écrire {path} : le disque est plein — libérez de la place et réessayez",
  "key.read_only":
    "impossible d'écrire {path} : le disque est en lecture seule — choisissez un autre dossier",
  "key.write_failed": "impossible d'écrire {path} : {reason}",
  "key.unknown_error": "erreur inconnue",
  "key.empty":
    "la clé est vide — recopiez secret.key depuis l'hôte, ou créez-en une avec `stealth keygen`",
  "key.wrong_length":
    "la clé a {count} caractères, une clé stealth en a {length} — recopiez secret.key depuis l'hôte",
  "key.not_base64":
    "la clé n'est pas en base64 sûr pour les URL — le fichier est abîmé ou n'est pas une clé ; recopiez secret.key depuis l'hôte",
  "key.wrote": "{path} écrit",
  "key.host_key_stays":
    "c'est la clé d'hôte : elle reste sur l'ordinateur de l'hôte — ne la copiez jamais aux membres",
  "key.fingerprint_line": "empreinte {fingerprint}",
  "key.hand_over":
    "copiez-la sur une clé USB et remettez-la en main propre ; lisez l'empreinte à voix haute pour vérifier",

  // ---- certs: certificates ----------------------------------------------------
  "certs.the_certificate": "le certificat de {file}",
  "certs.the_intermediate": "le certificat intermédiaire {n} de {file}",
  "certs.the_ca": "le certificat de l'AC de {file}",
  "certs.the_text_given": "le texte donné",
  "certs.fix_renew": "renouvelez-le",
  "certs.fix_current_ca": "procurez-vous le certificat actuel de l'AC",
  "certs.expired": "{what} a expiré le {date} — {fix}",
  "certs.not_yet_valid":
    "{what} n'est valable qu'à partir du {date} — vérifiez l'horloge de cette machine, ou attendez jusque-là",
  "certs.key_mismatch":
    "la clé privée de {keyFile} ne va pas avec le certificat de {certFile} — donnez la clé créée en même temps que ce certificat",
  "certs.is_ca":
    "le certificat de {file} est un certificat d'AC, pas de serveur — donnez le certificat propre au serveur avec --cert et l'AC avec --ca",
  "certs.not_server":
    "le certificat de {file} n'est pas fait pour les serveurs (son usage étendu de clé n'a pas serverAuth) — émettez-en un pour les serveurs TLS",
  "certs.chain_order":
    "le certificat {n} de {file} n'a pas été émis par le suivant dans le fichier — mettez d'abord le certificat du serveur, puis chaque intermédiaire dans l'ordre",
  "certs.wrong_ca":
    "le certificat de {file} n'a pas été émis par l'AC de {caFile} (émetteur \"{issuer}\", AC \"{ca}\") — donnez avec --ca l'AC qui l'a émis",
  "certs.certificate_file": "le fichier de certificat {file}",
  "certs.key_file": "le fichier de clé {file}",
  "certs.ca_file": "le fichier d'AC {file}",
  "certs.file_missing": "{named} n'existe pas — vérifiez le chemin",
  "certs.file_denied":
    "impossible de lire {named} : permission refusée — vérifiez son propriétaire et son mode",
  "certs.file_is_folder": "{named} est un dossier — donnez le fichier lui-même",
  "certs.file_unreadable": "impossible de lire {named} : {reason}",
  "certs.not_pem":
    '{named} n\'est pas du PEM (pas de ligne "-----BEGIN") — donnez le fichier PEM, ou convertissez-le avec openssl',
  "certs.damaged_certificate":
    "{file} contient un certificat abîmé (illisible) — recopiez le fichier depuis l'endroit où il a été créé",
  "certs.nothing_usable": "rien d'utilisable",
  "certs.not_certificate":
    "{file} contient {labels}, pas un certificat — donnez un fichier de certificat",
  "certs.not_certificate_swapped":
    "{file} contient {labels}, pas un certificat — avez-vous inversé --cert et --key ?",
  "certs.key_encrypted":
    "la clé privée de {file} est chiffrée — écrivez-la sans phrase de passe (openssl pkey -in {file} -out plain.key) et laissez ce fichier en mode 0600",
  "certs.not_key": "{file} contient {labels}, pas une clé privée",
  "certs.not_key_swapped":
    "{file} contient {labels}, pas une clé privée — avez-vous inversé --cert et --key ?",
  "certs.damaged_key":
    "{file} contient une clé privée abîmée (illisible) — recopiez le fichier depuis l'endroit où il a été créé",
  "certs.show_ca": "AC du cercle",
  "certs.show_fingerprint": "empreinte",
  "certs.show_leaf": "feuille",
  "certs.show_leaf_sample": "{subject} (un exemple ; chaque serveur émet le sien au démarrage)",
  "certs.show_sans": "SAN",
  "certs.show_valid": "validité",
  "certs.export_failed": "impossible d'écrire {path} : {reason} — choisissez un autre dossier",
  "certs.exported": "{path} écrit ({subject}, empreinte {fingerprint})",

  // ---- net: dialing and the handshake ------------------------------------------
  "net.unreachable": "impossible de joindre {where} ({reason})",
  "net.no_answer_within":
    "{where} n'a pas répondu en {time} — l'adresse est-elle juste et le port ouvert ? (délai dépassé)",
  "net.refused": "impossible de joindre {where} — le serveur tourne-t-il ? (connexion refusée)",
  "net.no_answer":
    "{where} n'a pas répondu — l'adresse est-elle juste et le port ouvert ? (délai dépassé)",
  "net.dns":
    "{host} introuvable — vérifiez le nom, ou utilisez son adresse IP (échec de la recherche DNS)",
  "net.network_unreachable": "réseau inaccessible",
  "net.no_route": "aucune route vers l'hôte",
  "net.unreachable_check":
    "impossible de joindre {where} — vérifiez l'adresse et le réseau ({reason})",
  "net.foreign":
    "{where} n'est pas un serveur stealth de votre cercle — vérifiez secret.key (certificat non signé par l'AC du cercle)",
  "net.outside_validity":
    "{where} a un certificat hors de sa période de validité — vérifiez les horloges des deux machines ({reason})",
  "net.bad_certificate":
    "{where} n'est pas un serveur stealth de votre cercle — vérifiez secret.key ({reason})",
  "net.not_tls13": "{where} ne parle pas TLS 1.3 — est-ce un serveur stealth ? ({reason})",
  "net.tls_closed":
    "{where} a fermé la connexion pendant la poignée de main TLS — est-ce un serveur stealth ? ({reason})",
  "net.timeout_server": "le serveur de chat n'a pas fini la poignée de main en {time}",
  "net.timeout_registry": "l'annuaire n'a pas fini la poignée de main en {time}",
  "net.timeout_p2p": "le correspondant p2p n'a pas fini la poignée de main en {time}",
  "net.cut_server": "le serveur de chat a fermé la connexion pendant la poignée de main ({reason})",
  "net.cut_registry": "l'annuaire a fermé la connexion pendant la poignée de main ({reason})",
  "net.cut_p2p": "le correspondant p2p a fermé la connexion pendant la poignée de main ({reason})",
  "net.closed_before_handshake": "la connexion a été fermée avant la poignée de main",
  "net.not_stealth_v1": "l'autre côté ne parle pas stealth v1 : {reason}",
  "net.unexpected_frame": "l'autre côté ne parle pas stealth v1 : {expected} attendu, {got} reçu",
  "net.throttled_later": "trop d'essais ratés depuis cette adresse — réessayez plus tard",
  "net.throttled_wait": "trop d'essais ratés depuis cette adresse — réessayez dans {wait}",
  "net.banned": "vous êtes banni de ce serveur — jusqu'à ce que l'hôte lève le bannissement",
  "net.banned_reason":
    "vous êtes banni de ce serveur : {reason} — jusqu'à ce que l'hôte lève le bannissement",
  "net.banned_for": "vous êtes banni de ce serveur — encore {wait}",
  "net.banned_for_reason": "vous êtes banni de ce serveur : {reason} — encore {wait}",
  "net.kicked": "l'hôte vous a expulsé de ce serveur",
  "net.kicked_reason": "l'hôte vous a expulsé de ce serveur : {reason}",
  "net.locked":
    "l'hôte a verrouillé ce serveur : personne de nouveau ne peut entrer pour l'instant",
  "net.busy": "occupé : déjà en conversation avec quelqu'un — réessayez plus tard",
  "net.nick_taken": "ce pseudo est déjà pris — choisissez-en un autre avec --nick",
  "net.bad_nick": "un pseudo fait de 1 à 24 lettres, chiffres, '_', '-' ou '.'",
  "net.full": "le serveur est plein — réessayez plus tard",
  "net.shutting_down": "le serveur s'arrête",
  "net.refused_code": "le serveur a refusé la connexion ({code})",
  "net.refused_code_detail": "le serveur a refusé la connexion ({code} : {detail})",
  "net.server_not_in_circle": "ce serveur n'est pas de votre cercle — vérifiez secret.key",
  "net.peer_not_in_circle": "ce correspondant n'est pas de votre cercle — vérifiez secret.key",
  "net.p2p_not_server":
    "c'est un correspondant p2p stealth, pas un serveur de chat — parlez-lui avec `stealth p2p HOST[:PORT]`",
  "net.p2p_not_registry":
    "c'est un correspondant p2p stealth, pas un annuaire — parlez-lui avec `stealth p2p HOST[:PORT]`",
  "net.server_not_p2p":
    "c'est un serveur de chat stealth, pas un correspondant p2p — rejoignez-le avec `stealth chat HOST[:PORT]`",
  "net.server_not_registry": "c'est un serveur de chat stealth, pas un annuaire — vérifiez le port",
  "net.registry_not_p2p": "c'est un annuaire stealth, pas un correspondant p2p — vérifiez le port",
  "net.registry_not_server": "c'est un annuaire stealth, pas un serveur de chat — vérifiez le port",

  "net.listen_failed": "Impossible d'écouter sur {where} : {reason}",
  "net.listen_in_use": "le port est déjà utilisé — un autre stealth tourne-t-il ?",
  "net.listen_no_address": "cette machine n'a pas cette adresse",
  "net.listen_denied": "permission refusée — les ports sous 1024 demandent des privilèges",

  // ---- registry: the registry and `stealth list` ----------------------------------
  "registry.not_in_circle": "cet annuaire n'est pas de votre cercle — vérifiez secret.key",
  "registry.not_in_circle_at":
    "{where} : cet annuaire n'est pas de votre cercle — vérifiez secret.key",
  "registry.list_timeout": "{where} n'a pas envoyé sa liste en {time} (délai dépassé)",
  "registry.bad_frame": "l'annuaire de {where} a envoyé une trame invalide",
  "registry.closed_early":
    "l'annuaire de {where} a fermé la connexion avant d'envoyer sa liste ({reason})",
  "registry.refused_rate":
    "l'annuaire de {where} refuse : trop de demandes — réessayez dans un instant",
  "registry.refused_full": "l'annuaire de {where} refuse : il est plein",
  "registry.refused_too_many":
    "l'annuaire de {where} refuse : trop de connexions depuis cette adresse",
  "registry.refused_shutdown": "l'annuaire de {where} s'arrête",
  "registry.refused_timeout": "l'annuaire de {where} a cessé d'attendre ce côté-ci",
  "registry.refused": "l'annuaire de {where} refuse ({code})",
  "registry.refused_detail": "l'annuaire de {where} refuse ({code} : {detail})",
  "registry.host_port":
    'Impossible de lire "{text}" comme HOST[:PORT] : {why} (p. ex. pi.local, 192.168.1.20:5556 ou [::1]:5556)',
  "registry.host_port_empty": "c'est vide",
  "registry.host_port_unclosed": "le [ d'une adresse IPv6 n'est pas fermé",
  "registry.host_port_after_bracket": ":PORT attendu après le ]",
  "registry.host_port_empty_brackets": "il n'y a pas d'adresse IPv6 entre les crochets",
  "registry.host_port_not_ipv6": "{host} entre crochets n'est pas une adresse IPv6",
  "registry.host_port_brackets": "mettez une adresse IPv6 entre crochets quand vous donnez un port",
  "registry.host_port_no_host": "l'hôte manque",
  "registry.host_port_bad_host": "{host} n'est ni un nom d'hôte ni une adresse IP",
  "registry.host_port_no_port": "le port après : manque",
  "registry.host_port_nan": "le port {port} n'est pas un nombre",
  "registry.host_port_range":
    'Impossible de lire "{text}" comme HOST[:PORT] : le port doit aller de 1 à 65535, reçu {port}',
  "registry.none_registered":
    "aucun serveur inscrit à {where} — lancez-en un avec `stealth up` ou `stealth server --registry {host}`",
  "registry.servers_at": { one: "{count} serveur à {where}", other: "{count} serveurs à {where}" },
  "registry.refused_list":
    "impossible de joindre l'annuaire de {where} — tourne-t-il ? (connexion refusée ; lancez-en un avec `stealth registry` ou `stealth up`)",
  "registry.online": { one: "{count} en ligne", other: "{count} en ligne" },
  "registry.just_started": "vient de démarrer",
  "registry.up_for": "actif depuis {time}",
  "registry.listening": "annuaire à l'écoute sur {where}",

  // ---- host: the host's console and session (shown on the host's machine) ------
  "host.help_kick":
    "expulser un membre tout de suite (il peut revenir ; reprendre sa session lui est refusé)",
  "host.help_ban":
    "bannir un pseudo, une adresse ou une plage (10m, 2h, 7d ; sans rien : jusqu'à /unban)",
  "host.help_unban": "lever un bannissement",
  "host.help_bans": "lister les bannissements, avec le temps qui reste à chacun",
  "host.help_mute":
    "empêcher un membre de parler (il lit toujours) ; 10m, 2h... ou jusqu'à /unmute",
  "host.help_unmute": "laisser reparler un membre rendu muet",
  "host.help_announce": "dire quelque chose à tous en tant que Serveur",
  "host.help_motd": "afficher le message d'accueil ; avec TEXT, le définir ; avec -, l'effacer",
  "host.help_who": "lister les membres, avec leurs adresses et depuis quand ils sont là",
  "host.help_limit": "afficher le maximum de membres ; avec N, le fixer ; avec off, sans limite",
  "host.help_lock": "refuser les nouveaux membres (ceux qui sont là, et leurs reprises, restent)",
  "host.help_unlock": "laisser de nouveau entrer les nouveaux membres",
  "host.help_help": "afficher ces commandes",
  "host.help_quit": "prévenir tout le monde et arrêter le serveur",
  "host.commands_start_with_slash": "les commandes commencent par / — tapez /help",
  "host.unknown_command": "commande inconnue /{name} — tapez /help",
  "host.usage": "usage : {command}",
  "host.no_such_nick": "personne ici ne s'appelle {target} — tapez /who",
  "host.bad_target":
    "{target} n'est ni un pseudo, ni une adresse, ni une plage CIDR (comme 192.168.1.0/24)",
  "host.bad_duration": "{target} n'est pas une durée — utilisez 10m, 2h ou 7d",
  "host.bad_number": "{target} n'est pas un nombre de membres — donnez N à partir de 1, ou off",
  "host.no_such_ban": "{target} n'est pas banni — tapez /bans",
  "host.not_muted": "{target} n'est pas muet",
  "host.too_many_bans": "trop de bannissements — levez-en d'abord quelques-uns avec /unban",
  "host.shutting_down": "le serveur s'arrête",
  "host.refused": "/{cmd} refusé : {code}",
  "host.kicked": "{target} expulsé",
  "host.kicked_reason": "{target} expulsé ({reason})",
  "host.banned": "{target} banni jusqu'à /unban",
  "host.banned_for": "{target} banni pour {time}",
  "host.reason": "({reason})",
  "host.removed": { one: "{count} membre retiré", other: "{count} membres retirés" },
  "host.unbanned": "bannissement de {target} levé",
  "host.muted": "{target} rendu muet jusqu'à /unmute",
  "host.muted_for": "{target} rendu muet pour {time}",
  "host.unmuted": "{target} peut de nouveau parler",
  "host.announced": "annoncé à tous",
  "host.no_motd": "pas de message d'accueil — définissez-en un avec /motd TEXT",
  "host.motd_unreadable": "le message d'accueil est illisible",
  "host.motd": "message d'accueil : {text}",
  "host.motd_set": "message d'accueil défini : les membres le voient en arrivant",
  "host.motd_cleared": "message d'accueil effacé",
  "host.no_limit": "pas de limite de membres",
  "host.limit": { one: "au plus {count} membre", other: "au plus {count} membres" },
  "host.locked":
    "verrouillé : personne de nouveau ne peut entrer (les membres présents peuvent revenir)",
  "host.unlocked": "déverrouillé : de nouveaux membres peuvent entrer",
  "host.nobody_here": "personne n'est encore là",
  "host.members": { one: "{count} membre :", other: "{count} membres :" },
  "host.no_bans": "aucun bannissement",
  "host.bans": { one: "{count} bannissement :", other: "{count} bannissements :" },
  "host.until_unban": "jusqu'à /unban",
  "host.time_left": "encore {time}",

  "host.certs_need_three":
    "les certificats externes demandent les trois : --cert FILE --cert-key FILE --ca FILE",
  "host.bad_rate":
    "--rate {rate} : écrivez-le RAFALE/PAR_SECONDE, p. ex. 30/5 (30 d'un coup, puis 5 par seconde)",
  "host.console_ready": "console de l'hôte : tapez /help pour les commandes",
  "host.shutting_down_telling": "arrêt : les membres sont prévenus",
  "host.host_key_problem": "clé d'hôte : {problem}",
  "host.up_with_registry":
    'stealth tourne : serveur de chat "{name}" sur le port {port}, annuaire sur le port {registryPort}',
  "host.up_alone": 'stealth tourne : serveur de chat "{name}" à l\'écoute sur {where}',
  "host.made_key": "nouvelle clé de cercle créée : {path}",
  "host.hand_key_over":
    "copiez-la sur une clé USB et remettez-la en main propre à chaque membre ; ils la mettent dans leur dossier stealth",
  "host.circle_key": "clé du cercle : {path}",
  "host.fingerprint":
    "empreinte : {fingerprint} (les membres vérifient à voix haute que la leur est pareille)",
  "host.join_with": "les membres rejoignent avec : {command}",

  "host.bans_not_file": "--bans {path} n'est pas un fichier",
  "host.bans_too_large": "--bans {path} est trop gros pour être un fichier de bannissements",
  "host.bans_no_folder":
    "impossible de garder les bannissements dans {path} : le dossier {folder} n'existe pas",
  "host.bans_unreadable": "impossible de lire --bans {path} : {reason}",
  "host.bans_not_json": "--bans {path} n'est pas un fichier de bannissements (pas du JSON)",
  "host.bans_not_bans":
    "--bans {path} n'est pas un fichier de bannissements — déplacez-le ou réparez-le",
  "host.bans_unwritable": "impossible d'écrire --bans {path} : {reason}",

  // ---- chat: what a member reads (line mode, and the pane of the terminal UI) ----
  "chat.unreadable": "un message n'a pas pu être lu (il n'était pas scellé avec votre clé)",
  "chat.you": "vous",
  "chat.server_name": "Serveur",
  "chat.joined": "{nick} est arrivé",
  "chat.you_joined": "vous êtes arrivé",
  "chat.kicked": "{nick} a été expulsé par l'hôte",
  "chat.kicked_reason": "{nick} a été expulsé par l'hôte : {reason}",
  "chat.banned": "{nick} a été banni par l'hôte",
  "chat.banned_reason": "{nick} a été banni par l'hôte : {reason}",
  "chat.left": "{nick} est parti ({reason})",
  "chat.reason_quit": "départ",
  "chat.reason_timeout": "délai dépassé",
  "chat.reason_flood": "flood",
  "chat.reason_replaced": "remplacé",
  "chat.unmuted": "{nick} peut de nouveau parler",
  "chat.you_unmuted": "vous pouvez de nouveau parler",
  "chat.muted_until_lifted": "{nick} a été rendu muet par l'hôte jusqu'à nouvel ordre",
  "chat.you_muted_until_lifted":
    "l'hôte vous a rendu muet jusqu'à nouvel ordre — vous pouvez toujours lire",
  "chat.muted_for": "{nick} a été rendu muet par l'hôte pour {time}",
  "chat.you_muted_for": "l'hôte vous a rendu muet pour {time} — vous pouvez toujours lire",
  "chat.room_locked": "verrouillé (personne de nouveau ne peut entrer)",
  "chat.room_open": "ouvert aux nouveaux membres",
  "chat.no_limit": "pas de limite de membres",
  "chat.limit": { one: "au plus {count} membre", other: "au plus {count} membres" },
  "chat.room_changed": "l'hôte a modifié le salon : {door}, {limit}",
  "chat.you_away": "vous êtes absent",
  "chat.you_back": "vous êtes de retour",
  "chat.away": "{nick} est absent",
  "chat.back": "{nick} est de retour",
  "chat.you_renamed": "vous êtes maintenant {nick}",
  "chat.renamed": "{old} est maintenant {nick}",
  "chat.mark_away": "absent",
  "chat.mark_host": "hôte",
  "chat.mark_muted": "muet",
  "chat.members_here": { one: "{count} ici : {names}", other: "{count} ici : {names}" },

  "chat.usage": "usage : {command}",
  "chat.op_not_host": "/{cmd} est réservé à l'hôte — rejoignez avec --host-key host.key",
  "chat.op_unknown": "ce serveur ne connaît pas /{cmd}",
  "chat.op_ban_self":
    "bannir {target} vous exclurait aussi (cela correspond à votre pseudo ou votre adresse) — bannissez quelque chose de plus précis",
  "chat.op_self": "vous ne pouvez pas faire /{cmd} sur vous-même",
  "chat.op_no_such_nick": "personne ici ne s'appelle {target}",
  "chat.op_no_such_ban": "{target} n'est pas banni — voir /bans",
  "chat.op_refused": "/{cmd} a été refusé ({code})",
  "chat.op_kicked": "vous avez expulsé {target}",
  "chat.op_kicked_reason": "vous avez expulsé {target} ({reason})",
  "chat.op_banned": "vous avez banni {target} jusqu'à ce que vous leviez le bannissement",
  "chat.op_banned_for": "vous avez banni {target} pour {time}",
  "chat.op_removed": { one: "{count} membre retiré", other: "{count} membres retirés" },
  "chat.op_unbanned": "vous avez levé le bannissement de {target}",
  "chat.op_until_lifted": "jusqu'à levée",
  "chat.op_bans": { one: "{count} bannissement : {list}", other: "{count} bannissements : {list}" },
  "chat.op_muted": "vous avez rendu {target} muet jusqu'à nouvel ordre",
  "chat.op_muted_for": "vous avez rendu {target} muet pour {time}",

  "chat.help_me": "dire ce que vous faites : /me salue → * vous salue",
  "chat.help_msg": "un message privé que seul NICK voit",
  "chat.help_nick": "changer de pseudo",
  "chat.help_who": "qui est là",
  "chat.help_away": "vous montrer absent (ou de retour) ; sans mot, basculer",
  "chat.help_clear": "vider le panneau des messages",
  "chat.help_bell": "un bip quand quelqu'un dit votre pseudo ; sans mot, basculer",
  "chat.help_debug": "écrire une trace de débogage dans le fichier journal, ou arrêter",
  "chat.help_reconnect": "réessayer le serveur après une déconnexion",
  "chat.help_help": "cette liste",
  "chat.help_quit": "partir (après l'envoi de ce que vous avez tapé)",
  "chat.help_kick": "expulser NICK du chat tout de suite, en disant à tous pourquoi",
  "chat.help_ban":
    "tenir à l'écart un pseudo, une adresse ou une plage (10m, 2h, 7d ; sans rien : jusqu'à /unban)",
  "chat.help_unban": "lever un bannissement",
  "chat.help_bans": "lister les bannissements et le temps qui reste à chacun",
  "chat.help_mute":
    "empêcher NICK de parler (il lit toujours) ; pour 10m, 2h... ou jusqu'à /unmute",
  "chat.help_unmute": "laisser reparler NICK",
  "chat.help_announce": "dire quelque chose à tous en tant que Serveur",
  "chat.help_motd": "afficher le message d'accueil ; avec TEXT, le définir ; avec -, l'effacer",
  "chat.help_limit": "afficher le maximum de membres ; avec N, le fixer ; avec off, sans limite",
  "chat.help_lock": "ne laisser entrer personne de nouveau (les membres présents peuvent revenir)",
  "chat.help_unlock": "laisser de nouveau entrer les nouveaux membres",
  "chat.help_host_heading": "commandes de l'hôte :",
  "chat.help_slashes": "une ligne qui commence par // est dite telle quelle, avec un / de moins",
  "chat.on_off": '{command} prend "on" ou "off", pas "{word}"',
  "chat.bell_on": "sonnerie activée : un bip quand quelqu'un dit votre pseudo",
  "chat.bell_off": "sonnerie coupée",
  "chat.unknown_command": "commande inconnue /{name} — essayez /help",
  "chat.ui_only": "/{name} ne marche que dans le client plein écran, pas en mode ligne",

  "chat.cannot_use_nick":
    "Impossible d'utiliser le pseudo \"{nick}\" : un pseudo fait de 1 à 24 lettres, chiffres, '_', '-' ou '.'",
  "chat.connect_closed": "Impossible de se connecter : la connexion a été fermée",
  "chat.send_closing": "Impossible d'envoyer : le chat se ferme",
  "chat.send_too_long":
    "Impossible d'envoyer : le message a {count} caractères, {max} au plus tiennent",
  "chat.send_not_nick": "Impossible d'envoyer : \"{nick}\" n'est pas un pseudo",
  "chat.nick_not_nick":
    "Impossible de changer de pseudo : \"{nick}\" n'est pas un pseudo (de 1 à 24 lettres, chiffres, '_', '-' ou '.')",
  "chat.op_too_many_words": "Impossible de lancer /{cmd} : trop de mots",
  "chat.op_word_too_long": "Impossible de lancer /{cmd} : {max} caractères au plus par mot",
  "chat.op_text_too_long":
    "Impossible de lancer /{cmd} : le texte a {count} caractères, {max} au plus tiennent",
  "chat.action_away": "changer d'état d'absence",
  "chat.action_nick": "changer de pseudo",
  "chat.action_who": "lister les membres",
  "chat.action_op": "lancer /{cmd}",
  "chat.cannot_closing": "Impossible de {action} : le chat se ferme",
  "chat.cannot_offline": "Impossible de {action} : pas de connexion au serveur",
  "chat.resumed": "reprise, rien de manqué",
  "chat.resumed_missed": {
    one: "reprise — {count} événement antérieur n'a pas pu être rejoué",
    other: "reprise — {count} événements antérieurs n'ont pas pu être rejoués",
  },
  "chat.connected": "connecté à {server} en tant que {nick}",
  "chat.new_session": "nouvelle session — des messages d'avant peuvent manquer",
  "chat.host_granted": "pouvoirs d'hôte accordés",
  "chat.host_refused":
    "host.key ne correspond pas à celle de ce serveur — vous êtes entré comme simple membre",
  "chat.connection_lost": "connexion perdue ({reason})",
  "chat.lost_remote": "le serveur a fermé la connexion",
  "chat.lost_error": "erreur réseau",
  "chat.lost_silent": "le serveur ne répond plus",
  "chat.lost_slow": "le réseau s'est bloqué",
  "chat.lost_protocol": "le serveur a envoyé quelque chose d'illisible",
  "chat.reconnecting": "reconnexion (essai {attempt} sur {attempts})",
  "chat.offline": "hors ligne : {reason}",
  "chat.offline_queued": {
    one: "hors ligne : {reason} ({count} message pas encore envoyé)",
    other: "hors ligne : {reason} ({count} messages pas encore envoyés)",
  },
  "chat.keep_trying": "stealth continue d'essayer tout seul ; /reconnect essaie tout de suite",
  "chat.left_chat": "chat quitté",
  "chat.not_here_undelivered": "{nick} n'est pas là — votre message n'a pas été remis",
  "chat.muted_unsent": "{muted} — votre message n'a pas été envoyé",
  "chat.message_refused": "le serveur a refusé votre message ({reason})",
  "chat.slow_down": "plus doucement — réessayez dans {wait}",
  "chat.ended_replaced": "une autre connexion a repris cette session",
  "chat.ended_flood": "le serveur vous a déconnecté pour envoi trop rapide",
  "chat.ended_kicked": "l'hôte vous a expulsé",
  "chat.ended_kicked_reason": "l'hôte vous a expulsé : {reason}",
  "chat.ended_banned": "l'hôte vous a banni — jusqu'à ce qu'il lève le bannissement",
  "chat.ended_banned_reason":
    "l'hôte vous a banni : {reason} — jusqu'à ce qu'il lève le bannissement",
  "chat.ended_banned_for": "l'hôte vous a banni — pour {wait}",
  "chat.ended_banned_for_reason": "l'hôte vous a banni : {reason} — pour {wait}",
  "chat.ended": "le serveur a mis fin à la session ({code})",
  "chat.ended_detail": "le serveur a mis fin à la session ({code}) — {detail}",
  "chat.you_are_muted": "l'hôte vous a rendu muet (vous pouvez toujours lire)",
  "chat.you_are_muted_for":
    "l'hôte vous a rendu muet pour encore {wait} (vous pouvez toujours lire)",
  "chat.refused_no_such_nick": "personne ici n'a ce pseudo",
  "chat.refused_nick_taken": "ce pseudo est déjà pris",
  "chat.refused_rate": "plus doucement : trop de messages d'un coup",

  "chat.at": "{where} : {text}",
  "chat.unsent": {
    one: "{count} message n'a pas été envoyé",
    other: "{count} messages n'ont pas été envoyés",
  },
  "chat.line_too_long": "Impossible d'envoyer : une ligne dépasse {max} caractères",

  // ---- p2p: direct chat between two -------------------------------------------------
  "p2p.not_listening":
    "impossible de joindre {where} — l'autre côté écoute-t-il ? (il commence par : stealth p2p --listen)",
  "p2p.ended": "{nick} a mis fin au chat direct",
  "p2p.direct_with": "en direct avec {nick}",
  "p2p.waiting": "en attente d'un correspondant",
  "p2p.listening": "à l'écoute d'un correspondant sur le port {port}",
  "p2p.address": "adresse : {address}",
  "p2p.no_address":
    "aucune adresse réseau trouvée — seule cette machine peut appeler le port {port}",
  "p2p.fingerprint":
    "empreinte : {fingerprint} — lisez-la à voix haute : celle de votre correspondant doit être pareille",
  "p2p.peer_runs": "votre correspondant lance : {command}",
  "p2p.name_the_peer":
    "indiquez le correspondant à appeler : stealth p2p HOST[:PORT], ou attendez-en un : stealth p2p --listen",
  "p2p.bad_listen_port": "--listen {port} : donnez un port de 0 à 65535, p. ex. --listen 5557",
  "p2p.port_in_use":
    "le port {port} est déjà utilisé — un autre stealth tourne-t-il ? choisissez-en un autre : stealth p2p --listen PORT",

  // ---- ui: the terminal client (keep labels short: the status bar is one row of 80) ----
  "ui.leaving": "départ…",
  "ui.connecting": "connexion…",
  "ui.connected": "connecté",
  "ui.reconnecting": "reconnexion",
  "ui.reconnecting_attempt": "reconnexion, essai {attempt} sur {attempts}",
  "ui.reconnecting_short": "reconnexion {attempt}/{attempts}",
  "ui.offline": "hors ligne — /reconnect",
  "ui.offline_retrying": "hors ligne — nouvel essai bientôt",
  "ui.left": "parti",
  "ui.online": { one: "{count} en ligne", other: "{count} en ligne" },
  "ui.online_away": {
    one: "{count} en ligne ({away} absent)",
    other: "{count} en ligne ({away} absents)",
  },
  "ui.mark_host": "(hôte)",
  "ui.mark_away": "(absent)",
  "ui.pending": { one: "{count} en attente", other: "{count} en attente" },
  "ui.bell_off": "sonnerie coupée",
  "ui.direct": "direct",

  "ui.hint_fingerprints":
    "Comparez les empreintes avec `stealth fingerprint` sur les deux machines.",
  "ui.hint_registry":
    "Lancez-en un chez l'hôte avec `stealth up`, interrogez-en un autre avec `--registry HOST`, ou allez droit à un serveur : `stealth chat HOST[:PORT]`.",
  "ui.registry_refused":
    "Impossible de joindre l'annuaire de {where} — tourne-t-il ? (connexion refusée)",
  "ui.nick_taken": "Ce pseudo est déjà pris sur ce serveur — choisissez-en un autre.",
  "ui.nick_refused": "Le serveur n'accepte pas ce pseudo — choisissez-en un autre.",
  "ui.peer_refused":
    "Impossible de joindre {where} — l'autre côté écoute-t-il ? (connexion refusée)",
  "ui.hint_peer":
    "Il commence par `stealth p2p --listen` ; vérifiez l'adresse et le port qu'il vous a lus.",
  "ui.server_refused":
    "Impossible de joindre {where} — le serveur tourne-t-il ? (connexion refusée)",
  "ui.hint_server": "Vérifiez l'adresse, ou lancez le serveur avec `stealth up` chez l'hôte.",

  "ui.sending": "envoi",
  "ui.not_sent": "non envoyé",
  "ui.private": "privé",
  "ui.connecting_to": "connexion à {server} en tant que {nick}…",
  "ui.debug_not_here": "la trace de débogage ne peut pas être basculée ici",
  "ui.debug_failed": "Impossible de basculer la trace de débogage : {reason}",
  "ui.reconnect_not_offline": "/reconnect : le chat n'est pas hors ligne",
  "ui.key_retry": "r réessayer",
  "ui.key_nick": "n changer de pseudo",
  "ui.key_back": "b retour à la liste",
  "ui.key_quit": "q quitter",
  "ui.left_server_bye": "{server} quitté — au revoir",
  "ui.left_server": "{server} quitté",
  "ui.left_chat_bye": "chat quitté — au revoir",
  "ui.left_chat": "chat quitté",
  "ui.left_direct_bye": "chat direct quitté — au revoir",
  "ui.left_direct": "chat direct quitté",
  "ui.needs_terminal":
    "l'écran de chat a besoin d'un terminal — pour les scripts, utilisez `stealth chat HOST --plain`",
  "ui.debug_on": "trace de débogage activée — écriture dans {file}",
  "ui.debug_off": "trace de débogage coupée",
  "ui.log_file_failed": "Impossible d'ouvrir le fichier journal {file} : {reason}",
  "ui.users_online": { one: "{count} en ligne", other: "{count} en ligne" },
  "ui.browser_title": "stealth — serveurs de {registry}",
  "ui.asking": "interrogation de {registry}…",
  "ui.no_servers": "Aucun serveur inscrit à {registry}.",
  "ui.no_servers_hint":
    "Lancez-en un chez l'hôte avec `stealth up` (ou `stealth server --registry HOST`), puis appuyez sur r. Un autre annuaire : `stealth chat --registry HOST`. Un serveur que vous connaissez : `stealth chat HOST[:PORT]`.",
  "ui.column_name": "NOM",
  "ui.column_address": "ADRESSE",
  "ui.column_users": "MEMBRES",
  "ui.column_up": "ACTIF",
  "ui.keys_choose": "↑↓ choisir · Entrée se connecter",
  "ui.keys_refresh": "r actualiser · q quitter",
  "ui.nick_empty": "Un pseudo ne peut pas être vide.",
  "ui.nick_invalid":
    "\"{nick}\" ne peut pas être un pseudo : de 1 à 24 lettres, chiffres, '_', '-' ou '.'.",
  "ui.joining": "stealth — connexion à {server}",
  "ui.your_nick": "Votre pseudo :",
  "ui.keys_join": "Entrée rejoindre · Ctrl+C quitter",
  "ui.placeholder": "tapez un message · /help pour les commandes",
  "ui.scrolled_up": "défilé vers le haut",
  "ui.new_messages": { one: "{count} nouveau message", other: "{count} nouveaux messages" },
  "ui.end_to_jump": "Fin pour revenir en bas",
  "ui.more_warnings": {
    one: "({count} avertissement de plus)",
    other: "({count} avertissements de plus)",
  },

  // ---- file: sharing files (/send, /accept, stealth send, --file-rate) -------------
  "file.opt_downloads":
    "Où arrivent les fichiers reçus (par défaut : downloads/ dans le dossier personnel).",
  "file.opt_auto_accept":
    "Accepter tout fichier proposé qui passe les vérifications (pour les scripts).",
  "file.opt_max_file_size": "Plus gros fichier que vous acceptez, en Mio (par défaut 100).",
  "file.opt_file_rate":
    "Octets de fichier qu'un membre peut envoyer par seconde, en Mio (par défaut 16).",
  "file.opt_server_max_file_size":
    "Plus gros fichier que le serveur relaie, en Mio (par défaut 100).",
  "file.send_brief": "Envoyer un fichier au cercle, depuis un script.",
  "file.send_description":
    "Rejoint le serveur, propose le fichier (à NICK seulement avec --nick), attend les réponses, l'envoie à chaque membre qui accepte, puis part. Sort avec 0 quand tous ceux qui ont accepté l'ont, SHA-256 vérifié.",
  "file.send_to": "Le serveur de discussion par lequel envoyer (port 5555 par défaut).",
  "file.send_nick": "Le proposer à ce membre seulement (par défaut : à tous).",
  "file.send_as": "Votre propre pseudo (par défaut : votre pseudo habituel suivi de -send).",
  "file.send_timeout": "Secondes d'attente des réponses (par défaut 120).",
  "file.send_path": "Le fichier à envoyer.",
  "file.bad_rate": "--file-rate {value} : donnez des Mio par seconde, p. ex. 16 ou 0.5",
  "file.bad_max_size": "--max-file-size {value} : donnez des Mio, p. ex. 100",
  "file.help_send":
    'proposer un fichier à tous, ou à NICK seulement (mettez "entre guillemets" un chemin avec des espaces)',
  "file.help_accept": "prendre un fichier qu'on vous propose (son numéro est dans l'offre)",
  "file.help_reject": "refuser un fichier qu'on vous propose",
  "file.help_cancel": "arrêter un fichier qui arrive ou qui part",
  "file.help_files": "lister les fichiers qui arrivent et qui partent",
  "file.not_here": "cette discussion ne peut pas partager de fichiers",
  "file.everyone": "tous",
  "file.offer": "{nick} propose {name} ({size}) — /accept {ref} ou /reject {ref}",
  "file.offer_private": "{nick} vous propose {name} ({size}) — /accept {ref} ou /reject {ref}",
  "file.offered_all": "vous proposez {name} ({size}) à tous [{ref}]",
  "file.offered_to": "vous proposez {name} ({size}) à {nick} [{ref}]",
  "file.accepted_in": "réception de {name} ({size}) de {nick} [{ref}]",
  "file.accepted_out": "{nick} a accepté {name} : envoi [{ref}]",
  "file.rejected_in": "vous avez refusé {name} de {nick}",
  "file.rejected_out": "{nick} a refusé {name}",
  "file.progress_in": "{name} de {nick} : {percent} % — {done} sur {size}, {rate}/s, encore {left}",
  "file.progress_out": "{name} à {nick} : {percent} % — {done} sur {size}, {rate}/s, encore {left}",
  "file.received": "{name} ({size}) reçu de {nick}, SHA-256 vérifié : {path}",
  "file.delivered": "{nick} a {name} ({size}), SHA-256 vérifié",
  "file.cancelled_by_you": "vous avez arrêté {name} [{ref}]",
  "file.cancelled_in": "{nick} a arrêté d'envoyer {name} — rien n'a été gardé",
  "file.cancelled_out": "{nick} a arrêté de recevoir {name}",
  "file.failed_in": "{name} de {nick} a échoué : {reason} — rien n'a été gardé",
  "file.failed_in_disk":
    "{name} de {nick} a échoué : impossible de l'écrire : {problem} — rien n'a été gardé ; libérez de la place (ou choisissez un autre dossier avec --downloads) et demandez à {nick} de le renvoyer",
  "file.failed_out": "{name} à {nick} a échoué : {reason}",
  "file.refused": "{name} de {nick} refusé : {reason} — rien n'a été écrit",
  "file.why_name": "son nom est un chemin, ou contient des caractères de contrôle",
  "file.why_size": "{size}, c'est plus que les {max} que vous acceptez",
  "file.why_chunk_size": "sa taille de morceau n'est pas une que stealth utilise",
  "file.why_chunks": "son nombre de morceaux ne correspond pas à sa taille",
  "file.why_hash": "son SHA-256 n'est pas un SHA-256",
  "file.why_range": "un morceau au-delà de la fin du fichier",
  "file.why_length": "un morceau de mauvaise longueur (la taille proposée était fausse)",
  "file.why_mismatch": "son SHA-256 ne correspond pas : ce n'est pas le fichier proposé",
  "file.why_unreadable": "un morceau qui n'est pas scellé avec la clé de votre cercle",
  "file.why_left": "{nick} est parti",
  "file.why_not_here": "personne ici ne s'appelle {nick}",
  "file.why_disk": "impossible de l'écrire : {problem}",
  "file.why_their_disk": "l'autre côté n'a pas pu le lire ou l'écrire",
  "file.why_gone": "l'expéditeur ne le propose plus",
  "file.why_server_size": "il est plus gros que ce que le serveur relaie",
  "file.problem_not_found": "fichier ou dossier introuvable",
  "file.problem_permission": "permission refusée",
  "file.problem_full": "le disque est plein",
  "file.cannot_read": "impossible d'envoyer {path} : {problem}",
  "file.not_a_file": "impossible d'envoyer {path} : ce n'est pas un fichier",
  "file.too_big_to_send": "impossible d'envoyer {path} : {size}, c'est plus que {max}",
  "file.too_many": {
    one: "vous envoyez déjà {count} fichier : attendez-le ou arrêtez-le avec /cancel",
    other: "vous envoyez déjà {count} fichiers : attendez-en un ou arrêtez-en un avec /cancel",
  },
  "file.cannot_write": "impossible de recevoir dans {folder} : {problem}",
  "file.no_downloads": "pas de dossier de téléchargement ici : lancez avec --downloads DIR",
  "file.no_such_transfer": "pas de transfert {ref} — /files les liste",
  "file.not_offered": "{ref} n'est pas une offre qui attend votre réponse",
  "file.over": "{ref} est déjà terminé",
  "file.none": "aucun fichier en route — /send CHEMIN [NICK] en propose un",
  "file.list_in": "[{ref}] ↓ {name} ({size}) de {nick} : {state}, {done}",
  "file.list_out": "[{ref}] ↑ {name} ({size}) à {nick} : {state}, {done}",
  "file.state_offered": "proposé",
  "file.state_moving": "en cours",
  "file.state_checking": "vérification",
  "file.state_done": "terminé",
  "file.state_rejected": "refusé",
  "file.state_cancelled": "arrêté",
  "file.state_failed": "échoué",
  "file.bar_left": "encore {left}",
  "file.bars_more": { one: "+{count} autre fichier", other: "+{count} autres fichiers" },
  "file.send_nobody": "personne n'a accepté {name} en {wait}",
  "file.send_done": "{name} livré à {nicks}, SHA-256 vérifié",

  // ---- doctor: findings and fixes ---------------------------------------------------
  "doctor.clock": "horloge",
  "doctor.clock_of": "horloge ({subject})",
  "doctor.server_named": 'serveur "{name}"',
  "doctor.fix_time": "réglez la date, et gardez-la juste : sudo timedatectl set-ntp true",
  "doctor.fix_time_both":
    "réglez la date, et gardez-la juste : sudo timedatectl set-ntp true — sur les deux machines",
  "doctor.clock_impossible": "cet ordinateur indique {now}, ce qui ne peut pas être juste",
  "doctor.clock_certificate":
    "son certificat n'est pas valable selon cette horloge ({now}) : l'une des deux horloges est décalée d'une heure ou plus ({reason})",
  "doctor.clock_started_ahead":
    "il dit avoir démarré dans {minutes} min : son horloge avance sur celle-ci",
  "doctor.clock_ahead":
    "son horloge avance de {seconds} s sur celle-ci : l'heure des messages sera fausse, et au-delà d'une heure TLS échoue",
  "doctor.clock_behind":
    "son horloge retarde de {seconds} s sur celle-ci : l'heure des messages sera fausse, et au-delà d'une heure TLS échoue",
  "doctor.clock_within": "cet ordinateur indique {now}, à {seconds} s près de {peers}",
  "doctor.clock_none_ahead":
    "cet ordinateur indique {now} ; aucune horloge de serveur inscrit n'avance sur lui (le retard n'est pas vérifié : le protocole v1 n'envoie pas l'heure du serveur avant d'entrer)",
  "doctor.clock_not_compared":
    "cet ordinateur indique {now} ; pas comparé avec un serveur (donnez --registry ou --server pour comparer)",
  "doctor.subject_key": "clé {path}",
  "doctor.subject_ca": "fichier de CA {path}",
  "doctor.ca_ok":
    "un certificat de CA en cours de validité : les serveurs de discussion sont vérifiés avec lui",
  "doctor.subject_host_key": "clé d'hôte {path}",
  "doctor.subject_port": "port {port}",
  "doctor.subject_registry": "annuaire {where}",
  "doctor.subject_server": "serveur {where}",
  "doctor.subject_listed": 'serveur "{name}" {where}',
  "doctor.circle_key": "une clé de cercle, empreinte {fingerprint}",
  "doctor.host_key": "une clé d'hôte, empreinte {fingerprint}",
  "doctor.key_readable": "d'autres utilisateurs de cet ordinateur peuvent la lire",
  "doctor.fix_chmod": "lancez : chmod 600 {path}",
  "doctor.key_private": "vous seul pouvez la lire (mode 0600)",
  "doctor.no_host_key": "aucune ici : seul l'hôte en a besoin",
  "doctor.fix_find_port": "trouvez-le avec : sudo ss -ltnp 'sport = :{port}'",
  "doctor.port_free": "libre : un annuaire ou un serveur stealth peut y écouter",
  "doctor.port_privileged": "les ports sous 1024 demandent des privilèges",
  "doctor.fix_port_above": "choisissez un port au-dessus de 1024",
  "doctor.port_in_use_unknown": "occupé, et sans clé doctor ne peut pas dire par quoi",
  "doctor.port_other_program": "occupé par un autre programme",
  "doctor.fix_stop_or_move": "{find} — arrêtez-le, ou choisissez un autre port avec --port",
  "doctor.port_foreign": "occupé par un stealth d'un autre cercle (un autre secret.key)",
  "doctor.fix_stop_or_port": "arrêtez-le, ou choisissez un autre port avec --port",
  "doctor.port_our_registry": "un annuaire stealth de votre cercle est à l'écoute",
  "doctor.port_our_server": "un serveur de chat stealth de votre cercle est à l'écoute",
  "doctor.no_lan": "cette machine n'a pas d'adresse réseau local : elle seule peut joindre le port",
  "doctor.lan_reachable": "joignable à l'adresse réseau local {where}",
  "doctor.lan_not_registry":
    "l'annuaire répond sur cette machine mais pas à son adresse réseau local {where}",
  "doctor.lan_not_server":
    "le serveur de chat répond sur cette machine mais pas à son adresse réseau local {where}",
  "doctor.fix_listen_all":
    "il n'écoute que sur une adresse : lancez-le avec --host 0.0.0.0 (le défaut)",
  "doctor.fix_firewall":
    "un pare-feu le bloque peut-être : autorisez TCP {port} (p. ex. sudo ufw allow {port}/tcp)",
  "doctor.dns_found": "{host} est {addresses}",
  "doctor.dns_missing": "{host} introuvable",
  "doctor.fix_dns": "vérifiez le nom, ou utilisez l'adresse IP de l'hôte (`stealth up` l'affiche)",
  "doctor.port_open": "le port {port} est ouvert",
  "doctor.tls_ok_external": "TLS 1.3 avec un certificat de la CA de --ca",
  "doctor.tls_ok": "TLS 1.3 avec un certificat de l'AC de votre cercle",
  "doctor.registry_proved": "l'annuaire a prouvé qu'il détient la clé de votre cercle",
  "doctor.no_servers": "aucun serveur de chat n'est inscrit",
  "doctor.servers": {
    one: "{count} serveur de chat : {names}",
    other: "{count} serveurs de chat : {names}",
  },
  "doctor.server_proved": "le serveur de chat a prouvé qu'il détient la clé de votre cercle",
  "doctor.server_accepted": "le serveur de chat a accepté la preuve de votre clé",
  "doctor.nothing_listens": "rien n'écoute sur le port {port}",
  "doctor.fix_run_registry": "`stealth up` (ou `stealth registry`) tourne-t-il là-bas ?",
  "doctor.fix_run_server": "`stealth up` (ou `stealth server`) tourne-t-il là-bas ?",
  "doctor.no_answer": "pas de réponse sur le port {port}",
  "doctor.fix_remote_firewall":
    "vérifiez l'adresse ; un pare-feu sur cette machine le rejette peut-être (là-bas : sudo ufw allow {port}/tcp)",
  "doctor.fix_network": "vérifiez l'adresse et que vous êtes sur son réseau",
  "doctor.tls_foreign":
    "son certificat n'est pas de votre cercle : le stealth d'un autre cercle, ou un autre programme",
  "doctor.fix_compare_or_ca":
    "comparez `stealth fingerprint` avec celle de l'hôte ; si l'hôte utilise son propre certificat (stealth server --cert), passez sa CA avec --ca",
  "doctor.fix_compare_fingerprints":
    "comparez `stealth fingerprint` avec celle de l'hôte ; si elles diffèrent, procurez-vous le secret.key de l'hôte",
  "doctor.tls_dates": "son certificat n'est pas valable selon l'horloge de cet ordinateur",
  "doctor.fix_dates": "vérifiez la date sur les deux machines (voir la ligne de l'horloge)",
  "doctor.fix_is_registry": "le port {port} est-il un annuaire stealth ?",
  "doctor.fix_is_server": "le port {port} est-il un serveur de chat stealth ?",
  "doctor.registry_foreign": "cet annuaire n'est pas de votre cercle",
  "doctor.server_foreign": "ce serveur de chat n'est pas de votre cercle",
  "doctor.fix_key_differs":
    "votre secret.key diffère de celui de l'hôte : comparez `stealth fingerprint` des deux côtés",
  "doctor.found_server": "ce port a un serveur de chat stealth, pas un annuaire",
  "doctor.found_registry":
    "ce port a un annuaire stealth (ou un correspondant p2p), pas un serveur de chat",
  "doctor.fix_registry_port": "l'annuaire est par défaut sur le port 5556",
  "doctor.fix_server_port": "les serveurs de chat sont par défaut sur le port 5555",
  "doctor.throttled": "trop de preuves ratées depuis cette adresse",
  "doctor.fix_wait": "attendez {wait} et relancez doctor",
  "doctor.all_passed": "toutes les vérifications sont passées",
  "doctor.failed": {
    one: "{count} vérification a échoué : voir les lignes ✗",
    other: "{count} vérifications ont échoué : voir les lignes ✗",
  },
  "doctor.fix_host_port": "écrivez-le HOST[:PORT], p. ex. pi.local:{port}",
  "doctor.no_key_to_probe": "non sondé : pas de clé pour sonder",

  // ---- log: warnings and errors the logger shows (templates: {names} are the record's) ----
  "log.wrong_key": "Connexion de {address} refusée : mauvaise clé ({failures} échecs jusqu'ici)",
  "log.wrong_host_key": "Une connexion de {address} a présenté une mauvaise clé d'hôte",
  "log.listener_error": "Erreur d'écoute : {error}",
  "log.foreign_certificate":
    "Connexion de {address} refusée : elle a une autre clé (pas de ce cercle)",
  "log.handler_threw": "Le gestionnaire de connexion a échoué : {error}",
  "log.registry_renew_failed": "Impossible de renouveler le certificat de l'annuaire : {error}",
  "log.renew_failed": "Impossible de renouveler le certificat : {error}",
  "log.bans_failed": "Impossible de garder les bannissements : {error}",
  "log.listener_threw": "Un récepteur d'événements du chat a échoué : {error}",
  "log.file_failed": "Impossible d'écrire le fichier journal : {reason}",
});
