// Objects keyed by data (labels, licences, sources): a key is always an own property, even one
// named "__proto__", "constructor" or "toString", which a plain `o[k] = …` would turn into a
// prototype change or read from Object.prototype (a label "constructor" counted as NaN, a label
// "__proto__" dropped).
const has = Object.prototype.hasOwnProperty;

export function getOwn<T>(o: Readonly<Record<string, T>>, key: string): T | undefined {
  return has.call(o, key) ? o[key] : undefined;
}

export function setOwn<T>(o: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(o, key, { value, writable: true, enumerable: true, configurable: true });
}

export function addOwn(o: Record<string, number>, key: string, n = 1): void {
  setOwn(o, key, (getOwn(o, key) ?? 0) + n);
}
