import { describe, expect, it } from "vitest";

import { parseSelectColumns } from "@/lib/definitions/sql-select";

function columns(sql: string): string[] {
  const result = parseSelectColumns(sql);
  if (!result.ok) throw new Error(result.reason);
  return result.columns;
}

function reason(sql: string): string {
  const result = parseSelectColumns(sql);
  if (result.ok) throw new Error(`expected a failure, got ${result.columns.join(", ")}`);
  return result.reason;
}

describe("parseSelectColumns", () => {
  it("names plain and qualified columns", () => {
    expect(columns("SELECT user_id, t.country, s.t.age FROM users t")).toEqual(["user_id", "country", "age"]);
  });

  it("takes explicit and implicit aliases", () => {
    expect(columns("select amount * 2 as double_amount, amount / 2 half_amount, 'x' AS label from t")).toEqual([
      "double_amount",
      "half_amount",
      "label",
    ]);
  });

  it("handles COUNT(*) and nested parentheses", () => {
    expect(columns("SELECT COUNT(*) AS n, ROUND(AVG(COALESCE(a, (b + c))), 2) avg_spend FROM t GROUP BY 1")).toEqual([
      "n",
      "avg_spend",
    ]);
  });

  it("handles CASE ... END with and without AS", () => {
    const sql = `SELECT CASE WHEN a > 1 THEN 'big' ELSE 'small' END AS size,
                        CASE x WHEN 1 THEN 2 END flag FROM t`;
    expect(columns(sql)).toEqual(["size", "flag"]);
  });

  it("ignores commas inside string literals, including escaped quotes", () => {
    expect(columns("SELECT 'a, b' AS pair, 'it''s, fine' AS quote, concat(x, ',', y) AS joined FROM t")).toEqual([
      "pair",
      "quote",
      "joined",
    ]);
  });

  it("skips CTEs and reads the main SELECT", () => {
    const sql = `WITH recent AS (SELECT user_id, amount FROM txn WHERE ts > now() - interval '30 days'),
                      agg (user_id, total) AS (SELECT user_id, SUM(amount) FROM recent GROUP BY user_id)
                 SELECT user_id, total AS spend_30d FROM agg`;
    expect(columns(sql)).toEqual(["user_id", "spend_30d"]);
  });

  it("skips DISTINCT and DISTINCT ON", () => {
    expect(columns("SELECT DISTINCT user_id, country FROM t")).toEqual(["user_id", "country"]);
    expect(columns("SELECT DISTINCT ON (user_id) user_id, ts AS last_seen FROM t")).toEqual(["user_id", "last_seen"]);
  });

  it("ignores comments", () => {
    const sql = `-- profile features
      SELECT user_id, /* the, country */ country -- trailing, comment
      FROM users`;
    expect(columns(sql)).toEqual(["user_id", "country"]);
  });

  it("unquotes quoted identifiers", () => {
    expect(columns('SELECT "User Id", `amount`, [country], x AS "Spend" FROM t')).toEqual([
      "User Id",
      "amount",
      "country",
      "Spend",
    ]);
  });

  it("stops at the end of the SELECT list", () => {
    expect(columns("SELECT a, b FROM t WHERE c IN (1, 2) UNION SELECT d, e FROM u")).toEqual(["a", "b"]);
    expect(columns("SELECT SUM(x) OVER (PARTITION BY u ORDER BY ts) AS running FROM t;")).toEqual(["running"]);
  });

  it("says * and t.* cannot be checked", () => {
    expect(reason("SELECT * FROM t")).toMatch(/cannot be checked/);
    expect(reason("SELECT user_id, t.* FROM t")).toMatch(/cannot be checked/);
    // Multiplication is not a star column.
    expect(columns("SELECT a * b AS c FROM t")).toEqual(["c"]);
  });

  it("refuses to guess the name of an unaliased expression", () => {
    expect(reason("SELECT a + b FROM t")).toMatch(/Column 1: .*no alias/);
    expect(reason("SELECT user_id, COUNT(*) FROM t")).toMatch(/Column 2/);
  });

  it("reports unparseable input", () => {
    expect(reason("UPDATE t SET a = 1")).toMatch(/No SELECT/);
    expect(reason("SELECT (a FROM t")).toMatch(/Unbalanced/);
    expect(reason("SELECT 'open FROM t")).toMatch(/Unterminated string/);
    expect(reason("SELECT CASE WHEN a THEN 1 AS x FROM t")).toMatch(/CASE without END/);
    expect(reason("WITH x SELECT 1")).toMatch(/Expected AS/);
  });
});
