import { afterEach, describe, expect, it } from "vitest";

import { env, resetEnvForTests } from "@/lib/env";
import { garCallbackUrl, garOidcSettingsFromEnv } from "./oidc-client";

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
  resetEnvForTests();
});

describe("GAR settings from the environment", () => {
  it("defaults to the local stand-in and treats empty variables as unset", () => {
    Object.assign(process.env, {
      GAR_ISSUER: "",
      GAR_CLIENT_SECRET: "",
      GAR_AUTHORIZATION_ENDPOINT: "",
      NODE_ENV: "test",
    });
    resetEnvForTests();
    const settings = garOidcSettingsFromEnv();
    expect(settings).toMatchObject({
      issuer: "http://localhost:4000",
      clientId: "pix-gar-demo",
      metadata: "discovery",
      resourceId: "ark:/99999/pix-demo",
    });
    expect(settings.endpoints?.authorization).toBeUndefined();
    expect(settings.clientSecret).toBe("development-only-gar-client-secret-not-for-production-use");
  });

  it("requires the client secret in production", () => {
    Object.assign(process.env, { NODE_ENV: "production", GAR_CLIENT_SECRET: "" });
    resetEnvForTests();
    expect(env().NODE_ENV).toBe("production");
    expect(() => garOidcSettingsFromEnv()).toThrow(/GAR_CLIENT_SECRET/);
  });

  it("builds the callback URL from the public base URL", () => {
    expect(garCallbackUrl("https://pix.example.fr").toString()).toBe("https://pix.example.fr/gar/callback");
  });
});
