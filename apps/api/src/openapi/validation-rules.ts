import { DECORATORS, type SchemaObject } from '@nestjs/swagger';
import { getMetadataStorage, ValidationTypes } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import { DATE_RULE_SCHEMAS } from '../validation/iso-dates';
import { presentOnly } from '../validation/optional';

/**
 * The validation rules are the truth; the OpenAPI document repeats them. Before Swagger reads the DTOs, every
 * class-validator rule of every validated class is written into the property's Swagger metadata (pattern,
 * enum, integer, bounds, lengths, item rules, date formats, required), so request bodies and query parameters
 * are documented with exactly the constraints the global ValidationPipe enforces, without a second hand-kept
 * copy in @ApiProperty. A rule this file cannot express fails the document's creation, so a new kind of rule
 * is never silently undocumented.
 */

/** What @ApiProperty keeps per property: a schema whose `type` may be a class and `required` a flag. */
/** A request class, as class-validator keys its rules. */
type RequestClass = abstract new (...args: never[]) => object;

type PropertyMetadata = Omit<SchemaObject, 'required' | 'type'> & {
  required?: boolean;
  isArray?: boolean;
  type?: unknown;
};

/** What one rule says about a value, as JSON Schema. */
function ruleSchema(rule: ValidationMetadata, where: string): SchemaObject {
  const [a, b] = rule.constraints ?? [];
  switch (rule.name) {
    case 'matches': {
      const pattern = a instanceof RegExp ? a : new RegExp(String(a), b as string | undefined);
      if (pattern.flags.replace(/[gu]/g, '') !== '')
        throw new Error(`${where}: the pattern's flags (${pattern.flags}) have no OpenAPI form`);
      return { pattern: pattern.source };
    }
    case 'isIn':
      return { enum: [...(a as unknown[])] };
    case 'isInt':
      return { type: 'integer' };
    case 'isNumber':
      return { type: 'number' };
    case 'isBoolean':
      return { type: 'boolean' };
    case 'isString':
      return { type: 'string' };
    case 'isArray':
      return { type: 'array' };
    case 'isObject':
      return { type: 'object' };
    case 'min':
      return { minimum: a as number };
    case 'max':
      return { maximum: a as number };
    case 'isLength':
      return { minLength: a as number, ...(b !== undefined ? { maxLength: b as number } : {}) };
    case 'minLength':
      return { minLength: a as number };
    case 'maxLength':
      return { maxLength: a as number };
    case 'arrayMinSize':
      return { minItems: a as number };
    case 'arrayMaxSize':
      return { maxItems: a as number };
    default: {
      const dates = rule.name ? DATE_RULE_SCHEMAS[rule.name] : undefined;
      if (dates) return dates;
      throw new Error(`${where}: no OpenAPI form for the validation rule "${rule.name}"`);
    }
  }
}

/** Every validated class and its own rules, from class-validator's one global store. */
function validatedClasses(): Map<RequestClass | string, ValidationMetadata[]> {
  const store = (getMetadataStorage() as unknown as { validationMetadatas?: unknown }).validationMetadatas;
  if (!(store instanceof Map)) throw new Error('class-validator keeps its rules elsewhere than expected');
  return store as Map<RequestClass | string, ValidationMetadata[]>;
}

/** Rules that say nothing about the value's schema: nesting is the $ref, whitelisting the class itself. */
const STRUCTURAL = new Set<string>([
  ValidationTypes.NESTED_VALIDATION,
  ValidationTypes.WHITELIST,
  ValidationTypes.PROMISE_VALIDATION,
]);

function documentProperty(target: RequestClass, property: string, rules: ValidationMetadata[]): void {
  const prototype = target.prototype as object;
  const where = `${target.name}.${property}`;
  const existing = (Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES, prototype, property) ??
    {}) as PropertyMetadata;
  const value: SchemaObject = {};
  const items: SchemaObject = { ...(existing.items as SchemaObject | undefined) };
  let optional = false;
  let nullable = false;
  for (const rule of rules) {
    if (rule.type === ValidationTypes.CONDITIONAL_VALIDATION) {
      optional = true;
      // class-validator's own IsOptional (and any other condition) also lets null through unchecked.
      nullable = rule.constraints?.[0] !== presentOnly;
    } else if (rule.type === ValidationTypes.IS_DEFINED) optional = false;
    else if (!STRUCTURAL.has(rule.type)) Object.assign(rule.each ? items : value, ruleSchema(rule, where));
  }
  // A nested class stays its $ref: IsObject or IsArray say nothing its schema does not already say.
  if (isClass(existing.type)) delete value.type;
  const isArray = existing.isArray === true || value.type === 'array' || Object.keys(items).length > 0;
  const merged: PropertyMetadata = { ...existing, ...value, required: !optional };
  if (nullable) merged.nullable = true;
  if (value.type === undefined && existing.type === undefined)
    merged.type = Reflect.getMetadata('design:type', prototype, property);
  if (isArray) {
    // Swagger writes `type` of an array property as its items' type; the item rules go into `items`.
    merged.isArray = true;
    if (value.type === 'array') merged.type = existing.type;
    if (Object.keys(items).length > 0) merged.items = { type: itemType(existing), ...items };
  }
  if (!Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES, prototype, property)) {
    const listed = (Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES_ARRAY, prototype) ?? []) as string[];
    Reflect.defineMetadata(DECORATORS.API_MODEL_PROPERTIES_ARRAY, [...listed, `:${property}`], prototype);
  }
  Reflect.defineMetadata(DECORATORS.API_MODEL_PROPERTIES, merged, prototype, property);
}

const PRIMITIVES = new Set<unknown>([String, Number, Boolean, Object, Array, Date]);

function isClass(type: unknown): boolean {
  return typeof type === 'function' && !PRIMITIVES.has(type);
}

function itemType(existing: PropertyMetadata): string {
  const type: unknown = (existing.items as SchemaObject | undefined)?.type ?? existing.type;
  if (type === Number) return 'number';
  if (type === Boolean) return 'boolean';
  return typeof type === 'string' && type !== 'array' ? type : 'string';
}

/**
 * Writes the rules of every validated class into its Swagger metadata (idempotent: the rules overwrite what
 * they say). Returns the names of those classes: they are request schemas, closed to unknown properties
 * because the ValidationPipe forbids them.
 */
export function documentValidationRules(): Set<string> {
  const names = new Map<string, RequestClass>();
  for (const [target, rules] of validatedClasses()) {
    if (typeof target !== 'function') continue;
    const other = names.get(target.name);
    if (other && other !== target)
      throw new Error(`two validated classes are named ${target.name}: the document cannot tell them apart`);
    names.set(target.name, target);
    const byProperty = new Map<string, ValidationMetadata[]>();
    for (const rule of rules)
      byProperty.set(rule.propertyName, [...(byProperty.get(rule.propertyName) ?? []), rule]);
    for (const [property, own] of byProperty) documentProperty(target, property, own);
  }
  return new Set(names.keys());
}
