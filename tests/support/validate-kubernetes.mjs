// Validates Kubernetes objects against the OpenAPI schema shipped in `kubernetes-models` (no network).
// stdin: JSON list of {name, object}; stdout: JSON list of {name, kind, error} for every invalid or
// unknown object (empty when all are valid). Run by tests/kubernetes-plan.test.ts: the package is
// ESM-only, so it is loaded here rather than from the CommonJS test process.

const input = JSON.parse(await new Promise((resolve) => {
    let text = "";
    process.stdin.on("data", (chunk) => (text += chunk));
    process.stdin.on("end", () => resolve(text));
}));

const problems = [];
for (const { name, object } of input) {
    const { apiVersion, kind } = object;
    const modulePath = `kubernetes-models/${apiVersion}`;
    let model;
    try {
        model = (await import(modulePath))[kind];
    } catch (e) {
        problems.push({ name, kind, error: `no schema for ${apiVersion}: ${e.message}` });
        continue;
    }
    if (typeof model !== "function") {
        problems.push({ name, kind, error: `no schema for kind ${kind} in ${apiVersion}` });
        continue;
    }
    try {
        new model(object).validate();
    } catch (e) {
        problems.push({ name, kind, error: e.message });
    }
}
process.stdout.write(JSON.stringify(problems));
