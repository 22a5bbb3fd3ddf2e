// Entry point of `pulumi up`: Pulumi runs the exported function and takes its result as stack outputs.
// A config that cannot be deployed (invalid, or still holding placeholders) stops the program before
// any resource is declared; RunError makes Pulumi print the message alone, without a stack trace.
import * as pulumi from "@pulumi/pulumi";

import { ConfigError, NotDeployableError } from "../components/model";
import { deploy } from "./program";

export = async (): Promise<Record<string, unknown>> => {
    try {
        return await deploy();
    } catch (e) {
        if (e instanceof ConfigError || e instanceof NotDeployableError) throw new pulumi.RunError(e.message);
        throw e;
    }
};
