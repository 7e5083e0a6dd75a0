// Diplomas: the demo worker's (approved, pending, refused, with scans) and
// the other workers' approved ones behind their qualifications, a few recent
// uploads waiting for validation.
import type { Context } from "./context";
import { slug } from "./context";
import { DEMO_WORKER } from "./data";
import type { Organisation } from "./organisation";
import { addDays, addMinutes, calendarDay, isoDate } from "./time";
import type { WorkerCtx, Workers } from "./workers";

export const DIPLOMA_NAMES: Record<string, string> = {
  "301": "Diplôme d'État d'infirmier",
  "312": "DEAS - Diplôme d'État d'aide-soignant",
  "318": "DEAMP - Diplôme d'État d'aide médico-psychologique",
  "319": "DEAES - Diplôme d'État d'accompagnant éducatif et social",
  "520": "Titre professionnel Agent de service médico-social",
  "525": "CAP Agent polyvalent de restauration",
  "610": "BPJEPS Animation sociale",
  "612": "DEME - Diplôme d'État de moniteur-éducateur",
  "615": "DEES - Diplôme d'État d'éducateur spécialisé",
  "620": "Attestation de formation AESH (60 heures)",
};

export function addDiplomas(ctx: Context, org: Organisation, people: Workers): void {
  const { plan, rng, now, today, officeTime, notAfterNow } = ctx;
  const { staffId, qualificationId, recruiterOf } = org;
  const { demo, others } = people;
  const plainDiplomaDoc = (w: WorkerCtx, title: string, obtainedOn: Date, createdAt: Date, fileName: string) => {
    const id = rng.id();
    plan.documents.push({
      row: { id, kind: "DIPLOMA", workerId: w.profileId, agencyId: null, fileName, uploadedById: w.userId, createdAt },
      render: {
        kind: "plain",
        data: {
          heading: "RÉPUBLIQUE FRANÇAISE",
          title,
          paragraphs: [
            `Décerné à ${w.civility === "M" ? "M." : "Mme"} ${w.firstName} ${w.lastName.toUpperCase()}`,
            `né${w.civility === "MME" ? "e" : ""} le ${isoDate(w.birthDate).split("-").reverse().join("/")}`,
            `Délivré le ${isoDate(obtainedOn).split("-").reverse().join("/")}`,
          ],
          footer: "Copie numérisée - document fictif de démonstration",
        },
      },
    });
    return id;
  };

  // Demo worker: an approved title that grants 520 and 525, a pending DEAS, a refused attestation.
  {
    const approvedOn = calendarDay(2016, 6, 24);
    const approvedCreated = addMinutes(demo.createdAt, 40);
    const approvedId = rng.id();
    plan.diplomas.push({
      id: approvedId,
      workerId: demo.profileId,
      name: "Titre professionnel Agent de service médico-social",
      obtainedOn: approvedOn,
      documentId: plainDiplomaDoc(
        demo,
        "Titre professionnel Agent de service médico-social",
        approvedOn,
        approvedCreated,
        "titre-pro-asms.pdf",
      ),
      status: "APPROVED",
      reviewerId: staffId["lea.fabre@demo.coop-emploi.fr"],
      reviewedAt: addMinutes(approvedCreated, 60 * 26),
      createdAt: approvedCreated,
    });
    plan.diplomaGrants.push({ diplomaId: approvedId, qualificationIds: [qualificationId["520"], qualificationId["525"]] });
    for (const code of DEMO_WORKER.qualifications) {
      plan.workerQualifications.push({
        workerId: demo.profileId,
        qualificationId: qualificationId[code],
        grantedAt: addMinutes(approvedCreated, 60 * 26),
        diplomaId: approvedId,
      });
    }

    const deasOn = today.getUTCMonth() >= 6 ? calendarDay(today.getUTCFullYear(), 7, 3) : calendarDay(today.getUTCFullYear() - 1, 7, 3);
    const pendingCreated = notAfterNow(addMinutes(now, -60 * rng.int(20, 70)));
    plan.diplomas.push({
      id: rng.id(),
      workerId: demo.profileId,
      name: "DEAS - Diplôme d'État d'aide-soignant",
      obtainedOn: deasOn,
      documentId: plainDiplomaDoc(demo, "Diplôme d'État d'aide-soignant", deasOn, pendingCreated, "deas.pdf"),
      status: "PENDING",
      createdAt: pendingCreated,
    });

    const refusedOn = calendarDay(today.getUTCFullYear() - 1, 2, 12);
    const refusedCreated = officeTime(addDays(today, -rng.int(40, 60)));
    plan.diplomas.push({
      id: rng.id(),
      workerId: demo.profileId,
      name: "Attestation de formation gestes et postures",
      obtainedOn: refusedOn,
      documentId: plainDiplomaDoc(
        demo,
        "Attestation de formation - Gestes et postures",
        refusedOn,
        refusedCreated,
        "attestation-gestes-postures.pdf",
      ),
      status: "REFUSED",
      reviewerId: staffId["margaux.riviere@demo.coop-emploi.fr"],
      reviewedAt: addMinutes(refusedCreated, 60 * 20),
      refusalReason: "Document illisible : merci de déposer un scan complet et lisible de l'attestation.",
      createdAt: refusedCreated,
    });
  }

  // Other workers: approved diplomas (paper originals, no scan) for their qualifications;
  // a few recent uploads waiting for validation, with a scan.
  others.forEach((w, index) => {
    for (const code of w.qualifications) {
      const createdAt = addMinutes(w.createdAt, rng.int(30, 600));
      const lastYear = Math.min(today.getUTCFullYear() - 1, w.createdAt.getUTCFullYear());
      const obtainedOn = calendarDay(
        rng.int(Math.min(Math.max(w.birthDate.getUTCFullYear() + 19, 1990), lastYear), lastYear),
        rng.int(1, 12),
        rng.int(1, 28),
      );
      const diplomaId = rng.id();
      const agency = Object.keys(w.numbers)[0];
      plan.diplomas.push({
        id: diplomaId,
        workerId: w.profileId,
        name: DIPLOMA_NAMES[code],
        obtainedOn,
        status: "APPROVED",
        reviewerId: recruiterOf(agency),
        reviewedAt: addMinutes(createdAt, rng.int(60, 60 * 48)),
        createdAt,
      });
      plan.diplomaGrants.push({ diplomaId, qualificationIds: [qualificationId[code]] });
      plan.workerQualifications.push({
        workerId: w.profileId,
        qualificationId: qualificationId[code],
        grantedAt: addMinutes(createdAt, 60 * 49),
        diplomaId,
      });
    }
    if (index % 9 === 4) {
      const code = w.qualifications.includes("312") ? "318" : w.qualifications.includes("520") ? "312" : "610";
      const createdAt = notAfterNow(addMinutes(now, -60 * rng.int(3, 120)));
      const obtainedOn = calendarDay(today.getUTCFullYear() - rng.int(0, 1), rng.int(1, 6), rng.int(1, 28));
      plan.diplomas.push({
        id: rng.id(),
        workerId: w.profileId,
        name: DIPLOMA_NAMES[code],
        obtainedOn,
        documentId: plainDiplomaDoc(
          w,
          DIPLOMA_NAMES[code].replace(/^[A-Z]+ - /, ""),
          obtainedOn,
          createdAt,
          `${slug(DIPLOMA_NAMES[code]).slice(0, 40)}.pdf`,
        ),
        status: "PENDING",
        createdAt,
      });
    }
  });
}

/**
 * Qualifications granted the only way the app grants them: through a diploma
 * the agency approved (no diploma, no qualification, no mission). For the
 * accounts fixtures add after the demo's diplomas are drawn.
 */
export function grantThroughApprovedDiplomas(
  plan: Context["plan"],
  rng: Context["rng"],
  args: { workerId: string; codes: string[]; qualificationId: Record<string, string>; at: Date },
): void {
  for (const code of args.codes) {
    const diplomaId = rng.id();
    plan.diplomas.push({
      id: diplomaId,
      workerId: args.workerId,
      name: DIPLOMA_NAMES[code],
      obtainedOn: calendarDay(args.at.getUTCFullYear() - 3, 6, 30),
      status: "APPROVED",
      reviewedAt: args.at,
      createdAt: args.at,
    });
    plan.diplomaGrants.push({ diplomaId, qualificationIds: [args.qualificationId[code]] });
    plan.workerQualifications.push({ workerId: args.workerId, qualificationId: args.qualificationId[code], grantedAt: args.at, diplomaId });
  }
}
