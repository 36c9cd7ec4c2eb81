/**
 * The naming rules of spec/README.md ("Authoring: naming rules") that a machine can check, on the YAML
 * sources and on the bundles: file names, component names, and one response per status and meaning.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { STATUS_CODES } from 'node:http';
import { basename, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { apiIds, loadBundle } from '../src/index.js';
import { componentUses } from './component-uses.js';

/** `starting_after_id`, `customer-events`, `Request-Id`, `campaignId` → `StartingAfterId`, … */
const pascal = (name: string) =>
  name
    .split(/[-_]/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
const isPascal = (name: string) => /^[A-Z][A-Za-z0-9]*$/.test(name);

/** RFC 9110's reason phrases; Node's table still has the names RFC 9110 replaced. */
const reasonPhrase = (status: string) =>
  ({ '413': 'Content Too Large', '422': 'Unprocessable Content' })[status] ?? STATUS_CODES[status] ?? status;

/** The expected name of the example a response component holds: `<Response>Error`. */
const heldExampleName = (response: string) => (response.endsWith('Error') ? response : `${response}Error`);

const componentTypes = ['schemas', 'examples', 'responses', 'parameters', 'headers'] as const;

describe.each(apiIds)('%s naming', (api) => {
  const sourceDir = new URL(`../${api}/`, import.meta.url);
  const doc = loadBundle(api);
  const uses = componentUses(doc);
  /** The YAML files under a folder of the API's sources (an API may lack a component type). */
  const yamlFiles = (folder: string): string[] => {
    const dir = new URL(folder, sourceDir);
    if (!existsSync(dir)) return [];
    return readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.yaml'))
      .sort();
  };

  it('names each path file after its path: slashes as `_`, parameters in braces', () => {
    const root = parse(readFileSync(new URL('openapi.yaml', sourceDir), 'utf8')) as {
      paths: Record<string, { $ref: string }>;
    };
    for (const [path, item] of Object.entries(root.paths))
      expect(item.$ref, path).toBe(`paths/${path.slice(1).replaceAll('/', '_')}.yaml`);
  });

  it.each(componentTypes)('names each of its %s files after the component, in PascalCase', (type) => {
    const names = yamlFiles(`components/${type}/`).map((file) => basename(file, '.yaml'));
    expect(names.sort()).toEqual(Object.keys(doc.components?.[type] ?? {}).sort());
    expect(names.filter((name) => !isPascal(name))).toEqual([]);
  });

  it('keeps each family of schemas in the subfolder named after its common prefix, and only there', () => {
    const files = yamlFiles('components/schemas/');
    for (const folder of new Set(files.map(dirname).filter((dir) => dir !== '.'))) {
      // `customer-events/` holds the `CustomerEvent…` schemas.
      const prefix = pascal(folder).replace(/s$/, '');
      const [inside, outside] = [
        files.filter((f) => dirname(f) === folder),
        files.filter((f) => dirname(f) !== folder),
      ];
      expect(
        inside.filter((file) => !basename(file).startsWith(prefix)),
        folder,
      ).toEqual([]);
      expect(
        outside.filter((file) => basename(file).startsWith(prefix)),
        folder,
      ).toEqual([]);
    }
  });

  it('names a request example <Schema>[Qualifier]Request, after the schema of the body it shows', () => {
    const wrong = uses.examples
      .filter((use) => use.role === 'request')
      .filter(({ example, subjects, operationId }) => {
        const allowed = subjects.length > 0 ? subjects : [pascal(operationId)];
        return !example.endsWith('Request') || !allowed.some((subject) => example.startsWith(subject));
      });
    expect(wrong).toEqual([]);
  });

  it('names a success example <Schema>[Qualifier], after the schema of the body it shows', () => {
    const wrong = uses.examples
      .filter((use) => use.role === 'success')
      .filter(
        ({ example, subjects }) =>
          /(Request|Error)$/.test(example) || !subjects.some((subject) => example.startsWith(subject)),
      );
    expect(wrong).toEqual([]);
  });

  it('names an error example <Response>Error after its response component, or <Situation>Error', () => {
    const wrong = uses.examples
      .filter((use) => use.role === 'error')
      .filter(({ example, heldBy }) =>
        heldBy ? example !== heldExampleName(heldBy) : !example.endsWith('Error'),
      );
    expect(wrong).toEqual([]);
  });

  it('uses each response component for one status only', () => {
    const statuses = new Map<string, Set<string>>();
    for (const { component, status } of uses.responses)
      if (component) statuses.set(component, (statuses.get(component) ?? new Set()).add(status));
    const several = [...statuses]
      .filter(([, set]) => set.size > 1)
      .map(([name, set]) => `${name}: ${[...set]}`);
    expect(several).toEqual([]);
  });

  it("names a status's only response component after its reason phrase, and several after their meanings", () => {
    const byStatus = new Map<string, Set<string>>();
    for (const { component, status } of uses.responses)
      if (component) byStatus.set(status, (byStatus.get(status) ?? new Set()).add(component));
    for (const [status, components] of byStatus) {
      const phrase = reasonPhrase(status).replaceAll(' ', '');
      if (components.size === 1) expect([...components], status).toEqual([phrase]);
      else expect([...components], status).not.toContain(phrase);
    }
  });

  it('gives no two responses of one status the same body: one meaning, one response component', () => {
    const meanings = new Map<string, string>();
    for (const { component, status, body } of uses.responses) {
      if (!component) continue;
      const key = `${status} ${body}`;
      expect(meanings.get(key) ?? component, `${status} ${component}`).toBe(component);
      meanings.set(key, component);
    }
    const inlineRepeats = uses.responses
      .filter(({ component, status, body }) => !component && meanings.has(`${status} ${body}`))
      .map(
        ({ operationId, status, body }) =>
          `${operationId} ${status} repeats ${meanings.get(`${status} ${body}`)}`,
      );
    expect(inlineRepeats).toEqual([]);
  });

  it('names a path or header parameter after the parameter, and a query parameter <Subject><Parameter>', () => {
    const wrong = uses.parameters.filter(({ component, name, in: where }) =>
      where === 'query' ? !component.endsWith(pascal(name)) : component !== pascal(name),
    );
    expect(wrong).toEqual([]);
  });

  it('writes a parameter inline only when no other operation has the same one', () => {
    const operations = new Map<string, string[]>();
    for (const { operationId, definition } of uses.inlineParameters)
      operations.set(definition, [...(operations.get(definition) ?? []), operationId]);
    expect([...operations.values()].filter((ids) => ids.length > 1)).toEqual([]);
  });

  it('names a header component after the header', () => {
    expect(uses.headers.filter(({ component, name }) => component !== pascal(name))).toEqual([]);
  });
});
