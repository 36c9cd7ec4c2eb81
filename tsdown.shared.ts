/**
 * What the builds of the published packages share: code for Node 20, `.js` for ESM and `.cjs` for CommonJS
 * (as their exports maps name them), declarations, and only warnings on the console.
 */
export const packageBuild = {
  platform: 'node',
  target: 'node20',
  fixedExtension: false,
  dts: true,
  logLevel: 'warn',
  inputOptions: { checks: { pluginTimings: false } },
} as const;
