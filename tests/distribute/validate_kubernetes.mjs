// Validates Kubernetes objects against the Kubernetes OpenAPI schema of their kinds, through
// kubernetes-models (npm, tools/lint; ALBSIM_LINT_MODULES names its node_modules). Args: JSON
// files, each an array of objects. Prints one line per object; exit 1 on the first invalid one.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const models = {
  "v1/PersistentVolumeClaim": "kubernetes-models/v1/PersistentVolumeClaim.js",
  "v1/ConfigMap": "kubernetes-models/v1/ConfigMap.js",
  "batch/v1/Job": "kubernetes-models/batch/v1/Job.js",
};
const lint = process.env.ALBSIM_LINT_MODULES;
for (const file of process.argv.slice(2)) {
  for (const object of JSON.parse(readFileSync(file, "utf8"))) {
    const kind = `${object.apiVersion}/${object.kind}`;
    if (!models[kind]) {
      console.error(`FAIL: ${file}: no schema for ${kind}`);
      process.exit(1);
    }
    const Model = Object.values(await import(pathToFileURL(join(lint, models[kind])).href))[0];
    try {
      new Model(object).validate();
    } catch (e) {
      console.error(`FAIL: ${file}: ${kind} ${object.metadata?.name}: ${e.message}`);
      process.exit(1);
    }
    console.log(`valid: ${kind} ${object.metadata.name}`);
  }
}
