/** Replaces configured secret values in text bound for the console, logs or reports. */
export function createRedactor(secrets: string[]): (text: string) => string {
  // Longest first, so a secret that contains another is replaced whole.
  const values = [...new Set(secrets.filter((secret) => secret.length > 0))].sort(
    (a, b) => b.length - a.length,
  );
  return (text) => values.reduce((out, secret) => out.split(secret).join('[redacted]'), text);
}
