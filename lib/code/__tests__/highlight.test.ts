import { describe, expect, it } from "vitest";
import { codeLanguage, guessCodeLanguage, highlightCode, highlightLines } from "@/lib/code/highlight";

/** The text a browser would show for the HTML: tags dropped, entities decoded. */
function visibleText(html: string): string {
  return html
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, "&");
}

describe("highlightCode", () => {
  it("marks SQL keywords, strings and numbers", () => {
    const html = highlightCode("SELECT user_id, COUNT(*) AS n FROM logins WHERE kind = 'fail' AND n > 3", "sql");
    expect(html).toContain('<span class="hljs-keyword">SELECT</span>');
    expect(html).toContain('<span class="hljs-keyword">FROM</span>');
    expect(html).toContain('<span class="hljs-string">&#x27;fail&#x27;</span>');
    expect(html).toContain('<span class="hljs-number">3</span>');
  });

  it("marks Python keywords, function names and comments", () => {
    const html = highlightCode(
      "def ratio(df):\n    # share of failures\n    return df['fail'] / df['total']",
      "python",
    );
    expect(html).toContain('<span class="hljs-keyword">def</span>');
    expect(html).toContain('<span class="hljs-title function_">ratio</span>');
    expect(html).toContain('<span class="hljs-comment"># share of failures</span>');
    expect(html).toContain('<span class="hljs-keyword">return</span>');
  });

  it("escapes markup in the source in every language, so code cannot inject HTML", () => {
    const attack = `SELECT '<img src=x onerror="alert(1)">' AS x -- </pre><script>alert(2)</script>`;
    for (const language of ["sql", "python", "typescript", "json", "bash", "yaml", "text"] as const) {
      const html = highlightCode(attack, language);
      expect(html, language).not.toMatch(/<(img|script|\/pre)/i);
      expect(html, language).not.toMatch(/<(?!\/?span\b)/);
      expect(visibleText(html), language).toBe(attack);
    }
  });

  it("keeps every character of the source", () => {
    const code = 'x = {"a": 1 & 2}\nprint(x)  # <done>\n';
    expect(visibleText(highlightCode(code, "python"))).toBe(code);
  });
});

describe("highlightLines", () => {
  it("gives one balanced line per source line, a multi-line string closed and reopened", () => {
    const code = 'def f():\n    """first\n    second"""\n    return 1';
    const lines = highlightLines(code, "python");
    expect(lines).toHaveLength(4);
    for (const line of lines) {
      expect(line.match(/<span/g)?.length ?? 0).toBe(line.match(/<\/span>/g)?.length ?? 0);
    }
    expect(lines[1]).toContain('<span class="hljs-string">&quot;&quot;&quot;first</span>');
    expect(lines[2]).toMatch(/^<span class="hljs-string">\s+second&quot;&quot;&quot;<\/span>$/);
    expect(lines.map(visibleText)).toEqual(code.split("\n"));
  });

  it("keeps empty lines", () => {
    expect(highlightLines("SELECT 1\n\nFROM t", "sql").map(visibleText)).toEqual(["SELECT 1", "", "FROM t"]);
  });
});

describe("language names", () => {
  it("maps stored names and aliases, and falls back to plain text", () => {
    expect(codeLanguage("SQL")).toBe("sql");
    expect(codeLanguage("pandas")).toBe("python");
    expect(codeLanguage("brainfuck")).toBe("text");
    expect(codeLanguage(undefined)).toBe("text");
  });

  it("guesses Python and SQL from the code", () => {
    expect(guessCodeLanguage("import pandas as pd\ndef f(df):\n  return df")).toBe("python");
    expect(guessCodeLanguage("select a,\n b from t")).toBe("sql");
    expect(guessCodeLanguage("just words")).toBe("text");
  });
});
