/**
 * Consumer test files record in parallel, each into a pact of its own (Pact merges into an existing file, so
 * two processes must never share one). This joins those parts into one pact per provider, with the
 * interactions in Pact's own order (by description, then provider states), and removes the parts.
 */
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

interface PactPart {
  consumer: { name: string };
  provider: { name: string };
  interactions: { description: string; providerStates?: unknown[] }[];
  metadata: Record<string, unknown>;
}

const orderKey = (interaction: PactPart['interactions'][number]) =>
  `${interaction.description}\u0000${JSON.stringify(interaction.providerStates ?? [])}`;

/** Merges every pact under `partsDir` (any depth) into `outDir`; returns the files written. */
export async function mergePactParts(partsDir: string, outDir: string): Promise<string[]> {
  const files = (await readdir(partsDir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile() && entry.name.endsWith('.json'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  const merged = new Map<string, PactPart>();
  for (const file of files) {
    const part = JSON.parse(await readFile(file, 'utf8')) as PactPart;
    const name = `${part.consumer.name}-${part.provider.name}.json`;
    const into = merged.get(name);
    if (!into) merged.set(name, { ...part, interactions: [...part.interactions] });
    else into.interactions.push(...part.interactions);
  }
  const written: string[] = [];
  for (const [name, pact] of merged) {
    const byKey = new Map<string, PactPart['interactions'][number]>();
    for (const interaction of pact.interactions) {
      const key = orderKey(interaction);
      if (byKey.has(key))
        throw new Error(`${name}: two test files record "${interaction.description}" with the same states`);
      byKey.set(key, interaction);
    }
    pact.interactions = [...byKey.keys()]
      .sort()
      .map((key) => byKey.get(key) as PactPart['interactions'][number]);
    const file = join(outDir, name);
    await writeFile(file, `${JSON.stringify(pact, null, 2)}\n`);
    written.push(file);
  }
  await rm(partsDir, { recursive: true, force: true });
  return written;
}
