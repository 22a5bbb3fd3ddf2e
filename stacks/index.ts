// Entry point of `pulumi up`: Pulumi runs the exported function and takes its result as stack outputs.
import { deploy } from "./program";

export = deploy;
