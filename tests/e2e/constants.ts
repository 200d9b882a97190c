/** Values shared by playwright.config.ts (the servers' environment) and the specs. */

/** Opens the whole local outbox (/dev/outbox?cle=…), as the key printed by `npm start` does. */
export const OUTBOX_ACCESS_KEY = "e2e-outbox-access-key-0123456789";

/** The distributor id the e2e subscription web service stand-in knows (idDistributeurCom). */
export const E2E_GAR_DISTRIBUTOR_ID = "PIX-DISTRIBUTEUR-E2E";
