// Lints Kubernetes manifests before anyone applies them:
//  1. each object against the Kubernetes API's OpenAPI schema, compiled into kubernetes-models (types, required fields,
//     enums, formats such as int-or-string and quantities);
//  2. no unknown field anywhere (a typo such as `livenesProbe` is otherwise dropped without a word by older clusters), from
//     the field lists of the Kubernetes client's generated models (@kubernetes/client-node);
//  3. the references between the manifests: selectors match the pod labels, named ports exist, referenced ConfigMaps are
//     there;
//  4. Millflow's own rules for a Deployment: non-root, read-only root file system, no privilege escalation, probes and
//     resource requests.
//
//   node lint-manifests.mjs FILE...                 lint the files as one set (exit 1 on any problem)
//   node lint-manifests.mjs --expect-problems FILE  each file must be refused, with the text of its `# expect:` line
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { parseAllDocuments } from "yaml";

const require = createRequire(import.meta.url);
const clientModels = join(dirname(require.resolve("@kubernetes/client-node/package.json")), "dist/gen/models");

/** The objects of the files, each with the file it came from. */
function readObjects(files) {
  const objects = [];
  for (const file of files) {
    for (const document of parseAllDocuments(readFileSync(file, "utf8"))) {
      if (document.errors.length > 0) {
        throw new Error(`${file}: not valid YAML: ${document.errors[0].message}`);
      }
      const object = document.toJS();
      if (object !== null) {
        objects.push({ file, object });
      }
    }
  }
  return objects;
}

function describe({ object }) {
  return `${object.kind ?? "?"}/${object.metadata?.name ?? "?"}`;
}

/** 1. The schema: the kubernetes-models class of the object's apiVersion and kind validates it. */
async function schemaProblems(object) {
  const { apiVersion, kind } = object;
  if (typeof apiVersion !== "string" || typeof kind !== "string") {
    return ["apiVersion and kind are required"];
  }
  let model;
  try {
    model = (await import(`kubernetes-models/${apiVersion}/${kind}`))[kind];
  } catch {
    return [`no schema for apiVersion ${apiVersion}, kind ${kind}`];
  }
  try {
    new model(object).validate();
    return [];
  } catch (error) {
    return error.message.split(", ").map((line) => `schema: ${line}`);
  }
}

/** The client's model class of a type name (V1Container, ...), or null for strings, numbers, IntOrString, any. */
async function clientModel(type) {
  const file = join(clientModels, `${type}.js`);
  return /^[A-Z]\w+$/.test(type) && existsSync(file) ? (await import(file))[type] : null;
}

/** 2. Unknown fields: walks the object along the client's field lists. */
async function unknownFields(value, type, path, problems) {
  const array = /^Array<(.+)>$/.exec(type);
  const map = /^\{ \[key: string\]: (.+); \}$/.exec(type);
  if (array && Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      await unknownFields(item, array[1], `${path}[${index}]`, problems);
    }
    return;
  }
  if (map && value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      await unknownFields(item, map[1], `${path}.${key}`, problems);
    }
    return;
  }
  const model = await clientModel(type);
  if (model === null || value === null || typeof value !== "object" || Array.isArray(value)) {
    return; // a primitive, or a wrong type the schema reports
  }
  const fields = new Map(model.getAttributeTypeMap().map((field) => [field.baseName, field.type]));
  for (const [key, item] of Object.entries(value)) {
    if (!fields.has(key)) {
      problems.push(`unknown field ${path ? `${path}.` : ""}${key} (${type} has ${[...fields.keys()].join(", ")})`);
    } else {
      await unknownFields(item, fields.get(key), path ? `${path}.${key}` : key, problems);
    }
  }
}

function topLevelType({ apiVersion, kind }) {
  const version = apiVersion.split("/").pop();
  return version.charAt(0).toUpperCase() + version.slice(1) + kind;
}

function matches(selector, labels) {
  return Object.entries(selector ?? {}).every(([key, value]) => labels?.[key] === value);
}

function deployments(objects) {
  return objects.map(({ object }) => object).filter((object) => object.kind === "Deployment");
}

/** 3. References between the manifests. */
function referenceProblems(object, objects) {
  const problems = [];
  const workloads = deployments(objects);
  const selected = (selector) => workloads.filter((d) => matches(selector, d.spec?.template?.metadata?.labels));
  if (object.kind === "Deployment") {
    if (!matches(object.spec?.selector?.matchLabels, object.spec?.template?.metadata?.labels)) {
      problems.push("spec.selector.matchLabels does not match spec.template.metadata.labels");
    }
    const configMaps = new Set(objects.filter(({ object: o }) => o.kind === "ConfigMap").map(({ object: o }) => o.metadata?.name));
    for (const container of object.spec?.template?.spec?.containers ?? []) {
      const ports = new Set((container.ports ?? []).map((port) => port.name));
      for (const probe of ["startupProbe", "livenessProbe", "readinessProbe"]) {
        const port = container[probe]?.httpGet?.port;
        if (typeof port === "string" && !ports.has(port)) {
          problems.push(`container ${container.name}: ${probe} names port ${port}, which the container does not declare`);
        }
      }
      for (const source of container.envFrom ?? []) {
        const name = source.configMapRef?.name;
        if (name && !source.configMapRef.optional && !configMaps.has(name)) {
          problems.push(`container ${container.name}: envFrom names ConfigMap ${name}, which is not among the manifests`);
        }
      }
    }
  }
  if (object.kind === "Service") {
    const targets = selected(object.spec?.selector);
    if (targets.length === 0) {
      problems.push("spec.selector selects no Deployment's pods");
    }
    for (const port of object.spec?.ports ?? []) {
      const named = typeof port.targetPort === "string";
      const declared = targets.some((d) => (d.spec.template.spec?.containers ?? [])
        .some((c) => (c.ports ?? []).some((p) => p.name === port.targetPort)));
      if (named && !declared) {
        problems.push(`port ${port.name}: targetPort ${port.targetPort} is no container port of the selected pods`);
      }
    }
  }
  if (object.kind === "PodDisruptionBudget" && selected(object.spec?.selector?.matchLabels).length === 0) {
    problems.push("spec.selector selects no Deployment's pods");
  }
  return problems;
}

/** 4. What Millflow's Deployment must keep (issue 19): a non-root, read-only, probed, sized container. */
function policyProblems(object) {
  if (object.kind !== "Deployment") {
    return [];
  }
  const pod = object.spec?.template?.spec ?? {};
  const problems = [];
  if (pod.securityContext?.runAsNonRoot !== true) {
    problems.push("policy: spec.template.spec.securityContext.runAsNonRoot must be true");
  }
  for (const container of pod.containers ?? []) {
    const rule = (ok, text) => ok || problems.push(`policy: container ${container.name}: ${text}`);
    rule(container.securityContext?.readOnlyRootFilesystem === true, "securityContext.readOnlyRootFilesystem must be true");
    rule(container.securityContext?.allowPrivilegeEscalation === false, "securityContext.allowPrivilegeEscalation must be false");
    rule(container.securityContext?.capabilities?.drop?.includes("ALL"), "securityContext.capabilities.drop must hold ALL");
    rule(container.livenessProbe && container.readinessProbe, "needs a livenessProbe and a readinessProbe");
    rule(container.resources?.requests?.cpu && container.resources?.requests?.memory, "needs cpu and memory requests");
  }
  return problems;
}

async function problemsOf(entry, objects) {
  const problems = await schemaProblems(entry.object);
  if (typeof entry.object.apiVersion === "string" && typeof entry.object.kind === "string") {
    await unknownFields(entry.object, topLevelType(entry.object), "", problems);
  }
  problems.push(...referenceProblems(entry.object, objects), ...policyProblems(entry.object));
  return problems;
}

async function lint(files) {
  const objects = readObjects(files);
  let failed = 0;
  for (const entry of objects) {
    const problems = await problemsOf(entry, objects);
    console.log(`${problems.length === 0 ? "ok" : "FAILED"}: ${entry.file} ${describe(entry)}`);
    problems.forEach((problem) => console.log(`  ${problem}`));
    failed += problems.length === 0 ? 0 : 1;
  }
  console.log(`manifest lint: ${objects.length - failed} passed, ${failed} failed`);
  return failed === 0;
}

/** The lint itself can fail: each broken manifest must be refused, for the reason its `# expect:` line gives. */
async function expectProblems(files) {
  let failed = 0;
  for (const file of files) {
    const expected = /^# expect: (.+)$/m.exec(readFileSync(file, "utf8"))?.[1];
    const objects = readObjects([file]);
    const problems = (await Promise.all(objects.map((entry) => problemsOf(entry, objects)))).flat();
    const refused = expected !== undefined && problems.some((problem) => problem.includes(expected));
    console.log(`${refused ? "ok" : "FAILED"}: ${file} refused${refused ? "" : ` (expected '${expected}', got: ${problems.join("; ") || "nothing"})`}`);
    failed += refused ? 0 : 1;
  }
  console.log(`manifest lint self-test: ${files.length - failed} passed, ${failed} failed`);
  return failed === 0;
}

const args = process.argv.slice(2);
const passed = args[0] === "--expect-problems" ? await expectProblems(args.slice(1)) : await lint(args);
process.exit(passed ? 0 : 1);
