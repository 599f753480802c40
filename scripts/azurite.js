// Starts Azurite, the Azure Storage emulator, in this Node process with the arguments given.
// Telemetry is always off: without --disableTelemetry Azurite tries to reach an outside host.
//
// With KIM_AZURITE_EXIT_WITH_STDIN=1 the process exits as soon as its standard input closes.
// A test host keeps that pipe open; if the host dies, the operating system closes the pipe and
// Azurite goes with it, so no emulator outlives the run that started it.
"use strict";
const path = require("path");

const args = process.argv.slice(2);
if (!args.includes("--disableTelemetry")) {
  args.push("--disableTelemetry");
}
process.argv = [process.argv[0], "azurite", ...args];

if (process.env.KIM_AZURITE_EXIT_WITH_STDIN === "1") {
  process.stdin.on("end", () => process.exit(0));
  process.stdin.on("close", () => process.exit(0));
  process.stdin.resume();
}

// Azurite closes its servers on SIGINT/SIGTERM but leaves the process to the event loop, which our
// stdin watcher would keep alive: let go of stdin, and exit at the latest a few seconds later.
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, () => {
    process.stdin.destroy();
    setTimeout(() => process.exit(0), 3000).unref();
  });
}

require(path.join(__dirname, "..", "node_modules", "azurite", "dist", "src", "azurite.js"));
