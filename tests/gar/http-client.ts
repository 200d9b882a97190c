/**
 * A tiny cookie-keeping HTTP client that follows redirects by hand, so tests and the benchmark
 * can walk the ENT → GAR → app journey over real HTTP and see every hop.
 */
export type Hop = { url: string; status: number; location: string | null; durationMs: number };

export class BrowserLikeClient {
  private readonly cookies = new Map<string, Map<string, string>>();

  private jarFor(url: URL): Map<string, string> {
    // Cookies are per host (not per port), as browsers do.
    let jar = this.cookies.get(url.hostname);
    if (!jar) {
      jar = new Map();
      this.cookies.set(url.hostname, jar);
    }
    return jar;
  }

  cookieHeader(url: string): string {
    return [...this.jarFor(new URL(url))].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  getCookie(url: string, name: string): string | undefined {
    return this.jarFor(new URL(url)).get(name);
  }

  setCookie(url: string, name: string, value: string): void {
    this.jarFor(new URL(url)).set(name, value);
  }

  private store(url: URL, response: Response): void {
    const jar = this.jarFor(url);
    for (const header of response.headers.getSetCookie()) {
      const [pair, ...attributes] = header.split(";");
      const separator = pair?.indexOf("=") ?? -1;
      if (!pair || separator <= 0) continue;
      const name = pair.slice(0, separator).trim();
      const value = pair.slice(separator + 1).trim();
      const expired = attributes.some((attribute) => {
        const [key, attributeValue] = attribute.split("=").map((part) => part.trim().toLowerCase());
        return (
          (key === "max-age" && Number(attributeValue) <= 0) ||
          (key === "expires" && Date.parse(attributeValue ?? "") < Date.now())
        );
      });
      if (expired || value === "") jar.delete(name);
      else jar.set(name, value);
    }
  }

  /** One request, no redirect following. */
  async request(url: string, init: RequestInit = {}): Promise<{ response: Response; hop: Hop }> {
    const target = new URL(url);
    const headers = new Headers(init.headers);
    const cookie = this.cookieHeader(url);
    if (cookie) headers.set("cookie", cookie);
    const started = performance.now();
    const response = await fetch(target, { ...init, headers, redirect: "manual" });
    const durationMs = performance.now() - started;
    this.store(target, response);
    const location = response.headers.get("location");
    return {
      response,
      hop: {
        url,
        status: response.status,
        location: location ? new URL(location, target).toString() : null,
        durationMs,
      },
    };
  }

  /**
   * Follows redirects until a non-redirect answer or until `stopAt` says so (e.g. when the next
   * hop would leave for a host that is not running).
   */
  async follow(
    url: string,
    init: RequestInit = {},
    stopAt: (nextUrl: string) => boolean = () => false,
  ): Promise<{ response: Response; hops: Hop[]; finalUrl: string }> {
    const hops: Hop[] = [];
    let current = url;
    let currentInit = init;
    for (let i = 0; i < 20; i += 1) {
      const { response, hop } = await this.request(current, currentInit);
      hops.push(hop);
      if (response.status < 300 || response.status >= 400 || !hop.location)
        return { response, hops, finalUrl: current };
      if (stopAt(hop.location)) return { response, hops, finalUrl: hop.location };
      await response.arrayBuffer();
      current = hop.location;
      currentInit = {};
    }
    throw new Error(`Too many redirects from ${url}`);
  }

  async postForm(url: string, fields: Record<string, string>): Promise<{ response: Response; hop: Hop }> {
    return this.request(url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(fields).toString(),
    });
  }
}
