/** A codelist of the iStandaarden (e.g. WJ756 Eenheid): code → its Dutch meaning, as published. */
export interface Codelist {
  /** The codelist's identifier, e.g. `WJ756`. */
  id: string;
  /** Its Dutch name, e.g. `Eenheid`. */
  name: string;
  values: Readonly<Record<string, string>>;
}

export function codelist<V extends Record<string, string>>(id: string, name: string, values: V) {
  return { id, name, values } as const satisfies Codelist;
}

/** The meaning of a code, or undefined when the list does not hold it. */
export function meaningOf(list: Codelist, code: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(list.values, code) ? list.values[code] : undefined;
}
