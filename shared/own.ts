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
  // Once the key is an own data property, plain assignment updates that property (even for
  // "__proto__"): the slow definition is needed only the first time (counts of 100k items).
  if (has.call(o, key)) o[key] += n;
  else setOwn(o, key, n);
}
