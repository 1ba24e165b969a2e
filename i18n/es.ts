/**
 * Spanish. Checked against the English source by the compiler: every key,
 * and in each message the same placeholders.
 *
 * @module
 */

import { defineTranslation } from "./define_translation.ts";
import { en } from "./en.ts";

/** The Spanish messages. */
export const es = defineTranslation(en, {
  // ---- cli: what every command shares --------------------------------------
  "cli.port_in_use_registry":
    "el puerto {port} ya está en uso — ¿hay otro registro en marcha? elige otro con --port",
  "cli.port_in_use_server":
    "el puerto {port} ya está en uso — ¿hay otro servidor de chat en marcha? elige otro con --port",
  "cli.port_in_use_stealth":
    "el puerto {port} ya está en uso — ¿hay otro stealth en marcha? elige otro con --port",
  "cli.port_not_allowed":
    "no se permite escuchar en el puerto {port} — los puertos por debajo de 1024 necesitan privilegios; elige otro con --port",

  // ---- cli: the command line (main.ts) -----------------------------------------
  "cli.opt_host": "Dirección en la que escuchar (por defecto: todas las interfaces).",
  "cli.opt_port": "Puerto en el que escuchar.",
  "cli.opt_name":
    "Nombre del servidor que ven los miembros (por defecto: el nombre de esta máquina).",
  "cli.opt_advertise":
    "Un nombre o dirección por el que los miembros llegan al servidor (se puede repetir).",
  "cli.opt_rate":
    "Mensajes que un miembro puede enviar de golpe / por segundo después (por defecto 30/5).",
  "cli.opt_bans":
    "Guardar las expulsiones en este archivo entre reinicios (modo 0600); por defecto: solo en memoria.",
  "cli.opt_motd": "Texto de bienvenida que ven los miembros al entrar.",
  "cli.opt_console": "Leer órdenes del anfitrión de stdin aunque no sea una terminal.",
  "cli.opt_cert": "Un certificado externo (PEM) en lugar del propio del círculo.",
  "cli.opt_cert_key": "La clave privada del certificado externo (PEM).",
  "cli.opt_ca": "La CA que firmó el certificado externo (PEM).",
  "cli.opt_key": "La clave del círculo (por defecto: secret.key en la carpeta personal).",
  "cli.opt_home":
    "La carpeta personal (por defecto: $STEALTH_HOME, si no la carpeta de configuración/stealth).",
  "cli.opt_debug": "Registrar lo que hace cada parte (también STEALTH_DEBUG=1).",
  "cli.opt_log_file": "Escribir el registro de --debug en este archivo en lugar de stderr.",
  "cli.keygen_out":
    "Dónde escribirla (por defecto: secret.key, o host.key, en la carpeta personal).",
  "cli.keygen_force": "Reemplazar un archivo de clave existente.",
  "cli.keygen_host_key": "Escribir en su lugar host.key, el segundo secreto propio del anfitrión.",
  "cli.keygen_brief": "Crear una clave nueva para el círculo.",
  "cli.keygen_description": "Escribe un secret.key nuevo (modo 0600) y muestra su huella.",
  "cli.fingerprint_brief": "Mostrar la huella de la clave, para leerla en voz alta.",
  "cli.fingerprint_description":
    "Muestra la huella de la clave del círculo. Dos miembros cuyas huellas coinciden tienen la misma clave.",
  "cli.opt_json_object": "Mostrar un objeto JSON.",
  "cli.certs_show_brief": "Mostrar la CA del círculo y un certificado de servidor recién hecho.",
  "cli.certs_export_out": "Carpeta donde escribir ca.pem (por defecto: .).",
  "cli.certs_export_brief":
    "Escribir el certificado de la CA del círculo (ca.pem) para otras herramientas.",
  "cli.certs_brief": "Mostrar o exportar los certificados del círculo.",
  "cli.up_registry_port": "Puerto del registro (por defecto 5556).",
  "cli.up_brief": "Alojar un círculo: registro y servidor de chat en un solo proceso.",
  "cli.up_description":
    "Arranca un registro (5556) y un servidor de chat (5555) en todas las interfaces, con una consola de anfitrión. Crea antes una clave del círculo si la carpeta personal no tiene ninguna.",
  "cli.server_registry": "Registrarse en este registro (puerto por defecto 5556).",
  "cli.server_brief": "Ejecutar un servidor de chat.",
  "cli.registry_brief": "Ejecutar solo el registro.",
  "cli.list_registry": "El registro al que preguntar (por defecto localhost:5556).",
  "cli.opt_json_array": "Mostrar un array JSON.",
  "cli.list_brief": "Listar los servidores del registro.",
  "cli.chat_server": "El servidor de chat (puerto por defecto 5555).",
  "cli.chat_nick":
    "Tu apodo (por defecto: el último usado, si no se pregunta; en modo línea tu nombre de usuario).",
  "cli.opt_plain": "Modo línea: una línea por evento, para scripts.",
  "cli.opt_json_lines": "Modo línea con un objeto JSON por evento.",
  "cli.chat_registry":
    "El registro del que listar servidores (por defecto: el último usado, si no localhost:5556).",
  "cli.opt_theme": "matrix (verde sobre negro) o plain; NO_COLOR significa plain.",
  "cli.chat_host_key": "Probar la clave de anfitrión (host.key) para tener poderes de anfitrión.",
  "cli.chat_ca":
    "Confiar en esta CA (PEM) para un servidor con certificado externo (stealth server --cert).",
  "cli.chat_brief": "Chatear.",
  "cli.chat_description": "Entrar en un servidor de chat de tu círculo.",
  "cli.p2p_listen": "Esperar a un interlocutor, en PORT (por defecto 5557; 0 elige uno libre).",
  "cli.p2p_target":
    "El interlocutor al que llamar (puerto por defecto 5557); con --listen, el puerto.",
  "cli.p2p_nick": "Tu apodo (por defecto: el último usado, si no tu nombre de usuario).",
  "cli.p2p_brief": "Hablar directamente con otro miembro: sin registro, sin servidor.",
  "cli.p2p_description":
    "Un lado espera con --listen y muestra sus direcciones y la huella de la clave para leerla en voz alta; el otro lo llama. Un interlocutor a la vez; un enlace caído se reanuda; no se escribe nada en disco.",
  "cli.doctor_registry": "Un registro que comprobar (puerto por defecto 5556).",
  "cli.doctor_ca":
    "La CA (PEM) de los servidores de chat con certificado externo (stealth server --cert), como en chat --ca.",
  "cli.doctor_server": "Un servidor de chat que comprobar (puerto por defecto 5555).",
  "cli.doctor_port": "Un puerto local que comprobar (por defecto 5555 y 5556).",
  "cli.doctor_brief": "Comprobar clave, reloj, direcciones y puertos; decir qué arreglar.",
  "cli.brief": "stealth — chat de grupo cifrado de extremo a extremo para un círculo pequeño.",
  "cli.description":
    "Un secret.key, entregado en mano, permite chatear a los miembros; el anfitrión ejecuta el servidor.",
  "cli.global_options": "Opciones globales",
  "cli.opt_lang":
    "El idioma de stealth: en, es, de o fr (por defecto: según LC_ALL, LC_MESSAGES o LANG).",
  "cli.example": "Ejemplo: {command}",
  "cli.p2p_example": "Ejemplo: stealth p2p --listen, y en la otra máquina: stealth p2p 192.168.1.5",
  "cli.name_a_server": "indica un servidor: stealth chat HOST[:PORT] --plain",

  // ---- cli: optique's own fragments (kept exact: leading and trailing spaces matter) ----
  "cli.optique_unexpected": "Opción o argumento inesperado: ",
  "cli.optique_unexpected_subcommand": "Opción o subcomando inesperado: ",
  "cli.optique_did_you_mean_one_of": "¿Quisiste decir uno de estos?",
  "cli.optique_did_you_mean": "¿Quisiste decir ",
  "cli.optique_requires": " necesita ",
  "cli.optique_expected_integer": "Se esperaba un número entero, pero llegó ",
  "cli.optique_expected_at_least": "Se esperaba un valor mayor o igual que ",
  "cli.optique_expected_at_most": "Se esperaba un valor menor o igual que ",
  "cli.optique_expected_one_of": "Se esperaba uno de ",
  "cli.optique_but_got": ", pero llegó ",
  "cli.optique_and": " y ",
  "cli.optique_multiple": " no se puede usar más de una vez.",
  "cli.optique_no_match": "Ninguna opción u orden coincide.",
  "cli.optique_no_match_all": "Ninguna opción, orden o argumento coincide.",
  "cli.optique_no_match_option_argument": "Ninguna opción o argumento coincide.",
  "cli.optique_no_match_command_argument": "Ninguna orden o argumento coincide.",
  "cli.optique_no_match_option": "Ninguna opción coincide.",
  "cli.optique_no_command": "Ninguna orden coincide.",
  "cli.optique_end_of_input_option": "Se esperaba una opción, pero la línea de órdenes terminó.",
  "cli.optique_end_of_input_argument":
    "Se esperaba un argumento, pero la línea de órdenes terminó.",
  "cli.optique_no_value": "Falta el valor.",
  "cli.optique_missing_option": "Falta la opción ",
  "cli.optique_missing_argument": "Falta un argumento obligatorio.",
  "cli.optique_flag": "La opción ",
  "cli.optique_flag_value": " no admite valor, pero llegó: ",
  "cli.optique_help": "Mostrar la ayuda.",
  "cli.optique_version": "Mostrar la versión.",
  "cli.optique_completion_command": "Generar el script de autocompletado o dar sugerencias.",
  "cli.optique_completion_option": "Generar el script de autocompletado.",
  "cli.optique_completion_args":
    "Argumentos para las sugerencias de autocompletado (los usa el intérprete de órdenes; normalmente no hace falta darlos).",
  "cli.optique_help_command": "Orden de la que mostrar la ayuda.",
  "cli.optique_usage": "Uso:",
  "cli.optique_error": "Error:",
  "cli.optique_examples": "Ejemplos:",
  "cli.section": "{title}:",

  // ---- key: secret.key and host.key ------------------------------------------
  "key.is_folder":
    "{path} es una carpeta, no una clave — indica la ruta del propio archivo de clave",
  "key.not_regular": "{path} no es un archivo normal — indica la ruta del propio archivo de clave",
  "key.too_large":
    "{path}: el archivo tiene más de {max} bytes, una clave de stealth tiene {length} caracteres — ¿es el archivo correcto?",
  "key.in_file": "{path}: {problem}",
  "key.readable_by_others":
    "otros usuarios de este ordenador pueden leer {path} — ejecuta: chmod 600 {path}",
  "key.write_is_folder": "{path} es una carpeta — elige un nombre de archivo para la clave",
  "key.exists":
    "{path} ya existe — consérvalo, o usa --force para reemplazarlo (los miembros con la clave antigua se quedarán fuera)",
  "key.missing":
    "no hay clave en {path} — pide secret.key a tu anfitrión, o crea una con `stealth keygen`",
  "key.read_denied":
    "no se puede leer {path}: permiso denegado — hazlo tuyo: sudo chown $USER {path} && chmod 600 {path}",
  "key.read_not_capable":
    "no se puede leer {path}: stealth se inició sin permiso para leerlo (--allow-read)",
  "key.path_not_folder":
    "no hay clave en {path} — una parte de esa ruta es un archivo, no una carpeta",
  "key.read_failed": "no se puede leer {path}: {reason}",
  "key.write_denied":
    "no se puede escribir {path}: permiso denegado — elige una carpeta en la que puedas escribir",
  "key.write_not_capable":
    "no se puede escribir {path}: stealth se inició sin permiso para escribirlo (--allow-write)",
  "key.disk_full":
    "no se puede escribir {path}: el disco está lleno — libera espacio y vuelve a intentarlo",
  "key.read_only": "no se puede escribir {path}: el disco es de solo lectura — elige otra carpeta",
  "key.write_failed": "no se puede escribir {path}: {reason}",
  "key.unknown_error": "error desconocido",
  "key.empty":
    "la clave está vacía — copia de nuevo secret.key del anfitrión, o crea una con `stealth keygen`",
  "key.wrong_length":
    "la clave tiene {count} caracteres, una clave de stealth tiene {length} — copia de nuevo secret.key del anfitrión",
  "key.not_base64":
    "la clave no está en base64 apto para URL — el archivo está dañado o no es una clave; copia de nuevo secret.key del anfitrión",
  "key.wrote": "escrito {path}",
  "key.host_key_stays":
    "esta es la clave de anfitrión: se queda en el ordenador del anfitrión — nunca la copies a los miembros",
  "key.fingerprint_line": "huella {fingerprint}",
  "key.hand_over":
    "cópiala a una memoria USB y entrégala en mano; leed la huella en voz alta para comprobarla",

  // ---- certs: certificates ----------------------------------------------------
  "certs.the_certificate": "el certificado de {file}",
  "certs.the_intermediate": "el certificado intermedio {n} de {file}",
  "certs.the_ca": "el certificado de la CA de {file}",
  "certs.the_text_given": "el texto dado",
  "certs.fix_renew": "renuévalo",
  "certs.fix_current_ca": "consigue el certificado actual de la CA",
  "certs.expired": "{what} caducó el {date} — {fix}",
  "certs.not_yet_valid":
    "{what} no es válido hasta el {date} — revisa el reloj de esta máquina, o espera hasta entonces",
  "certs.key_mismatch":
    "la clave privada de {keyFile} no corresponde al certificado de {certFile} — indica la clave que se creó junto con este certificado",
  "certs.is_ca":
    "el certificado de {file} es un certificado de CA, no de servidor — indica el certificado propio del servidor con --cert y la CA con --ca",
  "certs.not_server":
    "el certificado de {file} no es para servidores (su uso extendido de clave no incluye serverAuth) — emite uno para servidores TLS",
  "certs.chain_order":
    "el certificado {n} de {file} no lo emitió el siguiente del archivo — pon primero el certificado del servidor y luego cada intermedio en orden",
  "certs.wrong_ca":
    'el certificado de {file} no lo emitió la CA de {caFile} (emisor "{issuer}", CA "{ca}") — indica con --ca la CA que lo emitió',
  "certs.certificate_file": "el archivo de certificado {file}",
  "certs.key_file": "el archivo de clave {file}",
  "certs.ca_file": "el archivo de CA {file}",
  "certs.file_missing": "{named} no existe — revisa la ruta",
  "certs.file_denied":
    "no se puede leer {named}: permiso denegado — revisa su propietario y su modo",
  "certs.file_is_folder": "{named} es una carpeta — indica el propio archivo",
  "certs.file_unreadable": "no se puede leer {named}: {reason}",
  "certs.not_pem":
    '{named} no es PEM (no tiene una línea "-----BEGIN") — indica el archivo PEM, o conviértelo con openssl',
  "certs.damaged_certificate":
    "{file} contiene un certificado dañado (no se puede interpretar) — copia de nuevo el archivo desde donde se creó",
  "certs.nothing_usable": "nada utilizable",
  "certs.not_certificate":
    "{file} contiene {labels}, no un certificado — indica un archivo de certificado",
  "certs.not_certificate_swapped":
    "{file} contiene {labels}, no un certificado — ¿intercambiaste --cert y --key?",
  "certs.key_encrypted":
    "la clave privada de {file} está cifrada — escríbela sin contraseña (openssl pkey -in {file} -out plain.key) y deja ese archivo en modo 0600",
  "certs.not_key": "{file} contiene {labels}, no una clave privada",
  "certs.not_key_swapped":
    "{file} contiene {labels}, no una clave privada — ¿intercambiaste --cert y --key?",
  "certs.damaged_key":
    "{file} contiene una clave privada dañada (no se puede interpretar) — copia de nuevo el archivo desde donde se creó",
  "certs.show_ca": "CA del círculo",
  "certs.show_fingerprint": "huella",
  "certs.show_leaf": "hoja",
  "certs.show_leaf_sample": "{subject} (una muestra; cada servidor emite la suya al arrancar)",
  "certs.show_sans": "SAN",
  "certs.show_valid": "válido",
  "certs.export_failed": "no se puede escribir {path}: {reason} — elige otra carpeta",
  "certs.exported": "escrito {path} ({subject}, huella {fingerprint})",

  // ---- net: dialing and the handshake ------------------------------------------
  "net.unreachable": "no se puede llegar a {where} ({reason})",
  "net.no_answer_within":
    "{where} no respondió en {time} — ¿es correcta la dirección y está abierto el puerto? (tiempo agotado)",
  "net.refused": "no se puede llegar a {where} — ¿está en marcha el servidor? (conexión rechazada)",
  "net.no_answer":
    "{where} no respondió — ¿es correcta la dirección y está abierto el puerto? (tiempo agotado)",
  "net.dns":
    "no se encuentra {host} — revisa el nombre, o usa su dirección IP (falló la búsqueda DNS)",
  "net.network_unreachable": "red inalcanzable",
  "net.no_route": "no hay ruta hasta el host",
  "net.unreachable_check": "no se puede llegar a {where} — revisa la dirección y la red ({reason})",
  "net.foreign":
    "{where} no es un servidor stealth de tu círculo — revisa secret.key (certificado no firmado por la CA del círculo)",
  "net.outside_validity":
    "{where} tiene un certificado fuera de su validez — revisa los relojes de ambas máquinas ({reason})",
  "net.bad_certificate":
    "{where} no es un servidor stealth de tu círculo — revisa secret.key ({reason})",
  "net.not_tls13": "{where} no habla TLS 1.3 — ¿es un servidor stealth? ({reason})",
  "net.tls_closed":
    "{where} cerró la conexión durante el saludo TLS — ¿es un servidor stealth? ({reason})",
  "net.timeout_server": "el servidor de chat no terminó el saludo en {time}",
  "net.timeout_registry": "el registro no terminó el saludo en {time}",
  "net.timeout_p2p": "el interlocutor p2p no terminó el saludo en {time}",
  "net.cut_server": "el servidor de chat cerró la conexión durante el saludo ({reason})",
  "net.cut_registry": "el registro cerró la conexión durante el saludo ({reason})",
  "net.cut_p2p": "el interlocutor p2p cerró la conexión durante el saludo ({reason})",
  "net.closed_before_handshake": "la conexión se cerró antes del saludo",
  "net.not_stealth_v1": "el otro lado no habla stealth v1: {reason}",
  "net.unexpected_frame": "el otro lado no habla stealth v1: se esperaba {expected}, llegó {got}",
  "net.throttled_later":
    "demasiados intentos fallidos desde esta dirección — vuelve a intentarlo más tarde",
  "net.throttled_wait":
    "demasiados intentos fallidos desde esta dirección — vuelve a intentarlo en {wait}",
  "net.banned": "estás expulsado de este servidor — hasta que el anfitrión lo levante",
  "net.banned_reason":
    "estás expulsado de este servidor: {reason} — hasta que el anfitrión lo levante",
  "net.banned_for": "estás expulsado de este servidor — durante {wait} más",
  "net.banned_for_reason": "estás expulsado de este servidor: {reason} — durante {wait} más",
  "net.kicked": "el anfitrión te sacó de este servidor",
  "net.kicked_reason": "el anfitrión te sacó de este servidor: {reason}",
  "net.locked": "el anfitrión ha cerrado este servidor: por ahora no puede entrar nadie nuevo",
  "net.busy": "ocupado: ya está hablando con alguien — vuelve a intentarlo más tarde",
  "net.nick_taken": "ese apodo ya está en uso — elige otro con --nick",
  "net.bad_nick": "un apodo tiene de 1 a 24 letras, cifras, '_', '-' o '.'",
  "net.full": "el servidor está lleno — vuelve a intentarlo más tarde",
  "net.shutting_down": "el servidor se está apagando",
  "net.refused_code": "el servidor rechazó la conexión ({code})",
  "net.refused_code_detail": "el servidor rechazó la conexión ({code}: {detail})",
  "net.server_not_in_circle": "este servidor no es de tu círculo — revisa secret.key",
  "net.peer_not_in_circle": "este interlocutor no es de tu círculo — revisa secret.key",
  "net.p2p_not_server":
    "esto es un interlocutor p2p de stealth, no un servidor de chat — habla con él con `stealth p2p HOST[:PORT]`",
  "net.p2p_not_registry":
    "esto es un interlocutor p2p de stealth, no un registro — habla con él con `stealth p2p HOST[:PORT]`",
  "net.server_not_p2p":
    "esto es un servidor de chat de stealth, no un interlocutor p2p — entra con `stealth chat HOST[:PORT]`",
  "net.server_not_registry":
    "esto es un servidor de chat de stealth, no un registro — revisa el puerto",
  "net.registry_not_p2p":
    "esto es un registro de stealth, no un interlocutor p2p — revisa el puerto",
  "net.registry_not_server":
    "esto es un registro de stealth, no un servidor de chat — revisa el puerto",

  "net.listen_failed": "No se puede escuchar en {where}: {reason}",
  "net.listen_in_use": "el puerto ya está en uso — ¿hay otro stealth en marcha?",
  "net.listen_no_address": "esta máquina no tiene esa dirección",
  "net.listen_denied": "permiso denegado — los puertos por debajo de 1024 necesitan privilegios",

  // ---- registry: the registry and `stealth list` ----------------------------------
  "registry.not_in_circle": "este registro no es de tu círculo — revisa secret.key",
  "registry.not_in_circle_at": "{where}: este registro no es de tu círculo — revisa secret.key",
  "registry.list_timeout": "{where} no envió su lista en {time} (tiempo agotado)",
  "registry.bad_frame": "el registro de {where} envió una trama incorrecta",
  "registry.closed_early":
    "el registro de {where} cerró la conexión antes de enviar su lista ({reason})",
  "registry.refused_rate":
    "el registro de {where} se negó: demasiadas peticiones — vuelve a intentarlo en breve",
  "registry.refused_full": "el registro de {where} se negó: está lleno",
  "registry.refused_too_many":
    "el registro de {where} se negó: demasiadas conexiones desde esta dirección",
  "registry.refused_shutdown": "el registro de {where} se está apagando",
  "registry.refused_timeout": "el registro de {where} se cansó de esperar a este lado",
  "registry.refused": "el registro de {where} se negó ({code})",
  "registry.refused_detail": "el registro de {where} se negó ({code}: {detail})",
  "registry.host_port":
    'No se puede leer "{text}" como HOST[:PORT]: {why} (p. ej. pi.local, 192.168.1.20:5556 o [::1]:5556)',
  "registry.host_port_empty": "está vacío",
  "registry.host_port_unclosed": "el [ de una dirección IPv6 no está cerrado",
  "registry.host_port_after_bracket": "se esperaba :PORT después del ]",
  "registry.host_port_empty_brackets": "no hay ninguna dirección IPv6 entre los corchetes",
  "registry.host_port_not_ipv6": "{host} entre corchetes no es una dirección IPv6",
  "registry.host_port_brackets": "pon una dirección IPv6 entre corchetes cuando indiques un puerto",
  "registry.host_port_no_host": "falta el host",
  "registry.host_port_bad_host": "{host} no es ni un nombre de host ni una dirección IP",
  "registry.host_port_no_port": "falta el puerto después de :",
  "registry.host_port_nan": "el puerto {port} no es un número",
  "registry.host_port_range":
    'No se puede leer "{text}" como HOST[:PORT]: el puerto debe ir de 1 a 65535, llegó {port}',
  "registry.none_registered":
    "no hay servidores registrados en {where} — arranca uno con `stealth up` o `stealth server --registry {host}`",
  "registry.servers_at": {
    one: "{count} servidor en {where}",
    other: "{count} servidores en {where}",
  },
  "registry.refused_list":
    "no se puede llegar al registro de {where} — ¿está en marcha? (conexión rechazada; arranca uno con `stealth registry` o `stealth up`)",
  "registry.online": { one: "{count} conectado", other: "{count} conectados" },
  "registry.just_started": "recién arrancado",
  "registry.up_for": "activo desde hace {time}",
  "registry.listening": "registro escuchando en {where}",

  // ---- host: the host's console and session (shown on the host's machine) ------
  "host.help_kick": "sacar ahora a un miembro (puede volver; se rechaza que reanude su sesión)",
  "host.help_ban": "vetar un apodo, una dirección o un rango (10m, 2h, 7d; sin nada: hasta /unban)",
  "host.help_unban": "levantar un veto",
  "host.help_bans": "listar los vetos, con el tiempo que le queda a cada uno",
  "host.help_mute": "impedir que un miembro diga nada (sigue leyendo); 10m, 2h... o hasta /unmute",
  "host.help_unmute": "dejar hablar de nuevo a un miembro silenciado",
  "host.help_announce": "decir algo a todos como Servidor",
  "host.help_motd": "mostrar el texto de bienvenida; con TEXT, fijarlo; con -, borrarlo",
  "host.help_who": "listar los miembros, con sus direcciones y cuánto tiempo llevan aquí",
  "host.help_limit": "mostrar el máximo de miembros; con N, fijarlo; con off, sin límite",
  "host.help_lock": "rechazar miembros nuevos (los que están, y sus reanudaciones, se quedan)",
  "host.help_unlock": "dejar entrar de nuevo a miembros nuevos",
  "host.help_help": "mostrar estas órdenes",
  "host.help_quit": "avisar a todos y apagar el servidor",
  "host.commands_start_with_slash": "las órdenes empiezan por / — escribe /help",
  "host.unknown_command": "orden desconocida /{name} — escribe /help",
  "host.usage": "uso: {command}",
  "host.no_such_nick": "aquí no hay nadie llamado {target} — escribe /who",
  "host.bad_target":
    "{target} no es un apodo, una dirección ni un rango CIDR (como 192.168.1.0/24)",
  "host.bad_duration": "{target} no es una duración — usa 10m, 2h o 7d",
  "host.bad_number": "{target} no es un número de miembros — indica N desde 1, u off",
  "host.no_such_ban": "{target} no está vetado — escribe /bans",
  "host.not_muted": "{target} no está silenciado",
  "host.too_many_bans": "demasiados vetos — levanta antes algunos con /unban",
  "host.shutting_down": "el servidor se está apagando",
  "host.refused": "/{cmd} rechazado: {code}",
  "host.kicked": "{target} fuera",
  "host.kicked_reason": "{target} fuera ({reason})",
  "host.banned": "{target} vetado hasta /unban",
  "host.banned_for": "{target} vetado durante {time}",
  "host.reason": "({reason})",
  "host.removed": { one: "{count} miembro sacado", other: "{count} miembros sacados" },
  "host.unbanned": "veto levantado a {target}",
  "host.muted": "{target} silenciado hasta /unmute",
  "host.muted_for": "{target} silenciado durante {time}",
  "host.unmuted": "{target} puede volver a hablar",
  "host.announced": "anunciado a todos",
  "host.no_motd": "no hay texto de bienvenida — pon uno con /motd TEXT",
  "host.motd_unreadable": "el texto de bienvenida no se puede leer",
  "host.motd": "texto de bienvenida: {text}",
  "host.motd_set": "texto de bienvenida fijado: los miembros lo ven al entrar",
  "host.motd_cleared": "texto de bienvenida borrado",
  "host.no_limit": "sin límite de miembros",
  "host.limit": { one: "como máximo {count} miembro", other: "como máximo {count} miembros" },
  "host.locked": "cerrado: no puede entrar nadie nuevo (los miembros de aquí aún pueden volver)",
  "host.unlocked": "abierto: pueden entrar miembros nuevos",
  "host.nobody_here": "todavía no hay nadie",
  "host.members": { one: "{count} miembro:", other: "{count} miembros:" },
  "host.no_bans": "no hay vetos",
  "host.bans": { one: "{count} veto:", other: "{count} vetos:" },
  "host.until_unban": "hasta /unban",
  "host.time_left": "quedan {time}",

  "host.certs_need_three":
    "los certificados externos necesitan los tres: --cert FILE --cert-key FILE --ca FILE",
  "host.bad_rate":
    "--rate {rate}: escríbelo como RÁFAGA/POR_SEGUNDO, p. ej. 30/5 (30 de golpe, luego 5 por segundo)",
  "host.console_ready": "consola del anfitrión: escribe /help para ver las órdenes",
  "host.shutting_down_telling": "apagando: avisando a los miembros",
  "host.host_key_problem": "clave de anfitrión: {problem}",
  "host.up_with_registry":
    'stealth está en marcha: servidor de chat "{name}" en el puerto {port}, registro en el puerto {registryPort}',
  "host.up_alone": 'stealth está en marcha: servidor de chat "{name}" escuchando en {where}',
  "host.made_key": "creada una clave nueva del círculo: {path}",
  "host.hand_key_over":
    "cópiala a una memoria USB y entrégala en mano a cada miembro; la ponen en su carpeta de stealth",
  "host.circle_key": "clave del círculo: {path}",
  "host.fingerprint":
    "huella: {fingerprint} (los miembros comprueban en voz alta que la suya coincide)",
  "host.join_with": "los miembros entran con: {command}",

  "host.bans_not_file": "--bans {path} no es un archivo",
  "host.bans_too_large": "--bans {path} es demasiado grande para ser un archivo de vetos",
  "host.bans_no_folder": "no se pueden guardar los vetos en {path}: la carpeta {folder} no existe",
  "host.bans_unreadable": "no se puede leer --bans {path}: {reason}",
  "host.bans_not_json": "--bans {path} no es un archivo de vetos (no es JSON)",
  "host.bans_not_bans": "--bans {path} no es un archivo de vetos — quítalo de ahí o arréglalo",
  "host.bans_unwritable": "no se puede escribir --bans {path}: {reason}",

  // ---- chat: what a member reads (line mode, and the pane of the terminal UI) ----
  "chat.unreadable": "no se pudo leer un mensaje (no estaba sellado con tu clave)",
  "chat.you": "tú",
  "chat.server_name": "Servidor",
  "chat.joined": "{nick} entró",
  "chat.you_joined": "entraste",
  "chat.kicked": "el anfitrión sacó a {nick}",
  "chat.kicked_reason": "el anfitrión sacó a {nick}: {reason}",
  "chat.banned": "el anfitrión vetó a {nick}",
  "chat.banned_reason": "el anfitrión vetó a {nick}: {reason}",
  "chat.left": "{nick} se fue ({reason})",
  "chat.reason_quit": "salió",
  "chat.reason_timeout": "tiempo agotado",
  "chat.reason_flood": "inundación",
  "chat.reason_replaced": "sustituido",
  "chat.unmuted": "{nick} puede volver a hablar",
  "chat.you_unmuted": "puedes volver a hablar",
  "chat.muted_until_lifted": "el anfitrión silenció a {nick} hasta que lo levante",
  "chat.you_muted_until_lifted": "el anfitrión te silenció hasta que lo levante — aún puedes leer",
  "chat.muted_for": "el anfitrión silenció a {nick} durante {time}",
  "chat.you_muted_for": "el anfitrión te silenció durante {time} — aún puedes leer",
  "chat.room_locked": "cerrada (no puede entrar nadie nuevo)",
  "chat.room_open": "abierta a miembros nuevos",
  "chat.no_limit": "sin límite de miembros",
  "chat.limit": { one: "como máximo {count} miembro", other: "como máximo {count} miembros" },
  "chat.room_changed": "el anfitrión cambió la sala: {door}, {limit}",
  "chat.you_away": "estás ausente",
  "chat.you_back": "has vuelto",
  "chat.away": "{nick} está ausente",
  "chat.back": "{nick} ha vuelto",
  "chat.you_renamed": "ahora eres {nick}",
  "chat.renamed": "{old} ahora es {nick}",
  "chat.mark_away": "ausente",
  "chat.mark_host": "anfitrión",
  "chat.mark_muted": "silenciado",
  "chat.members_here": { one: "{count} aquí: {names}", other: "{count} aquí: {names}" },

  "chat.usage": "uso: {command}",
  "chat.op_not_host": "/{cmd} es para el anfitrión — entra con --host-key host.key",
  "chat.op_unknown": "este servidor no conoce /{cmd}",
  "chat.op_ban_self":
    "vetar {target} también te dejaría fuera a ti (coincide con tu apodo o tu dirección) — veta algo más concreto",
  "chat.op_self": "no puedes hacerte /{cmd} a ti mismo",
  "chat.op_no_such_nick": "aquí no hay nadie llamado {target}",
  "chat.op_no_such_ban": "{target} no está vetado — mira /bans",
  "chat.op_refused": "/{cmd} fue rechazado ({code})",
  "chat.op_kicked": "sacaste a {target}",
  "chat.op_kicked_reason": "sacaste a {target} ({reason})",
  "chat.op_banned": "vetaste a {target} hasta que lo levantes",
  "chat.op_banned_for": "vetaste a {target} durante {time}",
  "chat.op_removed": { one: "{count} miembro sacado", other: "{count} miembros sacados" },
  "chat.op_unbanned": "levantaste el veto a {target}",
  "chat.op_until_lifted": "hasta que se levante",
  "chat.op_bans": { one: "{count} veto: {list}", other: "{count} vetos: {list}" },
  "chat.op_muted": "silenciaste a {target} hasta que le quites el silencio",
  "chat.op_muted_for": "silenciaste a {target} durante {time}",

  "chat.help_me": "di lo que haces: /me saluda → * tú saluda",
  "chat.help_msg": "un mensaje privado que solo ve NICK",
  "chat.help_nick": "cambiar tu apodo",
  "chat.help_who": "quién está aquí",
  "chat.help_away": "mostrarte ausente (o de vuelta); sin palabra, alterna",
  "chat.help_clear": "vaciar el panel de mensajes",
  "chat.help_bell": "un pitido cuando alguien dice tu apodo; sin palabra, alterna",
  "chat.help_debug": "escribir un registro de depuración en el archivo de log, o parar",
  "chat.help_reconnect": "volver a intentar con el servidor tras quedarte sin conexión",
  "chat.help_help": "esta lista",
  "chat.help_quit": "salir (después de enviar lo que escribiste)",
  "chat.help_kick": "sacar ahora a NICK del chat, diciendo a todos por qué",
  "chat.help_ban":
    "dejar fuera un apodo, una dirección o un rango (10m, 2h, 7d; sin nada: hasta /unban)",
  "chat.help_unban": "levantar un veto",
  "chat.help_bans": "listar los vetos y el tiempo que le queda a cada uno",
  "chat.help_mute":
    "impedir que NICK diga nada (sigue leyendo); durante 10m, 2h... o hasta /unmute",
  "chat.help_unmute": "dejar hablar de nuevo a NICK",
  "chat.help_announce": "decir algo a todos como Servidor",
  "chat.help_motd": "mostrar el texto de bienvenida; con TEXT, fijarlo; con -, borrarlo",
  "chat.help_limit": "mostrar el máximo de miembros; con N, fijarlo; con off, sin límite",
  "chat.help_lock": "no dejar entrar a nadie nuevo (los miembros de aquí aún pueden volver)",
  "chat.help_unlock": "dejar entrar de nuevo a miembros nuevos",
  "chat.help_host_heading": "órdenes del anfitrión:",
  "chat.help_slashes": "una línea que empieza por // se dice tal cual, con una / menos",
  "chat.on_off": '{command} admite "on" u "off", no "{word}"',
  "chat.bell_on": "campana activada: un pitido cuando alguien dice tu apodo",
  "chat.bell_off": "campana desactivada",
  "chat.unknown_command": "orden desconocida /{name} — prueba /help",
  "chat.ui_only": "/{name} solo funciona en el cliente a pantalla completa, no en modo línea",

  "chat.cannot_use_nick":
    "No se puede usar el apodo \"{nick}\": un apodo tiene de 1 a 24 letras, cifras, '_', '-' o '.'",
  "chat.connect_closed": "No se puede conectar: la conexión se cerró",
  "chat.send_closing": "No se puede enviar: el chat se está cerrando",
  "chat.send_too_long":
    "No se puede enviar: el mensaje tiene {count} caracteres, caben como máximo {max}",
  "chat.send_not_nick": 'No se puede enviar: "{nick}" no es un apodo',
  "chat.nick_not_nick":
    "No se puede cambiar el apodo: \"{nick}\" no es un apodo (de 1 a 24 letras, cifras, '_', '-' o '.')",
  "chat.op_too_many_words": "No se puede ejecutar /{cmd}: demasiadas palabras",
  "chat.op_word_too_long": "No se puede ejecutar /{cmd}: como máximo {max} caracteres por palabra",
  "chat.op_text_too_long":
    "No se puede ejecutar /{cmd}: el texto tiene {count} caracteres, caben como máximo {max}",
  "chat.action_away": "cambiar la ausencia",
  "chat.action_nick": "cambiar el apodo",
  "chat.action_who": "listar los miembros",
  "chat.action_op": "ejecutar /{cmd}",
  "chat.cannot_closing": "No se puede {action}: el chat se está cerrando",
  "chat.cannot_offline": "No se puede {action}: no hay conexión con el servidor",
  "chat.resumed": "reanudado, sin perder nada",
  "chat.resumed_missed": {
    one: "reanudado — {count} evento anterior ya no se pudo recuperar",
    other: "reanudado — {count} eventos anteriores ya no se pudieron recuperar",
  },
  "chat.connected": "conectado a {server} como {nick}",
  "chat.new_session": "sesión nueva — pueden faltar mensajes de antes",
  "chat.host_granted": "poderes de anfitrión concedidos",
  "chat.host_refused":
    "host.key no coincide con la de este servidor — entraste como miembro normal",
  "chat.connection_lost": "conexión perdida ({reason})",
  "chat.lost_remote": "el servidor cerró la conexión",
  "chat.lost_error": "error de red",
  "chat.lost_silent": "el servidor dejó de responder",
  "chat.lost_slow": "la red se atascó",
  "chat.lost_protocol": "el servidor envió algo ilegible",
  "chat.reconnecting": "reconectando (intento {attempt} de {attempts})",
  "chat.offline": "sin conexión: {reason}",
  "chat.offline_queued": {
    one: "sin conexión: {reason} ({count} mensaje aún sin enviar)",
    other: "sin conexión: {reason} ({count} mensajes aún sin enviar)",
  },
  "chat.keep_trying": "stealth lo seguirá intentando solo; /reconnect lo intenta ahora",
  "chat.left_chat": "saliste del chat",
  "chat.not_here_undelivered": "{nick} no está aquí — tu mensaje no se entregó",
  "chat.muted_unsent": "{muted} — tu mensaje no se envió",
  "chat.message_refused": "el servidor rechazó tu mensaje ({reason})",
  "chat.slow_down": "más despacio — vuelve a intentarlo en {wait}",
  "chat.ended_replaced": "otra conexión tomó esta sesión",
  "chat.ended_flood": "el servidor te desconectó por enviar demasiado rápido",
  "chat.ended_kicked": "el anfitrión te sacó",
  "chat.ended_kicked_reason": "el anfitrión te sacó: {reason}",
  "chat.ended_banned": "el anfitrión te vetó — hasta que lo levante",
  "chat.ended_banned_reason": "el anfitrión te vetó: {reason} — hasta que lo levante",
  "chat.ended_banned_for": "el anfitrión te vetó — durante {wait}",
  "chat.ended_banned_for_reason": "el anfitrión te vetó: {reason} — durante {wait}",
  "chat.ended": "el servidor terminó la sesión ({code})",
  "chat.ended_detail": "el servidor terminó la sesión ({code}) — {detail}",
  "chat.you_are_muted": "el anfitrión te ha silenciado (aún puedes leer)",
  "chat.you_are_muted_for": "el anfitrión te ha silenciado durante {wait} más (aún puedes leer)",
  "chat.refused_no_such_nick": "aquí nadie tiene ese apodo",
  "chat.refused_nick_taken": "ese apodo ya está en uso",
  "chat.refused_rate": "más despacio: demasiados mensajes de golpe",

  "chat.at": "{where}: {text}",
  "chat.unsent": { one: "{count} mensaje no se envió", other: "{count} mensajes no se enviaron" },
  "chat.line_too_long": "No se puede enviar: una línea tiene más de {max} caracteres",

  // ---- p2p: direct chat between two -------------------------------------------------
  "p2p.not_listening":
    "no se puede llegar a {where} — ¿está escuchando el otro lado? (empieza con: stealth p2p --listen)",
  "p2p.ended": "{nick} terminó el chat directo",
  "p2p.direct_with": "directo con {nick}",
  "p2p.waiting": "esperando a un interlocutor",
  "p2p.listening": "escuchando a un interlocutor en el puerto {port}",
  "p2p.address": "dirección: {address}",
  "p2p.no_address":
    "no se encontró ninguna dirección de red — solo esta máquina puede llamar al puerto {port}",
  "p2p.fingerprint":
    "huella: {fingerprint} — léela en voz alta: la de tu interlocutor debe coincidir",
  "p2p.peer_runs": "tu interlocutor ejecuta: {command}",
  "p2p.name_the_peer":
    "indica el interlocutor al que llamar: stealth p2p HOST[:PORT], o espera a uno: stealth p2p --listen",
  "p2p.bad_listen_port": "--listen {port}: indica un puerto de 0 a 65535, p. ej. --listen 5557",
  "p2p.port_in_use":
    "el puerto {port} ya está en uso — ¿hay otro stealth en marcha? elige otro: stealth p2p --listen PORT",

  // ---- ui: the terminal client (keep labels short: the status bar is one row of 80) ----
  "ui.leaving": "saliendo…",
  "ui.connecting": "conectando…",
  "ui.connected": "conectado",
  "ui.reconnecting": "reconectando",
  "ui.reconnecting_attempt": "reconectando, intento {attempt} de {attempts}",
  "ui.reconnecting_short": "reconectando {attempt}/{attempts}",
  "ui.offline": "sin conexión — /reconnect",
  "ui.offline_retrying": "sin conexión — reintento en breve",
  "ui.left": "fuera",
  "ui.online": { one: "{count} en línea", other: "{count} en línea" },
  "ui.online_away": {
    one: "{count} en línea ({away} ausente)",
    other: "{count} en línea ({away} ausentes)",
  },
  "ui.mark_host": "(anfitrión)",
  "ui.mark_away": "(ausente)",
  "ui.pending": { one: "{count} pendiente", other: "{count} pendientes" },
  "ui.bell_off": "sin campana",
  "ui.direct": "directo",

  "ui.hint_fingerprints": "Comparad las huellas con `stealth fingerprint` en las dos máquinas.",
  "ui.hint_registry":
    "Arranca uno en el anfitrión con `stealth up`, pregunta a otro con `--registry HOST`, o ve directo a un servidor: `stealth chat HOST[:PORT]`.",
  "ui.registry_refused":
    "No se puede llegar al registro de {where} — ¿está en marcha? (conexión rechazada)",
  "ui.nick_taken": "Ese apodo ya está en uso en este servidor — elige otro.",
  "ui.nick_refused": "El servidor no acepta ese apodo — elige otro.",
  "ui.peer_refused":
    "No se puede llegar a {where} — ¿está escuchando el otro lado? (conexión rechazada)",
  "ui.hint_peer":
    "Empieza con `stealth p2p --listen`; revisa la dirección y el puerto que te leyó.",
  "ui.server_refused":
    "No se puede llegar a {where} — ¿está en marcha el servidor? (conexión rechazada)",
  "ui.hint_server": "Revisa la dirección, o arranca el servidor con `stealth up` en el anfitrión.",

  "ui.sending": "enviando",
  "ui.not_sent": "no enviado",
  "ui.private": "privado",
  "ui.connecting_to": "conectando a {server} como {nick}…",
  "ui.debug_not_here": "aquí no se puede cambiar el registro de depuración",
  "ui.debug_failed": "No se puede cambiar el registro de depuración: {reason}",
  "ui.reconnect_not_offline": "/reconnect: el chat no está sin conexión",
  "ui.key_retry": "r reintentar",
  "ui.key_nick": "n cambiar apodo",
  "ui.key_back": "b volver a la lista",
  "ui.key_quit": "q salir",
  "ui.left_server_bye": "saliste de {server} — adiós",
  "ui.left_server": "saliste de {server}",
  "ui.left_chat_bye": "saliste del chat — adiós",
  "ui.left_chat": "saliste del chat",
  "ui.left_direct_bye": "saliste del chat directo — adiós",
  "ui.left_direct": "saliste del chat directo",
  "ui.needs_terminal":
    "la pantalla de chat necesita una terminal — para scripts usa `stealth chat HOST --plain`",
  "ui.debug_on": "registro de depuración activado — escribiendo en {file}",
  "ui.debug_off": "registro de depuración desactivado",
  "ui.log_file_failed": "No se puede abrir el archivo de log {file}: {reason}",
  "ui.users_online": { one: "{count} en línea", other: "{count} en línea" },
  "ui.browser_title": "stealth — servidores de {registry}",
  "ui.asking": "preguntando a {registry}…",
  "ui.no_servers": "No hay servidores registrados en {registry}.",
  "ui.no_servers_hint":
    "Arranca uno en el anfitrión con `stealth up` (o `stealth server --registry HOST`) y pulsa r. Otro registro: `stealth chat --registry HOST`. Un servidor que conoces: `stealth chat HOST[:PORT]`.",
  "ui.column_name": "NOMBRE",
  "ui.column_address": "DIRECCIÓN",
  "ui.column_users": "USUARIOS",
  "ui.column_up": "ACTIVO",
  "ui.keys_choose": "↑↓ elegir · Enter conectar",
  "ui.keys_refresh": "r actualizar · q salir",
  "ui.nick_empty": "El apodo no puede estar vacío.",
  "ui.nick_invalid": "\"{nick}\" no puede ser un apodo: de 1 a 24 letras, cifras, '_', '-' o '.'.",
  "ui.joining": "stealth — entrando en {server}",
  "ui.your_nick": "Tu apodo:",
  "ui.keys_join": "Enter entrar · Ctrl+C salir",
  "ui.placeholder": "escribe un mensaje · /help para las órdenes",
  "ui.scrolled_up": "desplazado hacia arriba",
  "ui.new_messages": { one: "{count} mensaje nuevo", other: "{count} mensajes nuevos" },
  "ui.end_to_jump": "Fin para volver abajo",
  "ui.more_warnings": { one: "({count} aviso más)", other: "({count} avisos más)" },

  // ---- file: sharing files (/send, /accept, stealth send, --file-rate) -------------
  "file.opt_downloads":
    "Dónde quedan los archivos recibidos (por defecto: downloads/ en la carpeta de inicio).",
  "file.opt_auto_accept":
    "Aceptar todo archivo ofrecido que pase las comprobaciones (para scripts).",
  "file.opt_max_file_size": "Archivo más grande que aceptas, en MiB (por defecto 100).",
  "file.opt_file_rate":
    "Bytes de archivo que un miembro puede enviar por segundo, en MiB (por defecto 16).",
  "file.opt_server_max_file_size":
    "Archivo más grande que retransmite el servidor, en MiB (por defecto 100).",
  "file.send_brief": "Enviar un archivo al círculo, desde un script.",
  "file.send_description":
    "Entra en el servidor, ofrece el archivo (solo a NICK con --nick), espera las respuestas, lo envía a cada miembro que acepta y sale. Termina con 0 cuando todos los que aceptaron lo tienen, con su SHA-256 comprobado.",
  "file.send_to": "El servidor de chat por el que enviar (puerto 5555 por defecto).",
  "file.send_nick": "Ofrecerlo solo a este miembro (por defecto: a todos).",
  "file.send_as": "Tu propio nick (por defecto: tu nick de siempre con -send).",
  "file.send_timeout": "Segundos de espera para las respuestas (por defecto 120).",
  "file.send_path": "El archivo que enviar.",
  "file.bad_rate": "--file-rate {value}: indica MiB por segundo, p. ej. 16 o 0.5",
  "file.bad_max_size": "--max-file-size {value}: indica MiB, p. ej. 100",
  "file.help_send":
    'ofrecer un archivo a todos, o solo a NICK (pon "entre comillas" una ruta con espacios)',
  "file.help_accept": "tomar un archivo que te ofrecen (su número viene en la oferta)",
  "file.help_reject": "rechazar un archivo que te ofrecen",
  "file.help_cancel": "detener un archivo que llega o que sale",
  "file.help_files": "listar los archivos que llegan y salen",
  "file.not_here": "este chat no puede compartir archivos",
  "file.everyone": "todos",
  "file.offer": "{nick} ofrece {name} ({size}) — /accept {ref} o /reject {ref}",
  "file.offer_private": "{nick} te ofrece {name} ({size}) — /accept {ref} o /reject {ref}",
  "file.offered_all": "ofreces {name} ({size}) a todos [{ref}]",
  "file.offered_to": "ofreces {name} ({size}) a {nick} [{ref}]",
  "file.accepted_in": "recibiendo {name} ({size}) de {nick} [{ref}]",
  "file.accepted_out": "{nick} aceptó {name}: enviando [{ref}]",
  "file.rejected_in": "rechazaste {name} de {nick}",
  "file.rejected_out": "{nick} rechazó {name}",
  "file.progress_in": "{name} de {nick}: {percent} % — {done} de {size}, {rate}/s, faltan {left}",
  "file.progress_out": "{name} a {nick}: {percent} % — {done} de {size}, {rate}/s, faltan {left}",
  "file.received": "recibido {name} ({size}) de {nick}, SHA-256 comprobado: {path}",
  "file.delivered": "{nick} tiene {name} ({size}), SHA-256 comprobado",
  "file.cancelled_by_you": "detuviste {name} [{ref}]",
  "file.cancelled_in": "{nick} dejó de enviar {name} — no se guardó nada",
  "file.cancelled_out": "{nick} dejó de recibir {name}",
  "file.failed_in": "{name} de {nick} falló: {reason} — no se guardó nada",
  "file.failed_in_disk":
    "{name} de {nick} falló: no se puede escribir: {problem} — no se guardó nada; libera espacio (o elige otra carpeta con --downloads) y pide a {nick} que lo envíe de nuevo",
  "file.failed_out": "{name} a {nick} falló: {reason}",
  "file.refused": "rechazado {name} de {nick}: {reason} — no se escribió nada",
  "file.why_name": "su nombre es una ruta o tiene caracteres de control",
  "file.why_size": "{size} es más que los {max} que aceptas",
  "file.why_chunk_size": "su tamaño de trozo no es uno que use stealth",
  "file.why_chunks": "su número de trozos no corresponde a su tamaño",
  "file.why_hash": "su SHA-256 no es un SHA-256",
  "file.why_range": "un trozo más allá del final del archivo",
  "file.why_length": "un trozo de longitud equivocada (el tamaño ofrecido era falso)",
  "file.why_mismatch": "su SHA-256 no coincide: no es el archivo ofrecido",
  "file.why_unreadable": "un trozo no sellado con la clave de tu círculo",
  "file.why_left": "{nick} se fue",
  "file.why_not_here": "aquí nadie se llama {nick}",
  "file.why_disk": "no se puede escribir: {problem}",
  "file.why_their_disk": "el otro lado no pudo leerlo o escribirlo",
  "file.why_gone": "quien lo envía ya no lo ofrece",
  "file.why_server_size": "es más grande de lo que retransmite el servidor",
  "file.problem_not_found": "no existe ese archivo o carpeta",
  "file.problem_permission": "permiso denegado",
  "file.problem_full": "el disco está lleno",
  "file.cannot_read": "no se puede enviar {path}: {problem}",
  "file.not_a_file": "no se puede enviar {path}: no es un archivo",
  "file.too_big_to_send": "no se puede enviar {path}: {size} es más que {max}",
  "file.too_many": {
    one: "ya estás enviando {count} archivo: espéralo o usa /cancel",
    other: "ya estás enviando {count} archivos: espera a uno o usa /cancel",
  },
  "file.cannot_write": "no se puede recibir en {folder}: {problem}",
  "file.no_downloads": "no hay carpeta de descargas: arranca con --downloads DIR",
  "file.no_such_transfer": "no hay transferencia {ref} — /files las lista",
  "file.not_offered": "{ref} no es una oferta que espere tu respuesta",
  "file.over": "{ref} ya terminó",
  "file.none": "no llega ni sale ningún archivo — /send RUTA [NICK] ofrece uno",
  "file.list_in": "[{ref}] ↓ {name} ({size}) de {nick}: {state}, {done}",
  "file.list_out": "[{ref}] ↑ {name} ({size}) a {nick}: {state}, {done}",
  "file.state_offered": "ofrecido",
  "file.state_moving": "en curso",
  "file.state_checking": "comprobando",
  "file.state_done": "hecho",
  "file.state_rejected": "rechazado",
  "file.state_cancelled": "detenido",
  "file.state_failed": "fallido",
  "file.bar_left": "faltan {left}",
  "file.bars_more": { one: "+{count} archivo más", other: "+{count} archivos más" },
  "file.send_nobody": "nadie aceptó {name} en {wait}",
  "file.send_done": "{name} entregado a {nicks}, SHA-256 comprobado",

  // ---- doctor: findings and fixes ---------------------------------------------------
  "doctor.clock": "reloj",
  "doctor.clock_of": "reloj ({subject})",
  "doctor.server_named": 'servidor "{name}"',
  "doctor.fix_time": "pon la fecha, y que se mantenga: sudo timedatectl set-ntp true",
  "doctor.fix_time_both":
    "pon la fecha, y que se mantenga: sudo timedatectl set-ntp true — en las dos máquinas",
  "doctor.clock_impossible": "este ordenador dice {now}, y eso no puede ser",
  "doctor.clock_certificate":
    "su certificado no es válido según este reloj ({now}): uno de los dos relojes va desviado una hora o más ({reason})",
  "doctor.clock_started_ahead":
    "dice que arrancó dentro de {minutes} min: su reloj va por delante de este",
  "doctor.clock_ahead":
    "su reloj va {seconds} s por delante de este: las horas de los mensajes se verán mal, y pasada una hora TLS falla",
  "doctor.clock_behind":
    "su reloj va {seconds} s por detrás de este: las horas de los mensajes se verán mal, y pasada una hora TLS falla",
  "doctor.clock_within": "este ordenador dice {now}, a menos de {seconds} s de {peers}",
  "doctor.clock_none_ahead":
    "este ordenador dice {now}; ningún servidor registrado va por delante (no se comprueba si van por detrás: el protocolo v1 no envía la hora del servidor antes de entrar)",
  "doctor.clock_not_compared":
    "este ordenador dice {now}; no se comparó con el de un servidor (indica --registry o --server para comparar)",
  "doctor.subject_key": "clave {path}",
  "doctor.subject_ca": "archivo de CA {path}",
  "doctor.ca_ok": "un certificado de CA vigente: los servidores de chat se comprueban con él",
  "doctor.subject_host_key": "clave de anfitrión {path}",
  "doctor.subject_port": "puerto {port}",
  "doctor.subject_registry": "registro {where}",
  "doctor.subject_server": "servidor {where}",
  "doctor.subject_listed": 'servidor "{name}" {where}',
  "doctor.circle_key": "una clave de círculo, huella {fingerprint}",
  "doctor.host_key": "una clave de anfitrión, huella {fingerprint}",
  "doctor.key_readable": "otros usuarios de este ordenador pueden leerla",
  "doctor.fix_chmod": "ejecuta: chmod 600 {path}",
  "doctor.key_private": "solo tú puedes leerla (modo 0600)",
  "doctor.no_host_key": "no hay ninguna aquí: solo el anfitrión la necesita",
  "doctor.fix_find_port": "averigua qué es con: sudo ss -ltnp 'sport = :{port}'",
  "doctor.port_free": "libre: un registro o servidor de stealth puede escuchar en él",
  "doctor.port_privileged": "los puertos por debajo de 1024 necesitan privilegios",
  "doctor.fix_port_above": "elige un puerto por encima de 1024",
  "doctor.port_in_use_unknown": "en uso, y sin una clave doctor no puede saber por qué",
  "doctor.port_other_program": "ocupado por otro programa",
  "doctor.fix_stop_or_move": "{find} — páralo, o elige otro puerto con --port",
  "doctor.port_foreign": "ocupado por un stealth de otro círculo (otro secret.key)",
  "doctor.fix_stop_or_port": "páralo, o elige otro puerto con --port",
  "doctor.port_our_registry": "un registro de stealth de tu círculo está escuchando",
  "doctor.port_our_server": "un servidor de chat de stealth de tu círculo está escuchando",
  "doctor.no_lan": "esta máquina no tiene dirección de red local: solo ella puede llegar al puerto",
  "doctor.lan_reachable": "accesible en la dirección de red local {where}",
  "doctor.lan_not_registry":
    "el registro responde en esta máquina pero no en su dirección de red local {where}",
  "doctor.lan_not_server":
    "el servidor de chat responde en esta máquina pero no en su dirección de red local {where}",
  "doctor.fix_listen_all":
    "solo escucha en una dirección: arráncalo con --host 0.0.0.0 (lo predeterminado)",
  "doctor.fix_firewall":
    "puede que un cortafuegos lo bloquee: permite TCP {port} (p. ej. sudo ufw allow {port}/tcp)",
  "doctor.dns_found": "{host} es {addresses}",
  "doctor.dns_missing": "no se encuentra {host}",
  "doctor.fix_dns":
    "revisa el nombre, o usa la dirección IP del anfitrión (`stealth up` la muestra)",
  "doctor.port_open": "el puerto {port} está abierto",
  "doctor.tls_ok_external": "TLS 1.3 con un certificado de la CA de --ca",
  "doctor.tls_ok": "TLS 1.3 con un certificado de la CA de tu círculo",
  "doctor.registry_proved": "el registro demostró que tiene la clave de tu círculo",
  "doctor.no_servers": "no hay ningún servidor de chat registrado",
  "doctor.servers": {
    one: "{count} servidor de chat: {names}",
    other: "{count} servidores de chat: {names}",
  },
  "doctor.server_proved": "el servidor de chat demostró que tiene la clave de tu círculo",
  "doctor.server_accepted": "el servidor de chat aceptó la prueba de tu clave",
  "doctor.nothing_listens": "nada escucha en el puerto {port}",
  "doctor.fix_run_registry": "¿está en marcha `stealth up` (o `stealth registry`) allí?",
  "doctor.fix_run_server": "¿está en marcha `stealth up` (o `stealth server`) allí?",
  "doctor.no_answer": "no hay respuesta en el puerto {port}",
  "doctor.fix_remote_firewall":
    "revisa la dirección; puede que un cortafuegos de esa máquina lo descarte (allí: sudo ufw allow {port}/tcp)",
  "doctor.fix_network": "revisa la dirección y que estás en su red",
  "doctor.tls_foreign":
    "su certificado no es de tu círculo: el stealth de otro círculo, u otro programa",
  "doctor.fix_compare_or_ca":
    "compara `stealth fingerprint` con la del anfitrión; si el anfitrión usa su propio certificado (stealth server --cert), pasa su CA con --ca",
  "doctor.fix_compare_fingerprints":
    "compara `stealth fingerprint` con la del anfitrión; si difieren, consigue el secret.key del anfitrión",
  "doctor.tls_dates": "su certificado no es válido según el reloj de este ordenador",
  "doctor.fix_dates": "revisa la fecha en las dos máquinas (mira la línea del reloj)",
  "doctor.fix_is_registry": "¿es el puerto {port} un registro de stealth?",
  "doctor.fix_is_server": "¿es el puerto {port} un servidor de chat de stealth?",
  "doctor.registry_foreign": "este registro no es de tu círculo",
  "doctor.server_foreign": "este servidor de chat no es de tu círculo",
  "doctor.fix_key_differs":
    "tu secret.key es distinto del del anfitrión: comparad `stealth fingerprint` en los dos",
  "doctor.found_server": "en este puerto hay un servidor de chat de stealth, no un registro",
  "doctor.found_registry":
    "en este puerto hay un registro de stealth (o un interlocutor p2p), no un servidor de chat",
  "doctor.fix_registry_port": "el registro está por defecto en el puerto 5556",
  "doctor.fix_server_port": "los servidores de chat están por defecto en el puerto 5555",
  "doctor.throttled": "demasiadas pruebas fallidas desde esta dirección",
  "doctor.fix_wait": "espera {wait} y vuelve a ejecutar doctor",
  "doctor.all_passed": "todas las comprobaciones pasaron",
  "doctor.failed": {
    one: "{count} comprobación falló: mira las líneas ✗",
    other: "{count} comprobaciones fallaron: mira las líneas ✗",
  },
  "doctor.fix_host_port": "escríbelo como HOST[:PORT], p. ej. pi.local:{port}",
  "doctor.no_key_to_probe": "sin probar: no hay clave con la que probar",

  // ---- log: warnings and errors the logger shows (templates: {names} are the record's) ----
  "log.wrong_key":
    "Conexión rechazada de {address}: clave equivocada ({failures} fallos hasta ahora)",
  "log.wrong_host_key": "Una conexión de {address} mostró una clave de anfitrión equivocada",
  "log.listener_error": "Error del servidor de escucha: {error}",
  "log.foreign_certificate":
    "Conexión rechazada de {address}: tiene otra clave (no es de este círculo)",
  "log.handler_threw": "El manejador de conexiones falló: {error}",
  "log.registry_renew_failed": "No se puede renovar el certificado del registro: {error}",
  "log.renew_failed": "No se puede renovar el certificado: {error}",
  "log.bans_failed": "No se pueden guardar los vetos: {error}",
  "log.listener_threw": "Un receptor de eventos del chat falló: {error}",
  "log.file_failed": "No se puede escribir el archivo de log: {reason}",
});
