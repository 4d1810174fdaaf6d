// What the sandbox grants when the caller names no products (Finch's documented default). The list
// of product names Finch accepts is shared with the app: lib/finch/spec/products.ts.
export const DEFAULT_SANDBOX_PRODUCTS = ["company", "directory", "individual", "employment"];
