export function chromiumExecutable(): string | undefined;
export function chromiumMissingMessage(): string;
export function hasChromium(): boolean;
