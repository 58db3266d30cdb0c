export function inputsFingerprint(root?: string): string;
export function writeStamp(options: string[], root?: string): void;
export function isBuildFresh(options: string[], root?: string): boolean;
