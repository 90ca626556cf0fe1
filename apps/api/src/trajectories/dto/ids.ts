/** Shapes shared by the command DTOs: codes and pseudonymous references, never free text about a person. */
export const CODE = /^[A-Z][A-Z0-9_]{1,63}$/;
export const REF = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$/;
export const ARRANGEMENT_CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
export const REF_MESSAGE = 'must be a reference id (letters, digits, . _ : -), not free text';
