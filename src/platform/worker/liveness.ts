// Notices an engine worker that is gone without an error event (the browser ends a worker
// that runs out of memory without telling the page) or that no longer answers, so the page
// does not wait forever on a call. Two signals:
// - a life lock: the worker holds a Web Lock for as long as it lives; the browser releases it
//   when the worker ends, however it ends, and the page's request for it is then granted;
// - a watchdog while a call is pending: a ping that needs no engine work must be answered in
//   time. The engine runs SQL synchronously, so a long query delays the answer: the limit is
//   minutes, far beyond any query we run, and only a worker that stopped misses it.

/** The message the worker posts once it holds its life lock. */
export interface LifeLockHeld {
  readonly pipelensLifeLock: string;
}

export const isLifeLockHeld = (data: unknown, name: string): boolean =>
  typeof data === 'object' && data !== null && (data as Partial<LifeLockHeld>).pipelensLifeLock === name;

/** The part of the Web Locks API both sides use. */
export interface Locks {
  request(name: string, callback: () => Promise<unknown> | unknown): Promise<unknown>;
}

/** Worker side: takes the lock for good and tells the page it holds it. */
export async function holdLifeLock(name: string, locks: Locks | undefined, post: (message: LifeLockHeld) => void): Promise<void> {
  if (!locks || !name) return;
  await new Promise<void>((held) => {
    void locks.request(name, () => {
      held();
      return new Promise(() => {}); // held until the worker ends
    });
  });
  post({ pipelensLifeLock: name });
}

interface MessageSource {
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

/** Page side: resolves when the worker that holds the lock has ended; never without Web Locks. */
export function lifeLockReleased(worker: MessageSource, name: string, locks: Locks | undefined): Promise<void> {
  if (!locks) return new Promise(() => {});
  return new Promise((released) => {
    const onHeld = (event: MessageEvent) => {
      if (!isLifeLockHeld(event.data, name)) return;
      worker.removeEventListener('message', onHeld);
      // Granted only once the worker's hold is gone; released again at once.
      void locks.request(name, () => released());
    };
    worker.addEventListener('message', onHeld);
  });
}

export interface WatchdogOptions {
  /** Pause between pings while a call is pending. */
  readonly intervalMs: number;
  /** How long a ping may stay unanswered before the worker counts as stopped. */
  readonly unresponsiveMs: number;
}

/** Ten minutes: a worker busy loading millions of rows answers no ping until the load is done. */
export const WATCHDOG: WatchdogOptions = { intervalMs: 5_000, unresponsiveMs: 600_000 };

export interface Watch {
  /** Rejects when a ping went unanswered for too long. */
  readonly failed: Promise<never>;
  stop(): void;
}

export function watchdog(ping: () => Promise<unknown>, options: WatchdogOptions): Watch {
  let stopped = false;
  let next: ReturnType<typeof setTimeout> | undefined;
  let limit: ReturnType<typeof setTimeout> | undefined;
  const failed = new Promise<never>((_resolve, reject) => {
    const round = () => {
      if (stopped) return;
      limit = setTimeout(() => {
        const seconds = Math.round(options.unresponsiveMs / 1000);
        reject(Object.assign(new Error(`the worker stopped answering (no reply for ${seconds} s)`), { name: 'EngineDied' }));
      }, options.unresponsiveMs);
      const answered = () => {
        clearTimeout(limit);
        if (!stopped) next = setTimeout(round, options.intervalMs);
      };
      ping().then(answered, answered);
    };
    next = setTimeout(round, options.intervalMs);
  });
  failed.catch(() => {}); // nobody may be listening when the call settles first
  return {
    failed,
    stop: () => {
      stopped = true;
      clearTimeout(next);
      clearTimeout(limit);
    },
  };
}
