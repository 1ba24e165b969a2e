/**
 * `@peculiar/x509` for tests that build certificates the circle never makes
 * (intermediates, other roots), with its `reflect-metadata` prerequisite.
 *
 * @module
 */

import "reflect-metadata";
import * as x509 from "@peculiar/x509";

export default x509;
