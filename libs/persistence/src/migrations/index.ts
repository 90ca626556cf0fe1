import { InitialSchema1764000000000 } from './1764000000000-InitialSchema';

/** Every migration, in order. Listed explicitly so the compiled app needs no glob over the file system. */
export const MIGRATIONS = [InitialSchema1764000000000];
