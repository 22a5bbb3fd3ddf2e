// Credentials of the serverless tier's applications on Alibaba Cloud (SAE): how a password reaches
// an application without appearing in its environment. Pure: no @pulumi import.

/** The ConfigMap keys of the database and cache passwords. */
export const DATABASE_PASSWORD_KEY = "DATABASE_PASSWORD";
export const REDIS_PASSWORD_KEY = "REDIS_PASSWORD";

/**
 * The `envs` of an SAE application (CreateApplication `Envs`, a JSON array): plain variables
 * `{name, value}` (empty values left out) and variables that reference one key of a namespace
 * ConfigMap, `{name, valueFrom: {configMapRef: {configMapId, key}}}` with the ConfigMap's numeric id
 * (alibabacloud sae20190506 CreateApplicationRequest.Envs: "valueFrom ... configMapRef ...
 * configMapId: The configuration item ID ... key", example `"configMapId": 100`). A reference
 * carries only the id and key, never the value.
 */
export function saeEnvs(values: readonly { readonly name: string; readonly value: string }[], refs: readonly { readonly name: string; readonly configMapId: string; readonly key: string }[]): string {
    return JSON.stringify([
        ...values.filter((e) => e.value !== ""),
        ...refs.map((r) => {
            const id = Number(r.configMapId);
            if (!/^[0-9]+$/.test(r.configMapId) || !Number.isSafeInteger(id)) throw new RangeError(`SAE ConfigMap id ${JSON.stringify(r.configMapId)} of ${r.name} is not a ConfigMapId (a decimal number)`);
            return { name: r.name, valueFrom: { configMapRef: { configMapId: id, key: r.key } } };
        }),
    ]);
}
