import { EventEmitter } from 'node:events';

/**
 * Told, in this process, when a person's sessions or role changed (logout, password change,
 * removal, a new role), after the change committed. The gateway of the same process drops what
 * it remembers of that person at once; a gateway in another process notices within its
 * recheck interval (README, Accounts).
 */
export interface SessionChange {
  userId: string;
  /** The organization concerned; undefined: every organization of the person. */
  organizationId?: string;
}

class SessionChanges extends EventEmitter {
  announce(change: SessionChange): void {
    this.emit('change', change);
  }

  subscribe(listener: (change: SessionChange) => void): () => void {
    this.on('change', listener);
    return () => this.off('change', listener);
  }
}

export const sessionChanges = new SessionChanges();
sessionChanges.setMaxListeners(100);
