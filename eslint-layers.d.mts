// Types for eslint-layers.mjs, which the linter loads as plain JavaScript and the layering test imports.
export declare const LIB_LAYERS: string[][];
export declare const ROOT_FORBIDDEN: string[];
export declare function forbiddenImports(): Record<string, string[]>;
export declare function nestedFolders(folder: string): string[];
export declare function forbiddenImportRegex(folder: string, forbidden: string): string;
