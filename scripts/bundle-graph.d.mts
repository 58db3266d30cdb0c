export interface Chunk {
  file: string;
  isEntry: boolean;
  imports: string[];
  dynamicImports: string[];
  modules: string[];
}
export interface LazyGroup {
  name: string;
  patterns: RegExp[];
  mustExist: boolean;
}
export const LAZY_GROUPS: LazyGroup[];
export function initialChunks(chunks: Chunk[]): Chunk[];
export function checkLazyGroups(chunks: Chunk[], groups?: LazyGroup[]): { name: string; found: number; inInitial: { module: string; chunk: string }[]; missing: boolean }[];
