// Notices when the server or its database stops answering and shows it in a banner; while it is
// down it asks /api/health every few seconds, and once it answers again the banner says so, goes
// away, and the explorer refreshes what it had failed to load, without a page reload.

import { el, replaceChildren } from '../ui/dom.ts';

/** What /api/health said (or that the server itself could not be reached). */
export type HealthState = { ok: true } | { ok: false; message: string; serverDown?: boolean };

export interface ConnectionWatchOptions {
  /** The banner element; hidden while all is well. */
  banner: HTMLElement;
  /** Asks the server whether it and its database answer. */
  checkHealth: () => Promise<HealthState>;
  /** Called once each time the database answers again after being unreachable. */
  onRecovered: () => void;
  /** Checks while all is well, to notice an outage before the person runs something (ms). */
  healthyIntervalMs?: number;
  /** Checks while the database is unreachable (ms). */
  unhealthyIntervalMs?: number;
  /** How long the "connected again" note stays (ms). */
  recoveredNoteMs?: number;
}

const DEFAULTS = { healthyIntervalMs: 15_000, unhealthyIntervalMs: 2_000, recoveredNoteMs: 4_000 };

/** /api/health read without a token prompt (health is open); any failure becomes a message. */
export async function fetchHealthState(): Promise<HealthState> {
  let response: Response;
  try {
    response = await fetch('/api/health', { cache: 'no-store' });
  } catch {
    return { ok: false, message: 'No answer from the Lagebild server. Is it running?', serverDown: true };
  }
  if (response.ok) return { ok: true };
  const body = (await response.json().catch(() => ({}))) as { message?: unknown };
  return {
    ok: false,
    message:
      typeof body.message === 'string'
        ? body.message
        : `The server answered ${response.status} to /api/health.`,
  };
}

export class ConnectionWatch {
  private readonly options: Required<ConnectionWatchOptions>;
  private down = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private noteTimer: ReturnType<typeof setTimeout> | undefined;
  private checking: Promise<void> | undefined;

  constructor(options: ConnectionWatchOptions) {
    this.options = { ...DEFAULTS, ...options };
  }

  /** True while the database is known to be unreachable. */
  get unreachable(): boolean {
    return this.down;
  }

  /** Starts the regular checks. */
  start(): void {
    this.schedule();
  }

  /**
   * A request failed in a way that may mean the database is gone (503, or no answer at all):
   * show it at once with the request's own message, then let health decide when it is back.
   */
  reportUnavailable(message: string, options: { serverDown?: boolean } = {}): void {
    this.markDown(message, options.serverDown ?? false);
  }

  /** Checks health now (a second call while one runs waits for that one). */
  checkNow(): Promise<void> {
    this.checking ??= this.check().finally(() => (this.checking = undefined));
    return this.checking;
  }

  private async check(): Promise<void> {
    const state = await this.options.checkHealth();
    if (state.ok) this.markUp();
    else this.markDown(state.message, state.serverDown ?? false);
    this.schedule();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    const delay = this.down ? this.options.unhealthyIntervalMs : this.options.healthyIntervalMs;
    this.timer = setTimeout(() => void this.checkNow(), delay);
  }

  private markDown(message: string, serverDown: boolean): void {
    const wasDown = this.down;
    this.down = true;
    clearTimeout(this.noteTimer);
    this.render('down', message, serverDown);
    if (!wasDown) this.schedule();
  }

  private markUp(): void {
    if (!this.down) return;
    this.down = false;
    this.render('recovered', 'The database answers again. Go on working; nothing needs reloading.');
    this.noteTimer = setTimeout(() => this.render('hidden', ''), this.options.recoveredNoteMs);
    this.options.onRecovered();
  }

  private render(state: 'down' | 'recovered' | 'hidden', message: string, serverDown = false): void {
    const banner = this.options.banner;
    banner.dataset.state = state;
    banner.hidden = state === 'hidden';
    if (state === 'hidden') return replaceChildren(banner, []);
    if (state === 'recovered')
      return replaceChildren(banner, [el('strong', { text: 'Connected again.' }), ' ', message]);
    const seconds = Math.round(this.options.unhealthyIntervalMs / 1000);
    replaceChildren(banner, [
      el('strong', {
        text: serverDown ? 'The Lagebild server cannot be reached.' : 'The database cannot be reached.',
      }),
      ' ',
      el('span', { class: 'connection-message', text: message }),
      ' ',
      el('span', {
        class: 'connection-retry',
        text: `Checking again every ${seconds} s; the explorer reconnects on its own.`,
      }),
      ' ',
      el('button', { text: 'Check now', on: { click: () => void this.checkNow() } }),
    ]);
  }
}
