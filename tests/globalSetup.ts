// Tests that run the CLI or the browser-mode server use the bundles; build the main process first.
export default async function setup(): Promise<void> {
  // @ts-expect-error plain ESM build script without types
  const { buildMain } = await import('../scripts/build.mjs');
  await buildMain();
}
