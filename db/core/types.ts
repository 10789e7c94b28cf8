import type { Sqlite } from './open';
import type { EventType, StoredEvent } from '../event-types';

export type Projector = { [T in EventType]?: (db: Sqlite, e: StoredEvent<T>) => void };
