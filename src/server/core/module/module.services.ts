/**
 * What one domain makes at start-up for others to use (the indicator matcher, say), passed by a
 * typed key instead of by a parameter that main.ts would have to thread to each consumer.
 * A domain that provides a service is listed before the domains that use it.
 */
export interface ServiceKey<T> {
  readonly name: string;
  /** Carries the type only. */
  readonly _type?: T;
}

export function serviceKey<T>(name: string): ServiceKey<T> {
  return { name };
}

export interface Services {
  provide<T>(key: ServiceKey<T>, value: T): void;
  get<T>(key: ServiceKey<T>): T;
}

export function createServices(): Services {
  const values = new Map<string, unknown>();
  return {
    provide(key, value) {
      if (values.has(key.name)) throw new Error(`service provided twice: ${key.name}`);
      values.set(key.name, value);
    },
    get<T>(key: ServiceKey<T>): T {
      if (!values.has(key.name)) throw new Error(`service not provided (is its domain listed first?): ${key.name}`);
      return values.get(key.name) as T;
    },
  };
}
