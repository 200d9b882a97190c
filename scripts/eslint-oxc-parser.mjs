// The ESLint parser of this repository (docs/decisions/010): typescript-eslint's parser needs the
// classic TypeScript compiler API, which TypeScript 7 (the project's `tsc`) no longer ships, so we
// parse TS/TSX with oxc-parser (the parser knip already uses), which emits a TS-ESTree AST.
// ESLint wants `loc` on every node and comment: oxc gives `range`, we add `loc` from it.
// No tokens are produced, so token-based rules (formatting: Prettier's job) must stay off.
import { parseSync, visitorKeys } from "oxc-parser";

function lineStarts(code) {
  const starts = [0];
  for (let i = 0; i < code.length; i++) if (code.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

function locator(starts) {
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo] };
  };
}

function addLoc(node, at) {
  if (Array.isArray(node.range)) node.loc = { start: at(node.range[0]), end: at(node.range[1]) };
  const keys = visitorKeys[node.type] ?? [];
  for (const key of keys) {
    const child = node[key];
    if (Array.isArray(child)) {
      for (const item of child) if (item && typeof item.type === "string") addLoc(item, at);
    } else if (child && typeof child.type === "string") addLoc(child, at);
  }
}

export function parseForESLint(code, options = {}) {
  const filename = options.filePath ?? "file.tsx";
  const result = parseSync(filename, code, { range: true, astType: "ts" });
  const fatal = result.errors.find((e) => e.severity === "Error") ?? result.errors[0];
  if (fatal) {
    const offset = fatal.labels?.[0]?.start ?? 0;
    const { line, column } = locator(lineStarts(code))(offset);
    const error = new SyntaxError(fatal.message);
    Object.assign(error, { lineNumber: line, column: column + 1, index: offset });
    throw error;
  }
  const at = locator(lineStarts(code));
  const ast = result.program;
  ast.range = [0, code.length];
  addLoc(ast, at);
  ast.comments = result.comments.map((c) => ({
    type: c.type,
    value: c.value,
    range: [c.start, c.end],
    loc: { start: at(c.start), end: at(c.end) },
  }));
  ast.tokens = [];
  return { ast, visitorKeys };
}

export function parse(code, options) {
  return parseForESLint(code, options).ast;
}

export const meta = { name: "eslint-oxc-parser", version: "1.0.0" };
