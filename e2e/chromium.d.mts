// Types of chromium.mjs, which scripts/test.mjs runs as plain JavaScript.
export declare const INSTALL_COMMAND: string;
export declare function findChromium(): Promise<string | null>;
export declare function ensureChromium(): Promise<string>;
export declare const CHROMIUM_ARGS: string[];
