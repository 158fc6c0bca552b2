import { describe, expect, it } from "vitest";
import { poolConfigFromUrl, withDatabase } from "./connection.ts";

describe("poolConfigFromUrl", () => {
  it("splits a URL into pg options, decoding credentials", () => {
    expect(poolConfigFromUrl("postgresql://us%40er:p%3Ass@db.example:6543/switch%20yard")).toEqual({
      host: "db.example",
      port: 6543,
      user: "us@er",
      password: "p:ss",
      database: "switch yard",
    });
  });

  it("defaults the port and honours sslmode and a socket host", () => {
    expect(poolConfigFromUrl("postgres://postgres@localhost/x?sslmode=require")).toMatchObject({
      port: 5432,
      ssl: { rejectUnauthorized: false },
    });
    expect(poolConfigFromUrl("postgresql:///x?host=/var/run/postgresql")).toMatchObject({
      host: "/var/run/postgresql",
    });
  });

  it("rejects other schemes", () => {
    expect(() => poolConfigFromUrl("mysql://root@localhost/x")).toThrow(/Not a PostgreSQL URL/);
  });
});

describe("withDatabase", () => {
  it("points the URL at another database", () => {
    expect(
      withDatabase("postgresql://postgres:pw@127.0.0.1:5432/postgres?sslmode=disable", "other"),
    ).toBe("postgresql://postgres:pw@127.0.0.1:5432/other?sslmode=disable");
  });
});
