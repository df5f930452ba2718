import { JsonObject } from './event.types';

/** Turns the data of `type` at `fromVersion` into the data at `fromVersion + 1`. */
export interface Upcaster {
  type: string;
  fromVersion: number;
  upcast(data: JsonObject): JsonObject;
}

/** Upcasters by type and schema version, applied in a chain on read (v1 → v2 → v3 …). */
export class UpcasterRegistry {
  private readonly byKey = new Map<string, Upcaster>();

  register(...upcasters: Upcaster[]): this {
    for (const u of upcasters) {
      const key = `${u.type}@${u.fromVersion}`;
      if (this.byKey.has(key)) throw new Error(`Two upcasters for ${key}`);
      this.byKey.set(key, u);
    }
    return this;
  }

  apply(type: string, schemaVersion: number, data: JsonObject): [number, JsonObject] {
    let version = schemaVersion;
    let current = data;
    for (
      let u = this.byKey.get(`${type}@${version}`);
      u;
      u = this.byKey.get(`${type}@${version}`)
    ) {
      current = u.upcast(current);
      version += 1;
    }
    return [version, current];
  }

  /** The event at its latest schema version: the same object when no upcaster applies. */
  upcast<E extends { type: string; schemaVersion: number; data: JsonObject }>(event: E): E {
    if (this.isEmpty) return event;
    const [schemaVersion, data] = this.apply(event.type, event.schemaVersion, event.data);
    return schemaVersion === event.schemaVersion ? event : { ...event, schemaVersion, data };
  }

  get isEmpty(): boolean {
    return this.byKey.size === 0;
  }
}
