import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown, parseBlocks, phoneHref, safeHref } from "@/lib/markdown";

const html = (source: string, headingLevel?: 2 | 3) => renderToStaticMarkup(createElement(Markdown, { source, headingLevel }));
// Class names are presentation; compare the structure without them.
const bare = (source: string, headingLevel?: 2 | 3) => html(source, headingLevel).replace(/ class="[^"]*"/g, "");
const inner = (source: string) => bare(source).replace(/^<div>|<\/div>$/g, "");

describe("blocks", () => {
  it("renders headings, paragraphs and rules", () => {
    expect(inner("## Absences\n\nUn écrit est obligatoire.\n\n### Week-end\n\n---")).toBe(
      "<h2>Absences</h2><p>Un écrit est obligatoire.</p><h3>Week-end</h3><hr/>",
    );
  });

  it("shifts heading levels when asked", () => {
    expect(bare("## Titre\n### Sous-titre", 3)).toContain("<h3>Titre</h3><h4>Sous-titre</h4>");
  });

  it("keeps single line breaks inside a paragraph and splits on blank lines", () => {
    expect(inner("ligne 1\nligne 2\n\nautre")).toBe("<p>ligne 1<br/>ligne 2</p><p>autre</p>");
  });

  it("renders bullet lists, nested by two spaces", () => {
    expect(inner("- un\n- deux\n  - deux.a\n  - deux.b\n    - profond\n- trois")).toBe(
      "<ul><li>un</li><li>deux<ul><li>deux.a</li><li>deux.b<ul><li>profond</li></ul></li></ul></li><li>trois</li></ul>",
    );
  });

  it("keeps a list going across blank lines and ends it before a paragraph", () => {
    expect(inner("- un\n\n- deux\n\nFin.")).toBe("<ul><li>un</li><li>deux</li></ul><p>Fin.</p>");
  });

  it("joins a lazy continuation line to its bullet", () => {
    expect(inner("- début\nsuite")).toBe("<ul><li>début<br/>suite</li></ul>");
  });

  it("parses the guide's absence procedure", () => {
    const blocks = parseBlocks(
      "PROCEDURE ABSENCE :\n\n- **par mail EN PRIORITE** au chargé de recrutement :\n  - Pôle Ariège : camille.marie@coop-emploi.fr\n- suivi d'un appel à l'agence au 05.67.31.21.62.",
    );
    expect(blocks.map((b) => b.type)).toEqual(["paragraph", "list"]);
    const list = blocks[1];
    expect(list.type === "list" && list.items[0].children[0].text).toBe("Pôle Ariège : camille.marie@coop-emploi.fr");
  });
});

describe("inline", () => {
  it("renders bold and italic, nested", () => {
    expect(inner("**gras** et *italique* et **gras *et italique* encore**")).toBe(
      "<p><strong>gras</strong> et <em>italique</em> et <strong>gras <em>et italique</em> encore</strong></p>",
    );
  });

  it("leaves lone asterisks as text", () => {
    expect(inner("5 * 3 = 15 et ** seul")).toBe("<p>5 * 3 = 15 et ** seul</p>");
    expect(inner("\\*pas en italique\\*")).toBe("<p>*pas en italique*</p>");
  });

  it("renders allowed links", () => {
    expect(inner("[Le site](https://coop-emploi.fr/aide)")).toBe(
      '<p><a href="https://coop-emploi.fr/aide" rel="noopener noreferrer">Le site</a></p>',
    );
    expect(inner("[Écrire](mailto:servicepaie@coop-emploi.fr)")).toBe('<p><a href="mailto:servicepaie@coop-emploi.fr">Écrire</a></p>');
    expect(inner("[Appeler](tel:05.67.31.21.62)")).toBe('<p><a href="tel:+33567312162">Appeler</a></p>');
  });

  it("turns bare emails, phones and https URLs into links", () => {
    expect(inner("Lisa: lisa.comte@coop-emploi.fr // Magali")).toBe(
      '<p>Lisa: <a href="mailto:lisa.comte@coop-emploi.fr">lisa.comte@coop-emploi.fr</a> // Magali</p>',
    );
    expect(inner("au 05.67.31.21.62.")).toBe('<p>au <a href="tel:+33567312162">05.67.31.21.62</a>.</p>');
    expect(inner("astreinte 06 10 89 66 08 ou +33 6 10 89 66 08")).toBe(
      '<p>astreinte <a href="tel:+33610896608">06 10 89 66 08</a> ou <a href="tel:+33610896608">+33 6 10 89 66 08</a></p>',
    );
    expect(inner("Voir https://app.coop-emploi.fr/connexion.")).toBe(
      '<p>Voir <a href="https://app.coop-emploi.fr/connexion" rel="noopener noreferrer">https://app.coop-emploi.fr/connexion</a>.</p>',
    );
    expect(inner("<https://app.coop-emploi.fr/connexion>")).toBe(
      '<p><a href="https://app.coop-emploi.fr/connexion" rel="noopener noreferrer">https://app.coop-emploi.fr/connexion</a></p>',
    );
  });

  it("makes a link inside bold text", () => {
    expect(inner("**écrire à servicepaie@coop-emploi.fr**")).toBe(
      '<p><strong>écrire à <a href="mailto:servicepaie@coop-emploi.fr">servicepaie@coop-emploi.fr</a></strong></p>',
    );
  });

  it("does not take dates or long numbers for phone numbers", () => {
    expect(inner("le 20-05-2020, n° 1691_20190630, SIRET 12345678901234")).not.toContain("<a");
  });
});

describe("safety", () => {
  it("escapes raw HTML", () => {
    const out = html('<script>alert("x")</script><img src=x onerror=alert(1)> & <b>gras</b>');
    expect(out).not.toContain("<script");
    expect(out).not.toContain("<img");
    expect(out).not.toContain("<b>");
    expect(out).toContain("&lt;script&gt;");
    expect(out).toContain("&amp;");
  });

  it("neutralises javascript: and other schemes in links", () => {
    for (const source of [
      "[clic](javascript:alert(1))",
      "[clic](javascript:alert)",
      "[clic](JaVaScRiPt:alert)",
      "[clic](java\tscript:alert)",
      "[clic](data:text/html;base64,PHNjcmlwdD4=)",
      "[clic](vbscript:msgbox)",
      "[clic](http://exemple.fr)",
      "[clic](//exemple.fr)",
      "[clic](/admin)",
      "<javascript:alert(1)>",
    ]) {
      const out = html(source);
      expect(out, source).not.toMatch(/href=/);
      if (source.startsWith("[")) expect(out, source).toContain("clic");
    }
  });

  it("does not let a label inject attributes", () => {
    const out = html('[" onmouseover="alert(1)](https://exemple.fr)');
    expect(out).toContain('href="https://exemple.fr/"');
    expect(out).toContain("&quot; onmouseover=&quot;alert(1)");
    expect(out).not.toContain('" onmouseover="');
  });

  it("does not let a URL break out of its attribute", () => {
    const out = html('https://exemple.fr/"onmouseover="alert(1)');
    expect(out).not.toContain('" onmouseover');
    expect(out).not.toMatch(/<a [^>]*onmouseover/);
  });
});

describe("safeHref and phoneHref", () => {
  it("accepts only https, mailto and tel", () => {
    expect(safeHref("https://coop-emploi.fr")).toBe("https://coop-emploi.fr/");
    expect(safeHref("mailto:a@b.fr")).toBe("mailto:a@b.fr");
    expect(safeHref("tel:+33567312162")).toBe("tel:+33567312162");
    expect(safeHref("tel:0567312162")).toBe("tel:+33567312162");
    expect(safeHref("javascript:alert(1)")).toBeNull();
    expect(safeHref(" javascript:alert(1)")).toBeNull();
    expect(safeHref("http://coop-emploi.fr")).toBeNull();
    expect(safeHref("mailto:javascript:alert(1)")).toBeNull();
    expect(safeHref("tel:javascript:alert(1)")).toBeNull();
    expect(safeHref("https://")).toBeNull();
  });

  it("writes French phones in international form", () => {
    expect(phoneHref("05.67.31.21.62")).toBe("tel:+33567312162");
    expect(phoneHref("+33 (0)5 67 31 21 62")).toBe("tel:+33567312162");
  });
});
