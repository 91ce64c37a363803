import type { Method } from './types.js';

const methods = new Map<string, Method>();

/** Register a calculation method under its name. Names are unique. */
export function registerMethod(m: Method): void {
  if (methods.has(m.name)) throw new Error(`calculation method "${m.name}" is registered twice`);
  methods.set(m.name, m);
}

export function getMethod(name: string): Method | undefined {
  return methods.get(name);
}

export function allMethods(): Method[] {
  return [...methods.values()].sort((a, b) => a.name.localeCompare(b.name));
}
