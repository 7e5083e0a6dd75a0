// Fixed demo data: agencies, sectors, staff, clients, qualifications and the
// pool of fictional temp workers. Every person here is invented; phone
// numbers use the ranges reserved for fiction (06 39 98, 05 36 49) except the
// agency lines given by the product brief.

export const DEMO_PASSWORD = "Demo2026!";
export const DEMO_WORKER_EMAIL = "interimaire@demo.coop-emploi.fr";
export const DEMO_STAFF_EMAIL = "agence@demo.coop-emploi.fr";
export const DEMO_CLIENT_EMAIL = "client@demo.coop-emploi.fr";

export type AgencySeed = {
  code: string;
  name: string;
  address: string;
  postalCode: string;
  city: string;
  phone: string;
  onCallPhone: string;
  email: string;
  payrollEmail: string;
  frontDeskEmail: string;
  // Printed on payslips and certificates; not in the schema.
  siret: string;
  urssaf: string;
};

export const AGENCIES: AgencySeed[] = [
  {
    code: "MEDIMP",
    name: "Coop Emploi Médico-social",
    address: "18 allées Jean Jaurès",
    postalCode: "31000",
    city: "Toulouse",
    phone: "05 67 31 21 62",
    onCallPhone: "06 10 89 66 08",
    email: "agence@coop-emploi.fr",
    payrollEmail: "servicepaie@coop-emploi.fr",
    frontDeskEmail: "accueil@coop-emploi.fr",
    siret: "812 345 678 00027",
    urssaf: "Midi-Pyrénées n° 737 000 481 215",
  },
  {
    code: "EDUC31",
    name: "Coop Emploi Éducatif",
    address: "18 allées Jean Jaurès",
    postalCode: "31000",
    city: "Toulouse",
    phone: "05 36 49 12 40",
    onCallPhone: "06 39 98 12 40",
    email: "educatif@coop-emploi.fr",
    payrollEmail: "servicepaie@coop-emploi.fr",
    frontDeskEmail: "accueil@coop-emploi.fr",
    siret: "812 345 678 00035",
    urssaf: "Midi-Pyrénées n° 737 000 481 223",
  },
];

export type SectorSeed = { agency: string; name: string; position: number };

export const SECTORS: SectorSeed[] = [
  { agency: "MEDIMP", name: "Pôle Haute-Garonne et Aveyron", position: 0 },
  { agency: "MEDIMP", name: "Pôle Ariège et Hautes-Pyrénées", position: 1 },
  { agency: "MEDIMP", name: "Pôle Éducatif (31, 32) et Tarn", position: 2 },
  { agency: "EDUC31", name: "Pôle Éducatif Haute-Garonne et Gers", position: 0 },
  { agency: "EDUC31", name: "Pôle Éducatif Tarn", position: 1 },
];

export type StaffSeed = {
  email: string;
  firstName: string;
  lastName: string;
  jobTitle: string;
  phone?: string;
  // agency code -> sector name (null: member without a sector)
  memberships: Record<string, string | null>;
};

const RECRUITER = "Chargé(e) de recrutement";

export const STAFF: StaffSeed[] = [
  {
    email: DEMO_STAFF_EMAIL,
    firstName: "Sophie",
    lastName: "Martel",
    jobTitle: "Responsable d'agence",
    phone: "06 39 98 20 01",
    memberships: { MEDIMP: null, EDUC31: null },
  },
  {
    email: "lea.fabre@demo.coop-emploi.fr",
    firstName: "Léa",
    lastName: "Fabre",
    jobTitle: RECRUITER,
    memberships: { MEDIMP: "Pôle Haute-Garonne et Aveyron" },
  },
  {
    email: "margaux.riviere@demo.coop-emploi.fr",
    firstName: "Margaux",
    lastName: "Rivière",
    jobTitle: RECRUITER,
    memberships: { MEDIMP: "Pôle Haute-Garonne et Aveyron" },
  },
  {
    email: "thomas.delmas@demo.coop-emploi.fr",
    firstName: "Thomas",
    lastName: "Delmas",
    jobTitle: RECRUITER,
    memberships: { MEDIMP: "Pôle Haute-Garonne et Aveyron" },
  },
  {
    email: "ines.marty@demo.coop-emploi.fr",
    firstName: "Inès",
    lastName: "Marty",
    jobTitle: RECRUITER,
    memberships: { MEDIMP: "Pôle Haute-Garonne et Aveyron" },
  },
  {
    email: "julie.castan@demo.coop-emploi.fr",
    firstName: "Julie",
    lastName: "Castan",
    jobTitle: RECRUITER,
    memberships: { MEDIMP: "Pôle Ariège et Hautes-Pyrénées" },
  },
  {
    email: "nadia.ferhat@demo.coop-emploi.fr",
    firstName: "Nadia",
    lastName: "Ferhat",
    jobTitle: RECRUITER,
    memberships: { MEDIMP: "Pôle Ariège et Hautes-Pyrénées" },
  },
  {
    email: "karim.saidi@demo.coop-emploi.fr",
    firstName: "Karim",
    lastName: "Saïdi",
    jobTitle: RECRUITER,
    memberships: { MEDIMP: "Pôle Ariège et Hautes-Pyrénées" },
  },
  {
    email: "chloe.vidal@demo.coop-emploi.fr",
    firstName: "Chloé",
    lastName: "Vidal",
    jobTitle: RECRUITER,
    memberships: { MEDIMP: "Pôle Éducatif (31, 32) et Tarn", EDUC31: "Pôle Éducatif Haute-Garonne et Gers" },
  },
  {
    email: "yasmine.haddad@demo.coop-emploi.fr",
    firstName: "Yasmine",
    lastName: "Haddad",
    jobTitle: RECRUITER,
    memberships: { MEDIMP: "Pôle Éducatif (31, 32) et Tarn", EDUC31: "Pôle Éducatif Tarn" },
  },
  {
    email: "hugo.carriere@demo.coop-emploi.fr",
    firstName: "Hugo",
    lastName: "Carrière",
    jobTitle: RECRUITER,
    memberships: { EDUC31: "Pôle Éducatif Tarn" },
  },
  {
    email: "elodie.roussel@demo.coop-emploi.fr",
    firstName: "Élodie",
    lastName: "Roussel",
    jobTitle: "Chargée d'accueil",
    memberships: { MEDIMP: null, EDUC31: null },
  },
  {
    email: "patrick.lacombe@demo.coop-emploi.fr",
    firstName: "Patrick",
    lastName: "Lacombe",
    jobTitle: "Gestionnaire de paie",
    memberships: { MEDIMP: null, EDUC31: null },
  },
];

export const PAYROLL_STAFF_EMAIL = "patrick.lacombe@demo.coop-emploi.fr";
export const FRONT_DESK_STAFF_EMAIL = "elodie.roussel@demo.coop-emploi.fr";

export type QualificationSeed = { code: string; label: string };

export const QUALIFICATIONS: QualificationSeed[] = [
  { code: "301", label: "INFIRMIER" },
  { code: "312", label: "AIDE-SOIGNANT" },
  { code: "318", label: "AIDE MÉDICO-PSYCHOLOGIQUE" },
  { code: "319", label: "ACCOMPAGNANT ÉDUCATIF ET SOCIAL" },
  { code: "520", label: "AGENT DE SERVICE HOSPITALIER" },
  { code: "525", label: "AGENT DE SERVICE LOGISTIQUE" },
  { code: "610", label: "ANIMATEUR" },
  { code: "612", label: "MONITEUR-ÉDUCATEUR" },
  { code: "615", label: "ÉDUCATEUR SPÉCIALISÉ" },
  { code: "620", label: "AESH - ACCOMPAGNANT D'ÉLÈVES EN SITUATION DE HANDICAP" },
];

export type City = { name: string; postalCode: string; inseeCode: string; latitude: number; longitude: number };

export const CITIES = {
  toulouse: { name: "Toulouse", postalCode: "31000", inseeCode: "31555", latitude: 43.6045, longitude: 1.444 },
  toulouseRangueil: { name: "Toulouse", postalCode: "31400", inseeCode: "31555", latitude: 43.5744, longitude: 1.4593 },
  colomiers: { name: "Colomiers", postalCode: "31770", inseeCode: "31149", latitude: 43.6112, longitude: 1.335 },
  blagnac: { name: "Blagnac", postalCode: "31700", inseeCode: "31069", latitude: 43.637, longitude: 1.39 },
  muret: { name: "Muret", postalCode: "31600", inseeCode: "31395", latitude: 43.461, longitude: 1.327 },
  castanet: { name: "Castanet-Tolosan", postalCode: "31320", inseeCode: "31113", latitude: 43.516, longitude: 1.498 },
  balma: { name: "Balma", postalCode: "31130", inseeCode: "31044", latitude: 43.611, longitude: 1.499 },
  saintGaudens: { name: "Saint-Gaudens", postalCode: "31800", inseeCode: "31483", latitude: 43.108, longitude: 0.723 },
  rodez: { name: "Rodez", postalCode: "12000", inseeCode: "12202", latitude: 44.3506, longitude: 2.575 },
  onet: { name: "Onet-le-Château", postalCode: "12850", inseeCode: "12176", latitude: 44.365, longitude: 2.593 },
  millau: { name: "Millau", postalCode: "12100", inseeCode: "12145", latitude: 44.098, longitude: 3.078 },
  villefranche: { name: "Villefranche-de-Rouergue", postalCode: "12200", inseeCode: "12300", latitude: 44.352, longitude: 2.035 },
  decazeville: { name: "Decazeville", postalCode: "12300", inseeCode: "12089", latitude: 44.56, longitude: 2.25 },
  albi: { name: "Albi", postalCode: "81000", inseeCode: "81004", latitude: 43.9289, longitude: 2.1464 },
  castres: { name: "Castres", postalCode: "81100", inseeCode: "81065", latitude: 43.606, longitude: 2.24 },
  gaillac: { name: "Gaillac", postalCode: "81600", inseeCode: "81099", latitude: 43.901, longitude: 1.897 },
  foix: { name: "Foix", postalCode: "09000", inseeCode: "09122", latitude: 42.965, longitude: 1.607 },
  pamiers: { name: "Pamiers", postalCode: "09100", inseeCode: "09225", latitude: 43.116, longitude: 1.611 },
  saintGirons: { name: "Saint-Girons", postalCode: "09200", inseeCode: "09261", latitude: 42.985, longitude: 1.146 },
  tarbes: { name: "Tarbes", postalCode: "65000", inseeCode: "65440", latitude: 43.233, longitude: 0.078 },
  lourdes: { name: "Lourdes", postalCode: "65100", inseeCode: "65286", latitude: 43.094, longitude: -0.046 },
  auch: { name: "Auch", postalCode: "32000", inseeCode: "32013", latitude: 43.646, longitude: 0.586 },
} satisfies Record<string, City>;

export type CityKey = keyof typeof CITIES;

export type ClientSeed = {
  key: string;
  agency: string;
  name: string;
  siret: string;
  phone: string;
  email: string;
  site: { name: string; address: string; city: CityKey; latitude: number; longitude: number; accessMeans: string; phone: string };
  qualifications: string[]; // codes the client usually asks for
  patterns: ShiftPatternKey[]; // usual schedules
};

export const CLIENTS: ClientSeed[] = [
  {
    key: "jean23",
    agency: "MEDIMP",
    name: "RESIDENCE JEAN XXIII",
    siret: "779 123 456 00018",
    phone: "05 36 49 59 00",
    email: "direction.jean23@exemple.fr",
    site: {
      name: "EHPAD Résidence Jean XXIII",
      address: "96 Rue Jean XXIII",
      city: "rodez",
      latitude: 44.3578,
      longitude: 2.5612,
      accessMeans: "Par ses propres moyens",
      phone: "05 36 49 59 00",
    },
    qualifications: ["525", "520", "312", "318", "301"],
    patterns: ["evening", "morning", "afternoon", "night"],
  },
  {
    key: "closfleuri",
    agency: "MEDIMP",
    name: "APF MAS LE CLOS FLEURI",
    siret: "775 688 732 00412",
    phone: "05 36 49 31 20",
    email: "secretariat.closfleuri@exemple.fr",
    site: {
      name: "MAS Le Clos Fleuri",
      address: "4 Chemin des Genêts",
      city: "onet",
      latitude: 44.3689,
      longitude: 2.5987,
      accessMeans: "Bus ligne 3, arrêt Les Genêts",
      phone: "05 36 49 31 20",
    },
    qualifications: ["525", "520", "312", "318", "319"],
    patterns: ["alternating", "morning", "afternoon", "split"],
  },
  {
    key: "cedres",
    agency: "MEDIMP",
    name: "EHPAD LES CÈDRES BLEUS",
    siret: "513 204 877 00026",
    phone: "05 36 49 44 10",
    email: "accueil.cedresbleus@exemple.fr",
    site: {
      name: "EHPAD Les Cèdres Bleus",
      address: "12 Avenue de la Méditerranée",
      city: "castanet",
      latitude: 43.5142,
      longitude: 1.5011,
      accessMeans: "Métro ligne B Ramonville puis bus 79",
      phone: "05 36 49 44 10",
    },
    qualifications: ["312", "520", "525", "301"],
    patterns: ["morning", "afternoon", "long", "night"],
  },
  {
    key: "valariege",
    agency: "MEDIMP",
    name: "EHPAD LE VAL D'ARIÈGE",
    siret: "420 318 965 00019",
    phone: "05 36 49 09 30",
    email: "rh.valariege@exemple.fr",
    site: {
      name: "EHPAD Le Val d'Ariège",
      address: "27 Rue des Moulins",
      city: "foix",
      latitude: 42.9611,
      longitude: 1.6098,
      accessMeans: "Par ses propres moyens",
      phone: "05 36 49 09 30",
    },
    qualifications: ["312", "520", "525", "301"],
    patterns: ["morning", "afternoon", "night"],
  },
  {
    key: "fampyrenees",
    agency: "MEDIMP",
    name: "FAM LES PYRÉNÉES",
    siret: "334 870 512 00031",
    phone: "05 36 49 65 00",
    email: "cadre.fampyrenees@exemple.fr",
    site: {
      name: "Foyer d'accueil médicalisé Les Pyrénées",
      address: "3 Rue du Pic du Midi",
      city: "tarbes",
      latitude: 43.2385,
      longitude: 0.0712,
      accessMeans: "Bus ligne 2, arrêt Pic du Midi",
      phone: "05 36 49 65 00",
    },
    qualifications: ["318", "319", "312", "520"],
    patterns: ["morning", "afternoon", "split"],
  },
  {
    key: "jaures",
    agency: "EDUC31",
    name: "COLLÈGE JEAN JAURÈS",
    siret: "198 100 456 00015",
    phone: "05 36 49 81 00",
    email: "secretariat.college-jaures@exemple.fr",
    site: {
      name: "Collège Jean Jaurès",
      address: "8 Rue de la Croix Verte",
      city: "albi",
      latitude: 43.9262,
      longitude: 2.1513,
      accessMeans: "Par ses propres moyens",
      phone: "05 36 49 81 00",
    },
    qualifications: ["620", "610", "525"],
    patterns: ["school", "schoolMorning"],
  },
  {
    key: "imesources",
    agency: "EDUC31",
    name: "IME LES SOURCES",
    siret: "442 567 890 00024",
    phone: "05 36 49 32 00",
    email: "direction.imesources@exemple.fr",
    site: {
      name: "Institut médico-éducatif Les Sources",
      address: "15 Chemin de la Fontaine",
      city: "auch",
      latitude: 43.6512,
      longitude: 0.5794,
      accessMeans: "Par ses propres moyens",
      phone: "05 36 49 32 00",
    },
    qualifications: ["612", "615", "319", "610"],
    patterns: ["school", "afternoon"],
  },
  {
    key: "passerelle",
    agency: "EDUC31",
    name: "MECS LA PASSERELLE",
    siret: "389 012 345 00047",
    phone: "05 36 49 31 55",
    email: "chef-service.passerelle@exemple.fr",
    site: {
      name: "Maison d'enfants La Passerelle",
      address: "41 Avenue de Lombez",
      city: "toulouse",
      latitude: 43.5953,
      longitude: 1.4187,
      accessMeans: "Métro ligne A, station Patte d'Oie",
      phone: "05 36 49 31 55",
    },
    qualifications: ["615", "612", "610"],
    patterns: ["afternoon", "long", "night"],
  },
];

export type ClientUserSeed = { email: string; firstName: string; lastName: string; client: string };

export const CLIENT_USERS: ClientUserSeed[] = [
  { email: DEMO_CLIENT_EMAIL, firstName: "Catherine", lastName: "Bousquet", client: "jean23" },
  { email: "direction.closfleuri@exemple.fr", firstName: "Olivier", lastName: "Mazars", client: "closfleuri" },
  { email: "secretariat.college-jaures@exemple.fr", firstName: "Nathalie", lastName: "Cabrol", client: "jaures" },
];

// ---------------------------------------------------------------------------
// Schedules. A pattern lists the slots of one worked day; "alternating"
// alternates its two slots day by day (the guide's 07:30 / 14:00 weeks).
// ---------------------------------------------------------------------------

export type Slot = { start: string; end: string; breakMinutes: number };
export type ShiftPattern = { label: string; slots: Slot[]; alternate?: boolean; weekdaysOnly?: boolean; night?: boolean };

export const SHIFT_PATTERNS = {
  evening: { label: "13:30-20:30 00:00-00:00", slots: [{ start: "13:30", end: "20:30", breakMinutes: 0 }] },
  morning: { label: "07:30-14:30 00:00-00:00", slots: [{ start: "07:30", end: "14:30", breakMinutes: 0 }] },
  afternoon: { label: "14:00-21:00 00:00-00:00", slots: [{ start: "14:00", end: "21:00", breakMinutes: 0 }] },
  night: { label: "21:00-07:00 00:00-00:00", slots: [{ start: "21:00", end: "07:00", breakMinutes: 30 }], night: true },
  // 10 h of work at most a day: 11 hours with a one-hour break.
  long: { label: "08:00-19:00 00:00-00:00", slots: [{ start: "08:00", end: "19:00", breakMinutes: 60 }] },
  // The day ends at 20:30 and the next starts at 07:30: the 11 h of daily rest.
  split: {
    label: "07:30-11:00 17:00-20:30",
    slots: [
      { start: "07:30", end: "11:00", breakMinutes: 0 },
      { start: "17:00", end: "20:30", breakMinutes: 0 },
    ],
  },
  // The late shift ends at 20:30 so that an early one the next day keeps 11 h of rest.
  alternating: {
    label: "07:30-14:30 13:30-20:30",
    slots: [
      { start: "07:30", end: "14:30", breakMinutes: 0 },
      { start: "13:30", end: "20:30", breakMinutes: 0 },
    ],
    alternate: true,
  },
  school: {
    label: "08:30-12:00 13:30-16:30",
    slots: [
      { start: "08:30", end: "12:00", breakMinutes: 0 },
      { start: "13:30", end: "16:30", breakMinutes: 0 },
    ],
    weekdaysOnly: true,
  },
  schoolMorning: { label: "08:00-12:30 00:00-00:00", slots: [{ start: "08:00", end: "12:30", breakMinutes: 0 }], weekdaysOnly: true },
} satisfies Record<string, ShiftPattern> as Record<
  "evening" | "morning" | "afternoon" | "night" | "long" | "split" | "alternating" | "school" | "schoolMorning",
  ShiftPattern
>;

export type ShiftPatternKey = keyof typeof SHIFT_PATTERNS;

// ---------------------------------------------------------------------------
// People
// ---------------------------------------------------------------------------

export const DEMO_WORKER = {
  email: DEMO_WORKER_EMAIL,
  civility: "M" as const,
  firstName: "Majid",
  lastName: "Benali",
  birthDate: "1988-03-14",
  phone: "+33612345608",
  address: "14 Rue Béteille",
  city: "rodez" as CityKey,
  mobilityKm: 50,
  workerNumber: "3985",
  agency: "MEDIMP",
  familySituation: "CELIBATAIRE" as const,
  childrenCount: 0,
  qualifications: ["525", "520"],
};

/** Replaced people ("B MAGALIE"): initial of the last name and first name. */
export const REPLACED_PEOPLE: { civility: "M" | "MME"; lastName: string; firstName: string }[] = [
  { civility: "MME", lastName: "Bonnafous", firstName: "Magalie" },
  { civility: "MME", lastName: "Alric", firstName: "Nicole" },
  { civility: "MME", lastName: "Azéma", firstName: "Sabine" },
  { civility: "MME", lastName: "Costes", firstName: "Martine" },
  { civility: "M", lastName: "Puech", firstName: "Laurent" },
  { civility: "MME", lastName: "Vernhes", firstName: "Josiane" },
  { civility: "MME", lastName: "Lacan", firstName: "Brigitte" },
  { civility: "M", lastName: "Gineste", firstName: "Olivier" },
  { civility: "MME", lastName: "Rouquette", firstName: "Sandrine" },
  { civility: "MME", lastName: "Fraysse", firstName: "Karine" },
  { civility: "MME", lastName: "Delpech", firstName: "Valérie" },
  { civility: "M", lastName: "Mouly", firstName: "Didier" },
  { civility: "MME", lastName: "Carrié", firstName: "Isabelle" },
  { civility: "MME", lastName: "Bès", firstName: "Patricia" },
  { civility: "MME", lastName: "Vayssettes", firstName: "Corinne" },
  { civility: "M", lastName: "Cayla", firstName: "Stéphane" },
  { civility: "MME", lastName: "Lagarrigue", firstName: "Émilie" },
  { civility: "MME", lastName: "Soulié", firstName: "Aurélie" },
];

export type WorkerSeed = {
  civility: "M" | "MME";
  firstName: string;
  lastName: string;
  city: CityKey;
  street: string;
  agencies: string[];
  qualifications: string[];
  clients: string[]; // client keys where their missions take place
  mobilityKm: number;
  workPeriod?: "JOUR" | "NUIT" | "MATIN" | "APRES_MIDI" | "INDIFFERENT";
};

// Thirty-four fictional temp workers spread over the agencies' territory.
export const WORKERS: WorkerSeed[] = [
  {
    civility: "MME",
    firstName: "Amandine",
    lastName: "Couderc",
    city: "rodez",
    street: "7 Rue Camille Douls",
    agencies: ["MEDIMP"],
    qualifications: ["312", "520"],
    clients: ["jean23", "closfleuri"],
    mobilityKm: 30,
    workPeriod: "JOUR",
  },
  {
    civility: "MME",
    firstName: "Fatima",
    lastName: "El Amrani",
    city: "onet",
    street: "22 Avenue des Peupliers",
    agencies: ["MEDIMP"],
    qualifications: ["520", "525"],
    clients: ["jean23", "closfleuri"],
    mobilityKm: 20,
    workPeriod: "MATIN",
  },
  {
    civility: "M",
    firstName: "Julien",
    lastName: "Bessière",
    city: "rodez",
    street: "3 Boulevard Gally",
    agencies: ["MEDIMP"],
    qualifications: ["301"],
    clients: ["jean23", "closfleuri"],
    mobilityKm: 60,
    workPeriod: "INDIFFERENT",
  },
  {
    civility: "MME",
    firstName: "Océane",
    lastName: "Mercadier",
    city: "onet",
    street: "9 Rue des Coquelicots",
    agencies: ["MEDIMP"],
    qualifications: ["318", "319"],
    clients: ["closfleuri", "jean23"],
    mobilityKm: 25,
    workPeriod: "APRES_MIDI",
  },
  {
    civility: "MME",
    firstName: "Sylvie",
    lastName: "Trémolières",
    city: "villefranche",
    street: "14 Promenade du Giraudet",
    agencies: ["MEDIMP"],
    qualifications: ["312"],
    clients: ["jean23"],
    mobilityKm: 60,
    workPeriod: "JOUR",
  },
  {
    civility: "M",
    firstName: "Mamadou",
    lastName: "Diallo",
    city: "rodez",
    street: "41 Avenue de Paris",
    agencies: ["MEDIMP"],
    qualifications: ["525", "520"],
    clients: ["jean23", "closfleuri"],
    mobilityKm: 40,
    workPeriod: "NUIT",
  },
  {
    civility: "MME",
    firstName: "Laetitia",
    lastName: "Vidal",
    city: "decazeville",
    street: "5 Rue Cayrade",
    agencies: ["MEDIMP"],
    qualifications: ["312", "318"],
    clients: ["jean23", "closfleuri"],
    mobilityKm: 50,
    workPeriod: "INDIFFERENT",
  },
  {
    civility: "MME",
    firstName: "Nora",
    lastName: "Khelifi",
    city: "millau",
    street: "18 Avenue Jean Jaurès",
    agencies: ["MEDIMP"],
    qualifications: ["520"],
    clients: ["jean23"],
    mobilityKm: 80,
    workPeriod: "JOUR",
  },
  {
    civility: "M",
    firstName: "Kévin",
    lastName: "Albouy",
    city: "onet",
    street: "2 Impasse des Acacias",
    agencies: ["MEDIMP"],
    qualifications: ["312"],
    clients: ["closfleuri", "jean23"],
    mobilityKm: 30,
    workPeriod: "NUIT",
  },
  {
    civility: "MME",
    firstName: "Élise",
    lastName: "Bourdoncle",
    city: "rodez",
    street: "11 Rue Béteille",
    agencies: ["MEDIMP"],
    qualifications: ["301"],
    clients: ["jean23", "closfleuri"],
    mobilityKm: 50,
    workPeriod: "JOUR",
  },
  {
    civility: "MME",
    firstName: "Aïcha",
    lastName: "Traoré",
    city: "toulouseRangueil",
    street: "63 Avenue de Rangueil",
    agencies: ["MEDIMP"],
    qualifications: ["312", "520"],
    clients: ["cedres"],
    mobilityKm: 20,
    workPeriod: "MATIN",
  },
  {
    civility: "M",
    firstName: "Romain",
    lastName: "Gaubert",
    city: "castanet",
    street: "6 Rue du Lauragais",
    agencies: ["MEDIMP"],
    qualifications: ["301"],
    clients: ["cedres"],
    mobilityKm: 30,
    workPeriod: "NUIT",
  },
  {
    civility: "MME",
    firstName: "Jessica",
    lastName: "Moreno",
    city: "muret",
    street: "25 Avenue Vincent Auriol",
    agencies: ["MEDIMP"],
    qualifications: ["520", "525"],
    clients: ["cedres"],
    mobilityKm: 35,
    workPeriod: "INDIFFERENT",
  },
  {
    civility: "MME",
    firstName: "Marie-Claire",
    lastName: "Lafont",
    city: "balma",
    street: "10 Chemin de la Ribaute",
    agencies: ["MEDIMP"],
    qualifications: ["312"],
    clients: ["cedres"],
    mobilityKm: 25,
    workPeriod: "JOUR",
  },
  {
    civility: "M",
    firstName: "Yanis",
    lastName: "Mansouri",
    city: "colomiers",
    street: "4 Allée du Comminges",
    agencies: ["MEDIMP"],
    qualifications: ["525"],
    clients: ["cedres"],
    mobilityKm: 30,
    workPeriod: "APRES_MIDI",
  },
  {
    civility: "MME",
    firstName: "Camille",
    lastName: "Sabatier",
    city: "blagnac",
    street: "17 Rue Pasteur",
    agencies: ["MEDIMP"],
    qualifications: ["318", "312"],
    clients: ["cedres"],
    mobilityKm: 25,
    workPeriod: "JOUR",
  },
  {
    civility: "MME",
    firstName: "Priscilla",
    lastName: "Nguyen",
    city: "toulouse",
    street: "8 Rue des Lois",
    agencies: ["MEDIMP"],
    qualifications: ["301"],
    clients: ["cedres"],
    mobilityKm: 15,
    workPeriod: "INDIFFERENT",
  },
  {
    civility: "MME",
    firstName: "Sandra",
    lastName: "Pujol",
    city: "foix",
    street: "3 Rue Delcassé",
    agencies: ["MEDIMP"],
    qualifications: ["312", "520"],
    clients: ["valariege"],
    mobilityKm: 40,
    workPeriod: "JOUR",
  },
  {
    civility: "M",
    firstName: "Bastien",
    lastName: "Rouch",
    city: "pamiers",
    street: "29 Rue Gabriel Péri",
    agencies: ["MEDIMP"],
    qualifications: ["520", "525"],
    clients: ["valariege"],
    mobilityKm: 45,
    workPeriod: "INDIFFERENT",
  },
  {
    civility: "MME",
    firstName: "Hélène",
    lastName: "Galy",
    city: "saintGirons",
    street: "12 Avenue Aristide Bergès",
    agencies: ["MEDIMP"],
    qualifications: ["301"],
    clients: ["valariege"],
    mobilityKm: 60,
    workPeriod: "NUIT",
  },
  {
    civility: "MME",
    firstName: "Sonia",
    lastName: "Benhamou",
    city: "foix",
    street: "6 Allées de Villote",
    agencies: ["MEDIMP"],
    qualifications: ["312"],
    clients: ["valariege"],
    mobilityKm: 30,
    workPeriod: "MATIN",
  },
  {
    civility: "MME",
    firstName: "Maïté",
    lastName: "Larrieu",
    city: "tarbes",
    street: "15 Rue Larrey",
    agencies: ["MEDIMP"],
    qualifications: ["318", "319"],
    clients: ["fampyrenees"],
    mobilityKm: 30,
    workPeriod: "JOUR",
  },
  {
    civility: "M",
    firstName: "Florian",
    lastName: "Cazaux",
    city: "lourdes",
    street: "9 Avenue Maréchal Foch",
    agencies: ["MEDIMP"],
    qualifications: ["312", "520"],
    clients: ["fampyrenees"],
    mobilityKm: 40,
    workPeriod: "INDIFFERENT",
  },
  {
    civility: "MME",
    firstName: "Inès",
    lastName: "Ferreira",
    city: "tarbes",
    street: "44 Avenue Bertrand Barère",
    agencies: ["MEDIMP"],
    qualifications: ["319"],
    clients: ["fampyrenees"],
    mobilityKm: 25,
    workPeriod: "APRES_MIDI",
  },
  {
    civility: "MME",
    firstName: "Lucie",
    lastName: "Bertrand",
    city: "albi",
    street: "21 Rue de la Piale",
    agencies: ["EDUC31"],
    qualifications: ["620"],
    clients: ["jaures"],
    mobilityKm: 20,
    workPeriod: "MATIN",
  },
  {
    civility: "M",
    firstName: "Théo",
    lastName: "Granier",
    city: "albi",
    street: "5 Lices Pompidou",
    agencies: ["EDUC31"],
    qualifications: ["610", "620"],
    clients: ["jaures"],
    mobilityKm: 30,
    workPeriod: "JOUR",
  },
  {
    civility: "MME",
    firstName: "Samira",
    lastName: "Bouzid",
    city: "gaillac",
    street: "13 Place du Griffoul",
    agencies: ["EDUC31"],
    qualifications: ["620"],
    clients: ["jaures"],
    mobilityKm: 35,
    workPeriod: "JOUR",
  },
  {
    civility: "M",
    firstName: "Antoine",
    lastName: "Escande",
    city: "castres",
    street: "7 Quai des Jacobins",
    agencies: ["EDUC31", "MEDIMP"],
    qualifications: ["525", "610"],
    clients: ["jaures"],
    mobilityKm: 50,
    workPeriod: "INDIFFERENT",
  },
  {
    civility: "MME",
    firstName: "Manon",
    lastName: "Dufau",
    city: "auch",
    street: "16 Rue Dessoles",
    agencies: ["EDUC31"],
    qualifications: ["612", "319"],
    clients: ["imesources"],
    mobilityKm: 40,
    workPeriod: "JOUR",
  },
  {
    civility: "M",
    firstName: "Rachid",
    lastName: "Ouali",
    city: "auch",
    street: "2 Avenue de la Marne",
    agencies: ["EDUC31"],
    qualifications: ["615"],
    clients: ["imesources", "passerelle"],
    mobilityKm: 80,
    workPeriod: "INDIFFERENT",
  },
  {
    civility: "MME",
    firstName: "Justine",
    lastName: "Lamothe",
    city: "toulouse",
    street: "30 Rue Bayard",
    agencies: ["EDUC31"],
    qualifications: ["615", "612"],
    clients: ["passerelle"],
    mobilityKm: 20,
    workPeriod: "APRES_MIDI",
  },
  {
    civility: "M",
    firstName: "Nicolas",
    lastName: "Faure",
    city: "colomiers",
    street: "19 Rue du Centre",
    agencies: ["EDUC31"],
    qualifications: ["612"],
    clients: ["passerelle"],
    mobilityKm: 25,
    workPeriod: "NUIT",
  },
  {
    civility: "MME",
    firstName: "Clara",
    lastName: "Mendès",
    city: "toulouseRangueil",
    street: "4 Rue Saint-Roch",
    agencies: ["EDUC31"],
    qualifications: ["610"],
    clients: ["passerelle", "imesources"],
    mobilityKm: 90,
    workPeriod: "JOUR",
  },
  {
    civility: "M",
    firstName: "Baptiste",
    lastName: "Soula",
    city: "saintGaudens",
    street: "8 Boulevard Bepmale",
    agencies: ["MEDIMP"],
    qualifications: ["520", "525"],
    clients: ["cedres", "valariege"],
    mobilityKm: 100,
    workPeriod: "INDIFFERENT",
  },
];
