/**
 * A deep copy of a plain JSON value. Trajectory state is JSON by design (it is carried through
 * continue-as-new), so a JSON round trip is an exact copy; `structuredClone` is not available in
 * Temporal's workflow sandbox.
 */
export function jsonCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
