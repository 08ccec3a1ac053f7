import type { Store } from '../store/types.js';

/** Lets async sections hold the service's store one at a time, in the order they asked. */
export class Mutex {
  private tail: Promise<void> = Promise.resolve();

  /** Waits for the sections before; the returned function lets the next one in. */
  async acquire(): Promise<() => void> {
    const before = this.tail;
    let release = () => {};
    this.tail = new Promise<void>((resolve) => {
      release = resolve;
    });
    await before;
    return release;
  }

  async run<T>(section: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await section();
    } finally {
      release();
    }
  }
}

/**
 * A view of `store` whose every statement waits for `lock`: for work that keeps no transaction open across
 * calls (the outbox's deliverer, whose sends to sinks then run without holding the store).
 */
export function lockedStore(store: Store, lock: Mutex): Store {
  return {
    dialect: store.dialect,
    query: (sql) => lock.run(() => store.query(sql)),
    exec: (sql) => lock.run(() => store.exec(sql)),
    ensureTable: (table, columns) => lock.run(() => store.ensureTable(table, columns)),
    append: (table, columns, rows) => lock.run(() => store.append(table, columns, rows)),
    close: async () => {},
  };
}
