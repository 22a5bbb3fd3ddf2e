// Mocha's spec reporter plus one plain closing line "tests: N passed, N failed, N skipped" that
// CI systems can read without knowing mocha.
import Mocha = require("mocha");

class SpecWithSummary extends Mocha.reporters.Spec {
    constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
        super(runner, options);
        runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
            const s = runner.stats;
            if (s !== undefined) process.stdout.write(`tests: ${s.passes} passed, ${s.failures} failed, ${s.pending} skipped\n`);
        });
    }
}

export = SpecWithSummary;
