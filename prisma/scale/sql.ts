// The scale data set in SQL (PostgreSQL only): the network of issue 16 added
// on top of the demo seed with generate_series / INSERT ... SELECT. Every
// added row has an id starting with "scale_" (composite-key rows belong to a
// "scale_" worker), so that removal finds exactly what was added.

export type ScaleCounts = {
  agencies: number; // added to the demo's two
  staff: number;
  clients: number;
  workers: number;
  contracts: number; // the demo worker's included
  shifts: number; // the demo worker's included
  demoContracts: number;
  demoShifts: number;
  payslips: number;
  advances: number;
  audit: number;
  availabilityDays: number;
  profileChanges: number;
  diplomas: number;
};

export function scaleCounts(factor: number): ScaleCounts {
  const n = (full: number, min: number) => Math.max(min, Math.round(full * factor));
  const workers = n(5000, 16);
  const demoContracts = n(300, 2);
  const contracts = Math.max(n(100_000, 40), demoContracts + workers);
  return {
    agencies: 6,
    staff: n(100, 8),
    clients: n(300, 8),
    workers,
    contracts,
    shifts: Math.max(n(200_000, 80), contracts + n(2900, 10)),
    demoContracts,
    demoShifts: Math.max(n(2900, 10), demoContracts),
    payslips: n(120_000, 32),
    advances: n(30_000, 32),
    audit: n(500_000, 200),
    availabilityDays: 20,
    profileChanges: Math.min(workers, n(2000, 8)),
    diplomas: Math.min(workers, n(500, 4)),
  };
}

/** The body of a scale payslip file: the SQL below computes its size and SHA-256 from the same text. */
export function payslipText(id: string): string {
  return `%PDF-1.4\n% Bulletin de salaire (jeu de données d'échelle) ${id}\n%%EOF\n`;
}
const PAYSLIP_SQL = (idExpr: string) => `E'%PDF-1.4\\n% Bulletin de salaire (jeu de données d''échelle) ' || ${idExpr} || E'\\n%%EOF\\n'`;

/** Statements run in one transaction, in order. */
export function scaleSql(c: ScaleCounts, demo: { workerEmail: string; staffEmail: string; clientEmail: string }): string[] {
  const q = (s: string) => `'${s.replaceAll("'", "''")}'`;
  const nAgencies = c.agencies + 2;
  const otherContracts = c.contracts - c.demoContracts;
  const otherShifts = c.shifts - c.demoShifts;
  const twoShiftContracts = Math.min(otherContracts, otherShifts - otherContracts);
  const demoBase = Math.floor(c.demoShifts / c.demoContracts);
  const demoExtra = c.demoShifts - demoBase * c.demoContracts;
  const slots = Math.ceil(otherContracts / c.workers);
  const now = `date_trunc('milliseconds', now() at time zone 'UTC')`;
  return [
    // --- working tables (dropped at commit) ---------------------------------
    `CREATE TEMP TABLE s_demo ON COMMIT DROP AS
       SELECT (SELECT wp.id FROM "WorkerProfile" wp JOIN "User" u ON u.id = wp."userId" WHERE u.email = ${q(demo.workerEmail)}) AS worker,
              (SELECT u.id FROM "User" u WHERE u.email = ${q(demo.staffEmail)}) AS staff,
              (SELECT cm."clientId" FROM "ClientMembership" cm JOIN "User" u ON u.id = cm."userId" WHERE u.email = ${q(demo.clientEmail)} ORDER BY cm."clientId" LIMIT 1) AS client`,
    `DO $$ BEGIN IF (SELECT worker IS NULL OR staff IS NULL OR client IS NULL FROM s_demo) THEN
       RAISE EXCEPTION 'Données de démonstration absentes : lancez npm run db:seed avant le jeu d''échelle'; END IF; END $$`,
    // agencies: idx 0 = the demo client's agency, 1 = the other demo agency, 2.. = added ones
    `INSERT INTO "Agency" (id, code, name, address, "postalCode", city, phone, email, "payrollEmail", "createdAt", "updatedAt")
       SELECT 'scale_ag_' || i, 'SCAL' || i, 'Coop Emploi Échelle ' || i, i || ' rue des Essais', '31000', 'Toulouse',
              '05 36 49 20 ' || lpad(i::text, 2, '0'), 'echelle' || i || '@scale.invalid', 'paie.echelle' || i || '@scale.invalid', ${now}, ${now}
       FROM generate_series(1, ${c.agencies}) i`,
    `CREATE TEMP TABLE s_ag ON COMMIT DROP AS
       SELECT (row_number() OVER (ORDER BY (a.id = (SELECT "agencyId" FROM "Client" WHERE id = (SELECT client FROM s_demo))) DESC,
               (a.id LIKE 'scale\\_%') , a.code) - 1)::int AS idx, a.id
       FROM "Agency" a WHERE a.id LIKE 'scale\\_%' OR a.id IN (SELECT DISTINCT "agencyId" FROM "StaffMembership" WHERE "userId" = (SELECT staff FROM s_demo))`,
    `DO $$ BEGIN IF (SELECT count(*) FROM s_ag) <> ${nAgencies} THEN
       RAISE EXCEPTION 'Le jeu d''échelle attend les deux agences de la démo pour le compte agence'; END IF; END $$`,
    `CREATE TEMP TABLE s_q ON COMMIT DROP AS SELECT (row_number() OVER (ORDER BY code) - 1)::int AS idx, id FROM "Qualification"`,
    `INSERT INTO "Sector" (id, "agencyId", name, position) SELECT 'scale_sec_' || a.idx, a.id, 'Pôle Échelle ' || a.idx, 9 FROM s_ag a WHERE a.id LIKE 'scale\\_%'`,
    // --- staff ---------------------------------------------------------------
    `INSERT INTO "User" (id, email, role, "firstName", "lastName", "emailVerifiedAt", "createdAt", "updatedAt")
       SELECT 'scale_us_' || i, 'scale.staff' || i || '@scale.invalid', 'STAFF', 'Agent', 'Échelle ' || i, ${now}, ${now}, ${now}
       FROM generate_series(0, ${c.staff - 1}) i`,
    `INSERT INTO "StaffMembership" (id, "userId", "agencyId", "jobTitle")
       SELECT 'scale_sm_' || i, 'scale_us_' || i, a.id, 'Chargé(e) de recrutement' FROM generate_series(0, ${c.staff - 1}) i JOIN s_ag a ON a.idx = i % ${nAgencies}`,
    // the demo staff member also works for the first added agency (about 3/8 of the contracts in scope)
    `INSERT INTO "StaffMembership" (id, "userId", "agencyId", "jobTitle") SELECT 'scale_sm_demo', staff, 'scale_ag_1', 'Chargé(e) de recrutement' FROM s_demo`,
    // --- clients and sites -----------------------------------------------------
    `INSERT INTO "Client" (id, "agencyId", name, siret, phone, email, "createdAt", "updatedAt")
       SELECT 'scale_cl_' || i, a.id, 'ÉTABLISSEMENT ÉCHELLE ' || i, '9' || lpad(i::text, 13, '0'), '05 36 49 30 ' || lpad((i % 100)::text, 2, '0'),
              'contact.client' || i || '@scale.invalid', ${now}, ${now}
       FROM generate_series(0, ${c.clients - 1}) i JOIN s_ag a ON a.idx = i % ${nAgencies}`,
    `INSERT INTO "ClientSite" (id, "clientId", name, address, "postalCode", city, latitude, longitude, "accessMeans", "createdAt", "updatedAt")
       SELECT 'scale_site_' || i || '_' || s, 'scale_cl_' || i, CASE s WHEN 0 THEN 'Site principal' ELSE 'Annexe' END, (i + s) || ' avenue des Essais', '31000', 'Toulouse',
              43.6 + ((i * 37 + s * 11) % 100 - 50) / 100.0, 1.44 + ((i * 53 + s * 7) % 140 - 70) / 100.0, 'Par ses propres moyens', ${now}, ${now}
       FROM generate_series(0, ${c.clients - 1}) i, generate_series(0, 1) s`,
    `CREATE TEMP TABLE s_cl ON COMMIT DROP AS
       SELECT i AS idx, i % ${nAgencies} AS ag, (i / ${nAgencies})::int AS rank FROM generate_series(0, ${c.clients - 1}) i`,
    `CREATE TEMP TABLE s_cpa ON COMMIT DROP AS SELECT ag, count(*)::int AS n FROM s_cl GROUP BY ag`,
    // --- workers ---------------------------------------------------------------
    `INSERT INTO "User" (id, email, role, "firstName", "lastName", "emailVerifiedAt", "createdAt", "updatedAt")
       SELECT 'scale_uw_' || i, 'scale.worker' || i || '@scale.invalid', 'WORKER',
              (ARRAY['Camille','Lucas','Manon','Hugo','Sarah','Nathan','Emma','Louis','Chloé','Jules'])[1 + i % 10], 'Intérimaire ' || i, ${now}, ${now}, ${now}
       FROM generate_series(0, ${c.workers - 1}) i`,
    `INSERT INTO "WorkerProfile" (id, "userId", civility, "birthDate", phone, address, "postalCode", city, latitude, longitude, "mobilityKm", "workPeriod", "createdAt", "updatedAt")
       SELECT 'scale_wp_' || i, 'scale_uw_' || i, CASE WHEN i % 2 = 0 THEN 'MME' ELSE 'M' END::"Civility", DATE '1970-01-01' + (i * 3 % 12000),
              '+3363998' || lpad((i % 10000)::text, 4, '0'), i || ' chemin des Essais', '31000', 'Toulouse',
              43.6 + ((i * 37) % 100 - 50) / 100.0, 1.44 + ((i * 53) % 140 - 70) / 100.0, 10 + (i % 5) * 10,
              (ARRAY['JOUR','NUIT','INDIFFERENT','MATIN','APRES_MIDI'])[1 + i % 5]::"WorkPeriodPreference", ${now}, ${now}
       FROM generate_series(0, ${c.workers - 1}) i`,
    `INSERT INTO "WorkerAgency" (id, "workerId", "agencyId", "workerNumber")
       SELECT 'scale_wa_' || i, 'scale_wp_' || i, a.id, 'S' || lpad(i::text, 5, '0') FROM generate_series(0, ${c.workers - 1}) i JOIN s_ag a ON a.idx = i % ${nAgencies}`,
    `INSERT INTO "WorkerQualification" ("workerId", "qualificationId")
       SELECT 'scale_wp_' || i, q.id FROM generate_series(0, ${c.workers - 1}) i
       JOIN s_q q ON q.idx = (i * 7) % (SELECT count(*) FROM s_q) OR (i % 2 = 0 AND q.idx = (i * 7 + 3) % (SELECT count(*) FROM s_q))`,
    `INSERT INTO "Availability" (id, "workerId", date, part, available, "createdAt", "updatedAt")
       SELECT 'scale_av_' || i || '_' || d, 'scale_wp_' || i, current_date + d, (ARRAY['MORNING','AFTERNOON','FULL_DAY','NIGHT'])[1 + (i + d) % 4]::"DayPart",
              (i + d) % 5 <> 0, ${now}, ${now}
       FROM generate_series(0, ${c.workers - 1}) i, generate_series(0, ${c.availabilityDays - 1}) d`,
    // --- contracts: worker w's contract k starts on a Monday, slots of 14 days, never overlapping ---
    `CREATE TEMP TABLE s_ct ON COMMIT DROP AS
       SELECT g, g % ${c.workers} AS w, (g / ${c.workers})::int AS k,
              (date_trunc('week', current_date)::date - ${Math.round(slots * 0.8) * 14} + ((g / ${c.workers})::int) * 14) AS start,
              CASE WHEN g < ${twoShiftContracts} THEN 2 ELSE 1 END AS nshifts
       FROM generate_series(0, ${otherContracts - 1}) g`,
    `CREATE TEMP TABLE s_ct2 ON COMMIT DROP AS
       SELECT t.g, 'scale_wp_' || t.w AS worker, a.id AS agency, t.start, t.nshifts,
              CASE WHEN t.w % ${nAgencies} = 0 AND (t.g / ${nAgencies}) % 9 < 5 THEN (SELECT client FROM s_demo) ELSE 'scale_cl_' || cl.idx END AS client,
              CASE WHEN t.w % ${nAgencies} = 0 AND (t.g / ${nAgencies}) % 9 < 5
                   THEN (SELECT min(id) FROM "ClientSite" WHERE "clientId" = (SELECT client FROM s_demo))
                   ELSE 'scale_site_' || cl.idx || '_' || (t.g % 2) END AS site,
              (SELECT q.id FROM s_q q WHERE q.idx = (t.w * 7) % (SELECT count(*) FROM s_q)) AS qual
       FROM s_ct t
       JOIN s_ag a ON a.idx = t.w % ${nAgencies}
       JOIN s_cpa p ON p.ag = t.w % ${nAgencies}
       JOIN s_cl cl ON cl.ag = t.w % ${nAgencies} AND cl.rank = (t.k + t.w) % p.n`,
    `INSERT INTO "Contract" (id, number, reference, "agencyId", "workerId", "clientId", "siteId", "qualificationId", "startDate", "endDate", "hoursLabel",
                             "hourlyRateCents", "weeklyHours", "recourseReason", "recourseCase", state, "issuedAt", "signedAt", "cancelledAt", version, "createdAt", "updatedAt")
       SELECT 'scale_ct_' || g, 'SC' || lpad(g::text, 7, '0'), 'ÉCHELLE ' || g, agency, worker, client, site, qual, start, start + nshifts - 1,
              '08:00-12:00 13:00-16:00', 1300 + g % 400, 35, 'Accroissement temporaire d''activité', 'ACTIVITY_INCREASE', st,
              CASE WHEN st = 'DRAFT' THEN NULL ELSE (start - 12)::timestamp END,
              CASE WHEN st = 'SIGNED' THEN (start - 10)::timestamp END,
              CASE WHEN st = 'CANCELLED' THEN (start - 5)::timestamp END, 1, (start - 14)::timestamp, (start - 10)::timestamp
       FROM (SELECT *, CASE WHEN start + nshifts - 1 < current_date THEN CASE WHEN g % 23 = 0 THEN 'CANCELLED' ELSE 'SIGNED' END
                            WHEN start <= current_date + 14 THEN 'SIGNED'
                            ELSE (ARRAY['AWAITING_SIGNATURE','INCOMPLETE','DRAFT'])[1 + g % 3] END::"ContractState" AS st FROM s_ct2) x`,
    // the demo worker: 11-day slots ending before their first demo contract
    `INSERT INTO "Contract" (id, number, reference, "agencyId", "workerId", "clientId", "siteId", "qualificationId", "startDate", "endDate", "hoursLabel",
                             "hourlyRateCents", "weeklyHours", "recourseReason", "recourseCase", state, "issuedAt", "signedAt", version, "createdAt", "updatedAt")
       SELECT 'scale_ctd_' || k, 'SD' || lpad(k::text, 6, '0'), 'ÉCHELLE DÉMO ' || k, c."agencyId", d.worker, c.id,
              (SELECT min(id) FROM "ClientSite" WHERE "clientId" = c.id), (SELECT id FROM s_q WHERE idx = 0),
              first.day - ${11 * c.demoContracts + 7} + k * 11, first.day - ${11 * c.demoContracts + 7} + k * 11 + n - 1,
              '07:00-14:00 00:00-00:00', 1350, 35, 'Remplacement d''un salarié absent', 'REPLACEMENT_ABSENT', 'SIGNED',
              (first.day - ${11 * c.demoContracts + 20} + k * 11)::timestamp, (first.day - ${11 * c.demoContracts + 18} + k * 11)::timestamp, 1,
              (first.day - ${11 * c.demoContracts + 21} + k * 11)::timestamp, (first.day - ${11 * c.demoContracts + 18} + k * 11)::timestamp
       FROM s_demo d, generate_series(0, ${c.demoContracts - 1}) k
       CROSS JOIN LATERAL (SELECT CASE WHEN k < ${demoExtra} THEN ${demoBase + 1} ELSE ${demoBase} END AS n) nn
       CROSS JOIN LATERAL (SELECT coalesce(min("startDate"), current_date) AS day FROM "Contract" WHERE "workerId" = d.worker AND id NOT LIKE 'scale\\_%') first
       CROSS JOIN LATERAL (SELECT cl.id, cl."agencyId" FROM "Client" cl
                           WHERE cl."agencyId" IN (SELECT "agencyId" FROM "WorkerAgency" WHERE "workerId" = d.worker)
                           ORDER BY (cl.id = d.client) DESC, cl.id LIMIT 1) c`,
    // one shift a day of each contract, 07:00-14:00 UTC with a 30-minute break
    `INSERT INTO "Shift" (id, "contractId", "startsAt", "endsAt", "breakMinutes", kind, validated, "validatedAt", "createdAt", "updatedAt")
       SELECT 'scale_sh_' || substr(c.id, 7) || '_' || d, c.id, (c."startDate" + d) + time '07:00', (c."startDate" + d) + time '14:00', 30, 'WORK',
              c."endDate" < current_date, CASE WHEN c."endDate" < current_date THEN (c."endDate" + 1)::timestamp END, c."createdAt", c."createdAt"
       FROM "Contract" c, generate_series(0, c."endDate" - c."startDate") d
       WHERE c.id LIKE 'scale\\_%'`,
    // submitted timesheets for half the finished contracts of the added workers
    `INSERT INTO "Timesheet" (id, "contractId", "weekStart", status, "submittedAt", "createdAt", "updatedAt")
       SELECT 'scale_ts_' || substr(c.id, 10), c.id, date_trunc('week', c."startDate")::date, 'SUBMITTED', (c."endDate" + 1)::timestamp, (c."endDate" + 1)::timestamp, (c."endDate" + 1)::timestamp
       FROM "Contract" c WHERE c.id LIKE 'scale\\_ct\\_%' AND c."endDate" < current_date AND c.state = 'SIGNED' AND (substr(c.id, 10))::int % 2 = 0`,
    `INSERT INTO "TimesheetEntry" (id, "timesheetId", date, minutes, "clientMinutes", "mealAllowances", "shiftId")
       SELECT 'scale_te_' || substr(s.id, 10), t.id, s."startsAt"::date, 390, 390, 1, s.id
       FROM "Timesheet" t JOIN "Shift" s ON s."contractId" = t."contractId" WHERE t.id LIKE 'scale\\_%'`,
    // --- payslips: Document rows on distinct small files (written by the script) ---
    `INSERT INTO "Document" (id, kind, "workerId", "agencyId", "storageKey", "fileName", "mimeType", "sizeBytes", sha256, number, "periodStart", "periodEnd", "createdAt")
       SELECT x.id, 'PAYSLIP', 'scale_wp_' || w, a.id,
              to_char(ms, 'YYYY/MM') || '/' || substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-' || substr(h, 13, 4) || '-' || substr(h, 17, 4) || '-' || substr(h, 21, 12),
              'bulletin_' || to_char(ms, 'YYYY-MM') || '.pdf', 'application/pdf', octet_length(convert_to(${PAYSLIP_SQL("x.id")}, 'UTF8')),
              encode(sha256(convert_to(${PAYSLIP_SQL("x.id")}, 'UTF8')), 'hex'),
              'S' || lpad(w::text, 5, '0') || '_' || to_char(ms + interval '1 month' - interval '1 day', 'YYYYMMDD'), ms, (ms + interval '1 month' - interval '1 day')::date,
              (ms + interval '1 month' + interval '8 days')::timestamp
       FROM (SELECT 'scale_doc_' || p AS id, p % ${c.workers} AS w, md5('scale_doc_' || p) AS h,
                    (date_trunc('month', current_date) - ((p / ${c.workers})::int + 1) * interval '1 month')::date AS ms
             FROM generate_series(0, ${c.payslips - 1}) p) x
       JOIN s_ag a ON a.idx = x.w % ${nAgencies}`,
    // --- advances: one pending for next Wednesday, then paid or refused weekly ----
    `INSERT INTO "AdvanceRequest" (id, "workerId", "agencyId", "amountCents", "payDate", status, "refusalReason", "paidOn", "decidedAt", "availableCentsAtRequest", "openKey", "createdAt", "updatedAt")
       SELECT 'scale_adv_' || i, 'scale_wp_' || w, a.id, 5000 + (i % 20) * 1000, pay,
              st::"AdvanceStatus", CASE WHEN st = 'REFUSED' THEN 'Montant supérieur aux heures validées' END,
              CASE WHEN st = 'PAID' THEN pay END, CASE WHEN st <> 'PENDING' THEN (pay - 1)::timestamp END, 40000,
              CASE WHEN st = 'PENDING' THEN 'scale_wp_' || w || ':' || a.id || ':' || to_char(pay, 'YYYY-MM-DD') END,
              (pay - 5)::timestamp, (pay - 5)::timestamp
       FROM (SELECT i, i % ${c.workers} AS w, (date_trunc('week', current_date)::date + 9 - ((i / ${c.workers})::int) * 7) AS pay,
                    CASE WHEN i / ${c.workers} = 0 THEN 'PENDING' WHEN (i / ${c.workers}) % 5 = 3 THEN 'REFUSED' ELSE 'PAID' END AS st
             FROM generate_series(0, ${c.advances - 1}) i) x
       JOIN s_ag a ON a.idx = x.w % ${nAgencies}`,
    // --- reviews waiting for staff ------------------------------------------------
    `INSERT INTO "ProfileChange" (id, "workerId", field, "oldValue", "newValue", status, "pendingKey", "createdAt")
       SELECT 'scale_pc_' || i, 'scale_wp_' || i, 'phone', '+3363998' || lpad((i % 10000)::text, 4, '0'), '+3363999' || lpad((i % 10000)::text, 4, '0'), 'PENDING',
              'scale_wp_' || i || ':phone', ${now} - i * interval '7 minutes'
       FROM generate_series(0, ${c.profileChanges - 1}) i`,
    `INSERT INTO "Diploma" (id, "workerId", name, "obtainedOn", status, "createdAt")
       SELECT 'scale_dip_' || i, 'scale_wp_' || i, 'Diplôme d''État d''aide-soignant', DATE '2015-06-30' + (i % 2000), 'PENDING', ${now} - i * interval '11 minutes'
       FROM generate_series(0, ${c.diplomas - 1}) i`,
    // --- a ciblage over the first agency's workers ----------------------------------
    `INSERT INTO "MissionNeed" (id, "agencyId", "siteId", "qualificationId", "startDate", "endDate", "hoursLabel", "hourlyRateCents", description, "workersWanted", status, "createdById", "createdAt")
       SELECT 'scale_need_0', a.id, 'scale_site_0_0', (SELECT id FROM s_q WHERE idx = 0), current_date + 7, current_date + 11, '08:00-12:00 13:00-16:00', 1400,
              'Renfort (jeu d''échelle)', 3, 'OPEN', (SELECT staff FROM s_demo), ${now}
       FROM s_ag a WHERE a.idx = 0`,
    // --- audit log: 500,000 entries over a year, each with its agency -------------
    `INSERT INTO "AuditLog" (id, action, "actorId", "subjectUserId", "agencyId", "entityType", "entityId", "ipAddress", "createdAt")
       SELECT 'scale_au_' || i, act, CASE WHEN act = 'auth.login' THEN 'scale_uw_' || w ELSE 'scale_us_' || s END, 'scale_uw_' || w, a.id,
              CASE WHEN act = 'auth.login' THEN NULL ELSE 'WorkerProfile' END, CASE WHEN act = 'auth.login' THEN NULL ELSE 'scale_wp_' || w END,
              '10.0.' || (i % 250) || '.' || (i % 200), ${now} - i * interval '63 seconds'
       FROM (SELECT i, i % ${nAgencies} AS ag,
                    (i % ${nAgencies}) + ${nAgencies} * ((i / ${nAgencies}) % greatest(1, ${Math.floor(c.workers / nAgencies)})) AS w,
                    (i % ${nAgencies}) + ${nAgencies} * ((i / ${nAgencies}) % greatest(1, ${Math.floor(c.staff / nAgencies)})) AS s,
                    (ARRAY['auth.login','contract.created','contract.issued','contract.updated','advance.accepted','advance.paid','document.published',
                           'profile.change_approved','timesheet.corrected','worker.invited'])[1 + (i / 3) % 10] AS act
             FROM generate_series(0, ${c.audit - 1}) i) x
       JOIN s_ag a ON a.idx = x.ag`,
  ];
}

/** Rows added by the scale seed, removed children first (cascades take the rest). */
export const REMOVE_SQL = [
  `DELETE FROM "AuditLog" WHERE id LIKE 'scale\\_%'`,
  `DELETE FROM "MissionNeed" WHERE id LIKE 'scale\\_%'`,
  `DELETE FROM "TimesheetEntry" WHERE id LIKE 'scale\\_%'`,
  `DELETE FROM "Timesheet" WHERE id LIKE 'scale\\_%'`,
  `DELETE FROM "Shift" WHERE id LIKE 'scale\\_%'`,
  `DELETE FROM "Contract" WHERE id LIKE 'scale\\_%'`,
  `DELETE FROM "Document" WHERE id LIKE 'scale\\_%'`,
  `DELETE FROM "AdvanceRequest" WHERE id LIKE 'scale\\_%'`,
  `DELETE FROM "ProfileChange" WHERE id LIKE 'scale\\_%'`,
  `DELETE FROM "Diploma" WHERE id LIKE 'scale\\_%'`,
  `DELETE FROM "Availability" WHERE id LIKE 'scale\\_%'`,
  `DELETE FROM "WorkerQualification" WHERE "workerId" LIKE 'scale\\_%'`,
  `DELETE FROM "WorkerAgency" WHERE id LIKE 'scale\\_%'`,
  `DELETE FROM "WorkerProfile" WHERE id LIKE 'scale\\_%'`,
  `DELETE FROM "StaffMembership" WHERE id LIKE 'scale\\_%'`,
  `DELETE FROM "ClientSite" WHERE id LIKE 'scale\\_%'`,
  `DELETE FROM "Client" WHERE id LIKE 'scale\\_%'`,
  `DELETE FROM "Sector" WHERE id LIKE 'scale\\_%'`,
  `DELETE FROM "User" WHERE id LIKE 'scale\\_%'`,
  `DELETE FROM "Agency" WHERE id LIKE 'scale\\_%'`,
];
