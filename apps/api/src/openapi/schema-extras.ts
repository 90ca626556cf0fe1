import type { SchemaObject } from '@nestjs/swagger';

const EXTRAS = new Map<string, SchemaObject>();

/**
 * JSON Schema keywords of a whole request class that no property decorator can carry (e.g. "exactly one of
 * these properties"), added to the class's schema in the OpenAPI document. The rule itself is checked where
 * it belongs; this only states it in the contract.
 */
export function SchemaExtras(extras: SchemaObject): ClassDecorator {
  return (target) => {
    EXTRAS.set(target.name, extras);
  };
}

export function schemaExtrasByName(): ReadonlyMap<string, SchemaObject> {
  return EXTRAS;
}
