import { describe, expect, it } from "vitest";
import {
  contentDisposition,
  documentCount,
  downloadName,
  listHref,
  looksLikePdf,
  parseListQuery,
  parsePayslipFileName,
  uniqueNames,
} from "@/lib/documents/rules";

describe("payslip file names", () => {
  it("reads <workerNumber>_<YYYYMMDD>.pdf", () => {
    const parsed = parsePayslipFileName("1691_20190630.pdf");
    expect(parsed).toMatchObject({ ok: true, workerNumber: "1691", number: "1691_20190630" });
    if (!parsed.ok) throw new Error("unreachable");
    expect(parsed.periodStart.toISOString()).toBe("2019-06-01T00:00:00.000Z");
    expect(parsed.periodEnd.toISOString()).toBe("2019-06-30T00:00:00.000Z");
    expect(parsePayslipFileName("paie/juin/3985_20240229.PDF")).toMatchObject({ ok: true, workerNumber: "3985", number: "3985_20240229" });
  });

  it("explains what is wrong", () => {
    expect(parsePayslipFileName("bulletin juin.pdf")).toMatchObject({ ok: false, reason: expect.stringMatching(/non reconnu/) });
    expect(parsePayslipFileName("1691_20190630.docx")).toMatchObject({ ok: false });
    expect(parsePayslipFileName("1691_2019063.pdf")).toMatchObject({ ok: false });
    expect(parsePayslipFileName("1691_20190230.pdf")).toMatchObject({ ok: false, reason: expect.stringMatching(/Date invalide/) });
    expect(parsePayslipFileName("1691_20191301.pdf")).toMatchObject({ ok: false, reason: expect.stringMatching(/Date invalide/) });
    expect(parsePayslipFileName("../1691_20190630.pdf.exe")).toMatchObject({ ok: false });
  });
});

describe("download names and headers", () => {
  const day = (s: string) => new Date(`${s}T00:00:00Z`);
  it("gives readable names", () => {
    expect(
      downloadName({ kind: "PAYSLIP", periodStart: day("2019-06-01"), periodEnd: day("2019-06-30"), createdAt: day("2019-07-08") }),
    ).toBe("bulletin_2019-06.pdf");
    expect(
      downloadName({
        kind: "ASSEDIC_CERTIFICATE",
        periodStart: day("2019-01-01"),
        periodEnd: day("2019-06-30"),
        createdAt: day("2019-07-08"),
      }),
    ).toBe("attestation_assedic_2019-06-30.pdf");
    expect(downloadName({ kind: "WORK_CERTIFICATE", periodStart: null, periodEnd: null, createdAt: day("2019-07-08") })).toBe(
      "certificat_de_travail_2019-07-08.pdf",
    );
    expect(uniqueNames(["a.pdf", "b.pdf", "a.pdf", "a.pdf"])).toEqual(["a.pdf", "b.pdf", "a_2.pdf", "a_3.pdf"]);
  });

  it("writes an RFC 6266 Content-Disposition with an ASCII fallback", () => {
    expect(contentDisposition("bulletin_2019-06.pdf")).toBe(
      `attachment; filename="bulletin_2019-06.pdf"; filename*=UTF-8''bulletin_2019-06.pdf`,
    );
    expect(contentDisposition('relevé "été"\r\n.pdf')).toBe(
      `attachment; filename="releve _ete___.pdf"; filename*=UTF-8''relev%C3%A9%20_%C3%A9t%C3%A9___.pdf`,
    );
  });

  it("recognises PDFs by their first bytes", () => {
    expect(looksLikePdf(Buffer.from("%PDF-1.4"))).toBe(true);
    expect(looksLikePdf(Buffer.from("%PDF"))).toBe(false);
    expect(looksLikePdf(Buffer.from("PK\u0003\u0004"))).toBe(false);
  });
});

describe("list query in the URL", () => {
  it("defaults to newest first, 15 a page, and ignores junk", () => {
    expect(parseListQuery({})).toEqual({ sort: "ajout", dir: "desc", page: 1, perPage: 15 });
    expect(parseListQuery({ tri: "numero", ordre: "asc", page: "3", par: "60" })).toEqual({
      sort: "numero",
      dir: "asc",
      page: 3,
      perPage: 60,
    });
    expect(parseListQuery({ tri: "x;drop", ordre: "sideways", page: "-4", par: "1000000" })).toEqual({
      sort: "ajout",
      dir: "desc",
      page: 1,
      perPage: 15,
    });
  });

  it("builds links that keep the other parameters and leave defaults out", () => {
    const q = parseListQuery({ tri: "emission", par: "30", page: "2" });
    expect(listHref("/bulletins-de-salaire", q)).toBe("/bulletins-de-salaire?tri=emission&par=30&page=2");
    expect(listHref("/bulletins-de-salaire", q, { sort: "ajout", page: 1 })).toBe("/bulletins-de-salaire?par=30");
  });

  it("counts in French", () => {
    expect(documentCount("PAYSLIP", 5)).toBe("5 bulletins de salaire");
    expect(documentCount("PAYSLIP", 1)).toBe("1 bulletin de salaire");
    expect(documentCount("ASSEDIC_CERTIFICATE", 0)).toBe("Aucune attestation Assedic");
    expect(documentCount("WORK_CERTIFICATE", 2)).toBe("2 certificats de travail");
  });
});
