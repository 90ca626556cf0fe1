import { ValidateIf, type ValidationOptions } from 'class-validator';

/** Validate only when the property is present: `undefined` (left out) skips the rules, `null` does not. */
export function presentOnly(_object: object, value: unknown): boolean {
  return value !== undefined;
}

/**
 * An optional property: it may be left out, and when it is sent it must satisfy its rules. Unlike
 * class-validator's IsOptional, `null` is not "left out": no field of this API takes null, and a null that
 * slipped past validation would reach the domain as a value. The OpenAPI document says exactly this (not
 * required, not nullable; see openapi/validation-rules.ts).
 */
export const Optional = (options?: ValidationOptions): PropertyDecorator => ValidateIf(presentOnly, options);
