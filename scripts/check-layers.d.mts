export interface Layer {
  name: string;
  folder: string;
  mayImport: string[];
  testsMayImport?: string[];
  forbidPackages?: string[];
  eachFolderIsolated?: boolean;
}
export interface LayersConfig {
  root: string;
  layers: Layer[];
}
export interface Problem {
  rule: "package" | "unresolved" | "test-import" | "layer" | "isolated" | "cycle";
  file: string;
  line: number;
  target: string;
  message: string;
}
export interface Edge {
  to: string;
  line: number;
  kind: "value" | "type" | "dynamic";
}
export function isTestFile(file: string): boolean;
export function importsOf(file: string, text: string): { specifier: string; line: number; kind: Edge["kind"] }[];
export function checkLayers(root: string, config: LayersConfig): { files: string[]; graph: Map<string, Edge[]>; problems: Problem[] };
export function cyclesOf(graph: Map<string, Edge[]>): { ring: string[]; files: string[] }[];
export function problemKey(problem: Problem): string;
export function againstTodo(problems: Problem[], todoText: string): { tolerated: Problem[]; broken: Problem[]; done: string[] };
