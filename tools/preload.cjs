// What the tools' npm scripts preload (`node -r ./tools/preload.cjs bin/tools/<tool>.js`, and
// mocha through .mocharc.json): bring bin/ up to date (build.cjs), then start fast: the V8 code
// cache (compile-cache.cjs) and the deferred runtime dependencies (defer-modules.cjs). `pulumi up`
// preloads build.cjs alone (Pulumi.yaml).
//
// Written in plain JavaScript because it runs before anything is compiled.
"use strict";

require("./build.cjs");
require("./compile-cache.cjs");
require("./defer-modules.cjs");
