// A deliberately small Markdown renderer for text the agency writes (the
// Tableau de bord blocks). It builds React elements, never an HTML string, so
// every character of the source ends up escaped as text; only the constructs
// below produce elements, and links only point to https:, mailto: or tel:.
//
// Supported: headings (# to ######, shown as two levels), paragraphs (a single
// line break is kept), **bold**, *italic*, bullet lists with "-", "*" or "+"
// (nested by indentation), "---" rules, [text](url), <https://…>, and bare
// https URLs, email addresses and French phone numbers turned into links.
// Backslash escapes (\*) print the character itself.

import { createElement, type ReactElement, type ReactNode } from "react";

export type ListItem = { text: string; children: ListItem[] };

export type Block =
  | { type: "heading"; level: 1 | 2; text: string }
  | { type: "paragraph"; lines: string[] }
  | { type: "list"; items: ListItem[] }
  | { type: "rule" };

const HEADING = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
const RULE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const LIST_ITEM = /^([ \t]*)[-*+][ \t]+(.*)$/;

function indentWidth(whitespace: string): number {
  let width = 0;
  for (const ch of whitespace) width += ch === "\t" ? 4 : 1;
  return width;
}

const isBlank = (line: string) => line.trim() === "";

function startsBlock(line: string): boolean {
  return HEADING.test(line) || RULE.test(line) || LIST_ITEM.test(line);
}

/** Splits the source into blocks. Exported for tests. */
export function parseBlocks(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, "\n").split("\n");
  const blocks: Block[] = [];
  let i = 0;

  while (i < lines.length) {
    const line = lines[i];
    if (isBlank(line)) {
      i++;
      continue;
    }

    const heading = HEADING.exec(line);
    if (heading) {
      blocks.push({ type: "heading", level: heading[1].length <= 2 ? 1 : 2, text: heading[2] });
      i++;
      continue;
    }

    if (RULE.test(line)) {
      blocks.push({ type: "rule" });
      i++;
      continue;
    }

    if (LIST_ITEM.test(line)) {
      const { items, next } = parseList(lines, i);
      blocks.push({ type: "list", items });
      i = next;
      continue;
    }

    const paragraph: string[] = [];
    while (i < lines.length && !isBlank(lines[i]) && (paragraph.length === 0 || !startsBlock(lines[i]))) {
      paragraph.push(lines[i].trim());
      i++;
    }
    blocks.push({ type: "paragraph", lines: paragraph });
  }
  return blocks;
}

function parseList(lines: string[], start: number): { items: ListItem[]; next: number } {
  const root: ListItem[] = [];
  const first = LIST_ITEM.exec(lines[start])!;
  // Each level remembers the indentation of its bullets.
  const stack: { indent: number; items: ListItem[] }[] = [{ indent: indentWidth(first[1]), items: root }];
  let last: ListItem | null = null;
  let previousBlank = false;
  let i = start;

  while (i < lines.length) {
    const line = lines[i];
    if (isBlank(line)) {
      // A blank line ends the list unless another bullet or an indented line follows.
      let j = i + 1;
      while (j < lines.length && isBlank(lines[j])) j++;
      if (j >= lines.length || !(LIST_ITEM.test(lines[j]) || /^[ \t]{2,}\S/.test(lines[j]))) break;
      previousBlank = true;
      i = j;
      continue;
    }

    const item = LIST_ITEM.exec(line);
    if (item) {
      const indent = indentWidth(item[1]);
      while (stack.length > 1 && indent < stack[stack.length - 1].indent) stack.pop();
      const top = stack[stack.length - 1];
      const entry: ListItem = { text: item[2].trim(), children: [] };
      const parent = top.items[top.items.length - 1];
      if (indent > top.indent && parent) {
        stack.push({ indent, items: parent.children });
        parent.children.push(entry);
      } else {
        top.items.push(entry);
      }
      last = entry;
      previousBlank = false;
      i++;
      continue;
    }

    // Continuation of the last bullet: right below it, or indented after a blank line.
    if (last && (!previousBlank || /^[ \t]{2,}\S/.test(line)) && !HEADING.test(line) && !RULE.test(line)) {
      last.text += `\n${line.trim()}`;
      previousBlank = false;
      i++;
      continue;
    }
    break;
  }
  return { items: root, next: i };
}

// ---------------------------------------------------------------------------
// Links
// ---------------------------------------------------------------------------

const EMAIL = /(?<![\w.%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![\w@-])/g;
const PHONE = /(?<![\w+.])(?:\+33[ .]?(?:\(0\)[ .]?)?|0)[1-9](?:[ .-]?\d{2}){4}(?![\w])/g;
const URL_BARE = /https:\/\/[^\s<>"'`]+/g;

/** A French phone number as a tel: URL in international form. */
export function phoneHref(phone: string): string {
  let digits = phone.replace(/\(0\)/g, "").replace(/[^\d+]/g, "");
  if (digits.startsWith("0")) digits = `+33${digits.slice(1)}`;
  return `tel:${digits}`;
}

/** The href to use for a link target, or null when it is not allowed. */
export function safeHref(raw: string): string | null {
  const value = raw.trim();
  // No control characters or spaces anywhere (they hide schemes such as "java\tscript:").
  if (!value || /[\u0000-\u0020\u007f-\u009f]/.test(value)) return null;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value)?.[1]?.toLowerCase();
  if (scheme === "https") {
    try {
      const url = new URL(value);
      return url.protocol === "https:" && url.hostname ? url.href : null;
    } catch {
      return null;
    }
  }
  if (scheme === "mailto") {
    const address = value.slice(7);
    return /^[^\s<>"'@]+@[^\s<>"'@]+\.[^\s<>"'@]+$/.test(address.split("?")[0]) ? `mailto:${address}` : null;
  }
  if (scheme === "tel") {
    const number = value.slice(4);
    return /^\+?[\d.()-]{3,}$/.test(number) ? phoneHref(number) : null;
  }
  return null;
}

// ---------------------------------------------------------------------------
// Inline content
// ---------------------------------------------------------------------------

type Ctx = { links: boolean; key: { n: number } };

type Rule = {
  pattern: RegExp;
  needsLinks?: boolean;
  render: (match: RegExpExecArray, ctx: Ctx) => ReactNode;
};

const LINK_CLASS = "font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900 [overflow-wrap:anywhere]";

function link(href: string, children: ReactNode, ctx: Ctx): ReactElement {
  const external = href.startsWith("https:");
  return createElement(
    "a",
    { key: ctx.key.n++, href, className: LINK_CLASS, ...(external ? { rel: "noopener noreferrer" } : {}) },
    children,
  );
}

function trimUrl(url: string): string {
  let out = url.replace(/[.,;:!?]+$/, "");
  // Drop a closing parenthesis that has no opening one inside the URL.
  while (out.endsWith(")") && (out.match(/\(/g)?.length ?? 0) < (out.match(/\)/g)?.length ?? 0)) {
    out = out.slice(0, -1).replace(/[.,;:!?]+$/, "");
  }
  return out;
}

const RULES: Rule[] = [
  { pattern: /\\([\\`*_{}[\]()#+\-.!<>])/g, render: (m) => m[1] },
  {
    pattern: /\[([^\]\n]+)\]\(\s*<?([^()\s<>]*)>?\s*\)/g,
    needsLinks: true,
    render: (m, ctx) => {
      const href = safeHref(m[2]);
      const label = inline(m[1], { ...ctx, links: false });
      return href ? link(href, label, ctx) : createElement("span", { key: ctx.key.n++ }, label);
    },
  },
  {
    pattern: /<((?:https|mailto|tel):[^\s<>]+)>/gi,
    needsLinks: true,
    render: (m, ctx) => {
      const href = safeHref(m[1]);
      const text = m[1].replace(/^(mailto|tel):/i, "");
      return href ? link(href, text, ctx) : m[0];
    },
  },
  {
    pattern: /\*\*(?=\S)([\s\S]*?\S)\*\*/g,
    render: (m, ctx) => createElement("strong", { key: ctx.key.n++, className: "font-semibold" }, inline(m[1], ctx)),
  },
  {
    pattern: /\*(?=[^\s*])([^*]*?[^\s*])\*/g,
    render: (m, ctx) => createElement("em", { key: ctx.key.n++ }, inline(m[1], ctx)),
  },
  {
    pattern: URL_BARE,
    needsLinks: true,
    render: (m, ctx) => {
      const url = trimUrl(m[0]);
      const href = safeHref(url);
      // Give back what was trimmed so that it prints after the link.
      return [href ? link(href, url, ctx) : url, m[0].slice(url.length)];
    },
  },
  {
    pattern: EMAIL,
    needsLinks: true,
    render: (m, ctx) => link(`mailto:${m[0]}`, m[0], ctx),
  },
  {
    pattern: PHONE,
    needsLinks: true,
    render: (m, ctx) => link(phoneHref(m[0]), m[0], ctx),
  },
];

function lineBreaks(text: string, ctx: Ctx): ReactNode[] {
  const out: ReactNode[] = [];
  text.split("\n").forEach((part, index) => {
    if (index > 0) out.push(createElement("br", { key: ctx.key.n++ }));
    if (part) out.push(part);
  });
  return out;
}

function inline(text: string, ctx: Ctx): ReactNode[] {
  const out: ReactNode[] = [];
  let position = 0;
  while (position < text.length) {
    let best: { rule: Rule; match: RegExpExecArray } | null = null;
    for (const rule of RULES) {
      if (rule.needsLinks && !ctx.links) continue;
      rule.pattern.lastIndex = position;
      const match = rule.pattern.exec(text);
      // Earliest match wins; on a tie, the rule listed first.
      if (match && (!best || match.index < best.match.index)) best = { rule, match };
    }
    if (!best) break;
    if (best.match.index > position) out.push(...lineBreaks(text.slice(position, best.match.index), ctx));
    const rendered = best.rule.render(best.match, ctx);
    if (Array.isArray(rendered)) {
      for (const node of rendered) if (node !== "") out.push(node);
    } else {
      out.push(rendered);
    }
    position = best.match.index + best.match[0].length;
  }
  if (position < text.length) out.push(...lineBreaks(text.slice(position), ctx));
  return out;
}

// ---------------------------------------------------------------------------
// Blocks
// ---------------------------------------------------------------------------

export type MarkdownOptions = {
  /** The element used for "#"/"##" headings; "###" and deeper use the next level. Default 2. */
  headingLevel?: 2 | 3 | 4 | 5;
};

function renderList(items: ListItem[], depth: number, ctx: Ctx): ReactElement {
  return createElement(
    "ul",
    {
      key: ctx.key.n++,
      className: depth === 0 ? "mt-2 list-disc space-y-1 pl-5 first:mt-0" : "mt-1 list-[circle] space-y-1 pl-5",
    },
    items.map((item) =>
      createElement(
        "li",
        { key: ctx.key.n++, className: "pl-1" },
        ...inline(item.text, ctx),
        ...(item.children.length ? [renderList(item.children, depth + 1, ctx)] : []),
      ),
    ),
  );
}

/** Renders Markdown source as React nodes (text is always escaped). */
export function renderMarkdown(source: string, options: MarkdownOptions = {}): ReactNode[] {
  const base = options.headingLevel ?? 2;
  const ctx: Ctx = { links: true, key: { n: 0 } };
  return parseBlocks(source).map((block) => {
    switch (block.type) {
      case "heading": {
        const level = Math.min(6, base + block.level - 1);
        const className =
          block.level === 1
            ? "mt-5 text-base font-semibold text-slate-900 first:mt-0"
            : "mt-4 text-sm font-semibold uppercase tracking-wide text-slate-700 first:mt-0";
        return createElement(`h${level}`, { key: ctx.key.n++, className }, ...inline(block.text, ctx));
      }
      case "paragraph":
        return createElement(
          "p",
          { key: ctx.key.n++, className: "mt-2 leading-relaxed first:mt-0" },
          ...inline(block.lines.join("\n"), ctx),
        );
      case "list":
        return renderList(block.items, 0, ctx);
      case "rule":
        return createElement("hr", { key: ctx.key.n++, className: "my-4 border-slate-200" });
    }
  });
}

/** <Markdown source={block.body} /> in a server component. */
export function Markdown({
  source,
  className,
  headingLevel,
}: {
  source: string;
  className?: string;
  headingLevel?: MarkdownOptions["headingLevel"];
}): ReactElement {
  return createElement(
    "div",
    { className: ["text-slate-700 [overflow-wrap:anywhere]", className].filter(Boolean).join(" ") },
    ...renderMarkdown(source, { headingLevel }),
  );
}
