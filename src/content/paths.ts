import { join } from 'node:path';
import { packageRoot } from '../core/paths.js';

/** vigil's own detections, macros and stories (`content/` at the package root). */
export function bundledContentDir(): string {
  return join(packageRoot(), 'content');
}
