import type { NextConfig } from "next";

const isDev = process.env.NODE_ENV !== "production";

// The browser talks to our origin only: no CDN, web font, analytics or third-party script.
// Next's hydration needs inline scripts; dev mode also needs eval for fast refresh.
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ""}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Native and wasm packages stay outside the server bundle.
  serverExternalPackages: [
    "pg",
    "pg-boss",
    "@electric-sql/pglite",
    "@electric-sql/pglite-socket",
    "nodemailer",
    "saxes",
    "iconv-lite",
    "fflate",
  ],
  experimental: {
    serverActions: {
      // SIECLE files are refused above 20 MB by the import itself, with a French message; the
      // framework limit sits above it so that the user gets that message, not a generic 413.
      bodySizeLimit: "25mb",
    },
    // The SIECLE upload is a route handler (XMLHttpRequest, for its progress bar). Should a
    // proxy.ts ever be added, Next would cut request bodies at 10 MB before the handler sees them.
    proxyClientMaxBodySize: "25mb",
  },
  // Behind the load balancer of `npm run serve` (deploy/haproxy.cfg), which compresses once.
  compress: process.env.PIX_BEHIND_COMPRESSING_PROXY !== "1",
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "Content-Security-Policy", value: contentSecurityPolicy },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), interest-cohort=()" },
        ],
      },
    ];
  },
};

export default nextConfig;
