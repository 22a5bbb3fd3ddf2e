import * as pulumi from "@pulumi/pulumi";
import { RandomPassword } from "@pulumi/random/randomPassword";

/**
 * A generated password that stays a secret: 24 characters with upper, lower, digits and the
 * special characters every Alibaba Cloud data service accepts.
 */
export function generatedPassword(name: string, parent: pulumi.Resource): RandomPassword {
    return new RandomPassword(
        name,
        { length: 24, special: true, overrideSpecial: "!#%^*-_+=", minUpper: 2, minLower: 2, minNumeric: 2, minSpecial: 2 },
        { parent, additionalSecretOutputs: ["result"] },
    );
}
