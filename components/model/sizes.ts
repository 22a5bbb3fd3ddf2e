// Compute sizes (vCPU, GiB) -> each cloud's instance types, by one rule: the memory/vCPU ratio
// picks the family, the vCPU count picks the size.

import { show } from "./errors";
import { ComputeSize } from "./types";

export interface InstanceCatalogue {
    /** Family per GiB-per-vCPU ratio (2: compute, 4: general purpose, 8: memory optimised). */
    readonly families: Readonly<Record<2 | 4 | 8, string>>;
    /** Size suffix per vCPU count. */
    readonly sizes: Readonly<Record<number, string>>;
    /** How family and size join into a type name. */
    readonly format: (family: string, size: string) => string;
}

/** Size suffixes of both clouds' instance families: `large` is 2 vCPU, each next size doubles. */
export const STANDARD_SIZES: Readonly<Record<number, string>> = { 2: "large", 4: "xlarge", 8: "2xlarge", 16: "4xlarge", 32: "8xlarge", 64: "16xlarge" };

export class UnsupportedSizeError extends Error {}

/** The instance type of `size` in `catalogue`; throws naming the size and what exists. */
export function instanceTypeFor(catalogue: InstanceCatalogue, size: ComputeSize): string {
    const ratio = size.memoryGiB / size.vcpu;
    const family = ratio === 2 || ratio === 4 || ratio === 8 ? catalogue.families[ratio] : undefined;
    const suffix = catalogue.sizes[size.vcpu];
    if (family === undefined || suffix === undefined) {
        throw new UnsupportedSizeError(
            `no instance type for ${size.vcpu} vCPU / ${size.memoryGiB} GiB; allowed: vCPU in ${Object.keys(catalogue.sizes).join(", ")} with 2, 4 or 8 GiB per vCPU`,
        );
    }
    return catalogue.format(family, suffix);
}

/** Issues for compute sizes the catalogue has no instance type for. */
export function checkComputeSize(catalogue: InstanceCatalogue, size: ComputeSize, field: string): string[] {
    try {
        instanceTypeFor(catalogue, size);
        return [];
    } catch (e) {
        return e instanceof UnsupportedSizeError ? [`${field}: ${e.message} (got ${show(size)})`] : [String(e)];
    }
}
