import * as pulumi from "@pulumi/pulumi";
import { RandomPassword } from "@pulumi/random/randomPassword";

/**
 * The master password of the Aurora global database, which Secrets Manager cannot manage for
 * clusters in a global database: 32 characters with upper, lower, digits and special characters
 * RDS accepts (RDS master password: 8-41 printable ASCII characters other than '/', '"', '@' and
 * space). The result stays a secret.
 */
export function globalDatabasePassword(name: string, opts?: pulumi.CustomResourceOptions): RandomPassword {
    return new RandomPassword(
        name,
        { length: 32, special: true, overrideSpecial: "!#%^*-_+=", minUpper: 2, minLower: 2, minNumeric: 2, minSpecial: 2 },
        { ...opts, additionalSecretOutputs: ["result"] },
    );
}

/**
 * The AUTH token of an ElastiCache replication group: 32 letters and digits (ElastiCache User
 * Guide, "Authenticating with the Valkey and Redis OSS AUTH command": 16-128 printable characters,
 * nonalphanumeric characters restricted to !, &, #, $, ^, <, >, -; none are used).
 * The component wraps the result in pulumi.secret.
 */
export function cacheAuthToken(name: string, parent: pulumi.Resource): RandomPassword {
    return new RandomPassword(name, { length: 32, special: false }, { parent });
}
