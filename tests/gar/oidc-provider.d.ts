/**
 * The subset of oidc-provider 9 (plain JavaScript, no bundled types) that the GAR stand-in uses.
 * Written by hand rather than adding @types/oidc-provider to the shared package.json.
 */
declare module "oidc-provider" {
  import type { IncomingMessage, Server, ServerResponse } from "node:http";

  export type KoaContext = {
    method: string;
    path: string;
    url: string;
    query: Record<string, string | string[] | undefined>;
    req: IncomingMessage;
    res: ServerResponse;
    status: number;
    body: unknown;
    type: string;
    respond?: boolean;
    cookies: {
      get(name: string, options?: { signed?: boolean }): string | undefined;
      set(name: string, value: string | null, options?: Record<string, unknown>): void;
    };
    redirect(url: string): void;
    set(field: string, value: string): void;
    get(field: string): string;
    oidc: {
      client?: { clientId: string };
      session?: { accountId?: string; grantIdFor(clientId: string): string | undefined };
      result?: { consent?: { grantId?: string } };
      params?: Record<string, unknown>;
      provider: Provider;
    };
  };

  export type Middleware = (ctx: KoaContext, next: () => Promise<void>) => Promise<void> | void;

  export type InteractionDetails = {
    uid: string;
    prompt: { name: string; reasons: string[]; details: Record<string, unknown> };
    params: Record<string, unknown>;
    session?: { accountId?: string };
    grantId?: string;
  };

  export type InteractionResults = Record<string, unknown>;

  export type Account = {
    accountId: string;
    claims(use: string, scope: string): Promise<Record<string, unknown>> | Record<string, unknown>;
  };

  export class Grant {
    constructor(properties: { clientId: string; accountId: string });
    addOIDCScope(scope: string): void;
    save(): Promise<string>;
    static find(id: string): Promise<Grant | undefined>;
  }

  export type Configuration = Record<string, unknown>;

  export class Provider {
    constructor(issuer: string, configuration: Configuration);
    readonly issuer: string;
    proxy: boolean;
    Grant: typeof Grant;
    use(middleware: Middleware): this;
    on(event: string, listener: (...args: unknown[]) => void): this;
    listen(port: number, host: string, callback?: () => void): Server;
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<InteractionDetails>;
    interactionResult(
      req: IncomingMessage,
      res: ServerResponse,
      result: InteractionResults,
      options?: { mergeWithLastSubmission?: boolean },
    ): Promise<string>;
  }

  export const errors: {
    InvalidRequest: new (description: string) => Error;
    AccessDenied: new (description: string) => Error;
  };

  export default Provider;
}
