/** `npm run gar`: the GAR/ENT stand-in as its own process (configuration from the environment). */
import { startGarStandIn } from "./stand-in";

const standIn = await startGarStandIn();
console.log(
  `GAR/ENT stand-in ready: issuer ${standIn.issuer}, ENT démo ${standIn.entUrl}, app ${standIn.config.appBaseUrl}`,
);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void standIn.close().finally(() => process.exit(0));
  });
}
