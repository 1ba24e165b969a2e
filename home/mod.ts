/**
 * The home folder: where a person's key, settings and log live. Knows paths,
 * not contents; servers read the key from here and write nothing.
 *
 * @module
 */

export { type HomeEnv, type HomePaths, homePaths, type Os, resolveHome } from "./resolve_home.ts";
export { writePrivateFile } from "./write_private_file.ts";
