import { readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import { renderHaproxyConfig, WorkerCountError, workerCount } from "./load-balancer";

const template = readFileSync("deploy/haproxy.cfg", "utf8");

describe("workerCount", () => {
  it("is one per core by default, or WEB_CONCURRENCY", () => {
    expect(workerCount(undefined, 2)).toBe(2);
    expect(workerCount("", 8)).toBe(8);
    expect(workerCount("3", 2)).toBe(3);
    expect(workerCount(undefined, 0)).toBe(1);
  });

  it("refuses what is not a number of processes", () => {
    for (const value of ["0", "-1", "two", "1.5", "65"]) {
      expect(() => workerCount(value, 2), value).toThrow(WorkerCountError);
    }
  });
});

describe("renderHaproxyConfig", () => {
  it("binds where clients connect and lists every worker on the loopback, health-checked", () => {
    const config = renderHaproxyConfig(template, {
      host: "0.0.0.0",
      port: 8080,
      workerPorts: [41001, 41002],
      instanceHeader: false,
    });
    expect(config).toContain("bind 0.0.0.0:8080");
    expect(config).toContain("server app1 127.0.0.1:41001");
    expect(config).toContain("server app2 127.0.0.1:41002");
    expect(config).toContain("option httpchk GET /api/health");
    expect(config).toContain("balance roundrobin");
    expect(config).not.toContain("X-Pix-Instance");
    expect(config).not.toMatch(/\{\{/);
  });

  it("drops the client's X-Forwarded-For before adding the socket's address", () => {
    const config = renderHaproxyConfig(template, {
      host: "127.0.0.1",
      port: 1,
      workerPorts: [2],
      instanceHeader: true,
    });
    expect(config.indexOf("http-request del-header X-Forwarded-For")).toBeLessThan(config.indexOf("option forwardfor"));
    expect(config).toContain("http-response set-header X-Pix-Instance %[srv_name]");
  });

  it("brackets an IPv6 address", () => {
    expect(renderHaproxyConfig(template, { host: "::1", port: 80, workerPorts: [2], instanceHeader: false })).toContain(
      "bind [::1]:80",
    );
  });
});
