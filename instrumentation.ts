// Runs once when a server instance starts; the Node-only work lives in lib/startup.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { registerNode } = await import("@/lib/startup/register-node");
  await registerNode();
}
