/** Default store file, relative to the working directory. */
export const DEFAULT_STORE_PATH = './vigil.duckdb';

/** Where the store lives: `--store PATH` > env `VIGIL_STORE` > `./vigil.duckdb`. Empty values count as unset. */
export function resolveStorePath(flag?: string, env: NodeJS.ProcessEnv = process.env): string {
  if (flag) return flag;
  const fromEnv = env.VIGIL_STORE;
  return fromEnv ? fromEnv : DEFAULT_STORE_PATH;
}
