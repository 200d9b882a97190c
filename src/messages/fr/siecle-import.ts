/** French wording of the SIECLE import (docs/ux.md, Orga screens): error messages, page, CLI. */
import { plural } from "./format";

import {
  type ImportedField,
  type ImportErrorCode,
  type LearnerFieldChange,
  SKIP_REASONS,
  type SkipReason,
} from "@/features/siecle-import/types";

/** What a message may need besides the code; every key is optional. */
export type ImportErrorParams = {
  nationalStudentId?: string;
  line?: number;
  /** Human label of the field ("date de naissance"), not the raw column name. */
  fieldLabel?: string;
  /** Raw column label for header errors. */
  header?: string;
  value?: string;
  detail?: string;
  fileUai?: string;
  schoolUai?: string;
  encoding?: string;
  firstLine?: number;
  names?: string;
  rootElement?: string;
  maxMegabytes?: number;
  variant?:
    | "NO_RECORD"
    | "ZERO_BYTES"
    | "NOT_A_REGISTER"
    | "MALFORMED_XML"
    | "DTD"
    | "NOT_STUDENT_ROOT"
    | "ZIP_NO_XML"
    | "ZIP_SEVERAL_XML"
    | "ZIP_CORRUPT"
    | "ZIP_ENCRYPTED"
    | "ZIP_METHOD"
    | "UNPACKED"
    | "UPLOAD"
    | "DECLARED"
    | "GARBLED"
    | "CSV_UNKNOWN"
    | "NO_UAJ"
    | "QUOTES"
    | "TOO_MANY_CELLS"
    | "DELIMITER";
  /** EMPTY / NO_RECORD: how many pupils were left out, per reason, and who (for no INE or no class). */
  skippedCounts?: Record<SkipReason, number>;
  skippedStudents?: { reason: SkipReason; name: string; division: string | null }[];
};

export const importedFieldLabels: Record<ImportedField, string> = {
  firstName: "prénom",
  middleName: "deuxième prénom",
  thirdName: "troisième prénom",
  lastName: "nom de famille",
  preferredLastName: "nom d'usage",
  sex: "sexe",
  birthdate: "date de naissance",
  birthCityCode: "code de la commune de naissance",
  birthCity: "commune de naissance",
  birthProvinceCode: "département de naissance",
  birthCountryCode: "pays de naissance",
  mefCode: "formation (MEF)",
  status: "statut",
  division: "classe",
};

function shownValue(field: ImportedField, value: string | null): string {
  if (value === null || value === "") return "(vide)";
  if (field === "birthdate") {
    const [year, month, day] = value.split("-");
    return `${day}/${month}/${year}`;
  }
  if (field === "sex") return value === "F" ? "fille" : value === "M" ? "garçon" : value;
  if (field === "status") return value === "ST" ? "scolaire" : value === "AP" ? "apprenti" : value;
  return value;
}

/** A pupil left out, as the staff read it: "Jean DUPONT (6E A)". */
export const skippedStudentLabel = (student: { name: string; division: string | null }): string =>
  student.division ? `${student.name} (${student.division})` : student.name;

function noRecordMessage(p: ImportErrorParams): string {
  const counts = p.skippedCounts;
  const parts = counts
    ? SKIP_REASONS.filter((reason) => counts[reason] > 0).map((reason) => {
        const named = (p.skippedStudents ?? []).filter((student) => student.reason === reason);
        const names = named.length > 0 ? ` : ${named.map(skippedStudentLabel).join(", ")}` : "";
        return `${skippedCount(reason, counts[reason])}${names}`;
      })
    : [];
  return parts.length > 0
    ? `Le fichier ne contient aucun élève à importer. Élèves ignorés : ${parts.join(" ; ")}.`
    : "Le fichier ne contient aucun élève à importer.";
}

const rowPrefix = (p: ImportErrorParams): string =>
  p.line !== undefined ? `Ligne ${p.line} : ` : p.nationalStudentId ? `Élève INE ${p.nationalStudentId} : ` : "";

const fieldOf = (p: ImportErrorParams, fallback: string): string => p.fieldLabel ?? fallback;

/** CSV lines name the column as the template does; SIECLE records say what is missing. */
const required = (p: ImportErrorParams, what: string): string =>
  p.line !== undefined && p.fieldLabel
    ? `${rowPrefix(p)}le champ « ${p.fieldLabel} » est obligatoire.`
    : `${rowPrefix(p)}${what} est obligatoire.`;

/** One French sentence per code; row errors start with "Ligne 12 : " or "Élève INE … : ". */
export function formatImportErrorMessage(code: ImportErrorCode, p: ImportErrorParams): string {
  switch (code) {
    case "PAYLOAD_TOO_LARGE":
      return p.variant === "UNPACKED"
        ? `Le fichier contenu dans l'archive ZIP dépasse ${p.maxMegabytes} Mo une fois décompressé : il ne peut pas s'agir d'un export SIECLE d'un établissement.`
        : `Le fichier dépasse la taille maximale de ${p.maxMegabytes} Mo.`;
    case "EMPTY":
      return p.variant === "ZERO_BYTES" ? "Le fichier est vide." : noRecordMessage(p);
    case "INVALID_FILE":
      switch (p.variant) {
        case "MALFORMED_XML":
          return `Le fichier XML est incomplet ou mal formé${p.line ? ` (ligne ${p.line})` : ""}. Exportez-le de nouveau depuis SIECLE.`;
        case "DTD":
          return "Le fichier XML contient une déclaration DOCTYPE ou des entités : elles ne sont pas acceptées, pour des raisons de sécurité. Déposez le fichier tel qu'exporté de SIECLE.";
        case "NOT_STUDENT_ROOT":
          return `Ce fichier XML n'est pas un export SIECLE des élèves (élément racine « ${p.rootElement} »).`;
        case "ZIP_NO_XML":
          return "L'archive ZIP ne contient aucun fichier XML. Déposez l'archive ExportXML_ElevesSansAdresses.zip telle qu'exportée de SIECLE.";
        case "ZIP_SEVERAL_XML":
          return `L'archive ZIP contient plusieurs fichiers XML (${p.names}) : elle ne doit en contenir qu'un seul, ElevesSansAdresses.xml.`;
        case "ZIP_ENCRYPTED":
          return "L'archive ZIP est protégée par un mot de passe : déposez une archive non chiffrée.";
        case "ZIP_METHOD":
          return "L'archive ZIP utilise une méthode de compression non prise en charge.";
        case "ZIP_CORRUPT":
          return "L'archive ZIP est endommagée ou incomplète. Téléchargez-la de nouveau depuis SIECLE.";
        default:
          return "Ce fichier n'est ni un export SIECLE (XML ou ZIP) ni un fichier CSV d'élèves.";
      }
    case "WRONG_SIECLE_FILE":
      return p.rootElement === "BEE_RESPONSABLES"
        ? "Ce fichier est l'export SIECLE des responsables (parents), pas celui des élèves. Déposez l'export « Élèves sans adresses » (ElevesSansAdresses.xml ou son archive ZIP)."
        : `Ce fichier est un autre export SIECLE (${p.rootElement}), pas celui des élèves. Déposez l'export « Élèves sans adresses » (ElevesSansAdresses.xml ou son archive ZIP).`;
    case "ENCODING_NOT_SUPPORTED":
      if (p.variant === "DECLARED")
        return `L'encodage déclaré par le fichier (${p.encoding}) n'est pas pris en charge.`;
      if (p.variant === "CSV_UNKNOWN")
        return "L'encodage du fichier CSV n'a pas été reconnu. Enregistrez-le au format « CSV UTF-8 » ou « CSV (séparateur : point-virgule) » puis réessayez.";
      return `${rowPrefix(p)}des caractères du fichier sont illisibles : son encodage ne correspond pas à celui qu'il déclare. Exportez-le de nouveau depuis SIECLE sans le modifier.`;
    case "UAI_MISMATCHED":
      return p.variant === "NO_UAJ"
        ? `Le fichier n'indique pas d'établissement (UAI absent). Exportez de nouveau la base élèves de votre établissement (${p.schoolUai}).`
        : `Ce fichier concerne l'établissement ${p.fileUai}, pas le vôtre (${p.schoolUai}). Exportez la base élèves de votre établissement.`;
    case "BAD_CSV_FORMAT":
      if (p.variant === "QUOTES") return `${rowPrefix(p)}les guillemets de cette ligne sont mal fermés.`;
      if (p.variant === "TOO_MANY_CELLS") return `${rowPrefix(p)}la ligne contient plus de colonnes que l'en-tête.`;
      return "Le séparateur du fichier CSV n'a pas été reconnu : utilisez le point-virgule (;) ou la virgule (,).";
    case "HEADER_REQUIRED":
      return `La colonne « ${p.header} » est absente de la première ligne. Utilisez le modèle de fichier CSV.`;
    case "HEADER_UNKNOWN":
      return `La colonne « ${p.header} » n'est pas reconnue. Utilisez le modèle de fichier CSV.`;
    case "HEADER_DUPLICATED":
      return `La colonne « ${p.header} » apparaît plusieurs fois.`;
    case "INE_UNIQUE":
      return p.line !== undefined
        ? `Ligne ${p.line} : l'identifiant ${p.nationalStudentId} apparaît plusieurs fois (déjà ligne ${p.firstLine}).`
        : `L'INE ${p.nationalStudentId} apparaît plusieurs fois.`;
    case "FIELD_REQUIRED":
      return `${rowPrefix(p)}le champ « ${fieldOf(p, "?")} » est obligatoire.`;
    case "FIRST_NAME_REQUIRED":
      return required(p, "le prénom");
    case "LAST_NAME_REQUIRED":
      return required(p, "le nom de famille");
    case "BIRTHDATE_REQUIRED":
      return required(p, "la date de naissance");
    case "INVALID_BIRTHDATE_FORMAT":
      return `${rowPrefix(p)}la date de naissance « ${p.value} » n'est pas une date valide au format jj/mm/aaaa.`;
    case "SEX_CODE_REQUIRED":
      return required(p, "le sexe");
    case "SEX_CODE_INVALID":
      return p.line !== undefined
        ? `${rowPrefix(p)}le code sexe « ${p.value} » n'est pas reconnu (M ou F attendu).`
        : `${rowPrefix(p)}le code sexe « ${p.value} » n'est pas reconnu (1 ou 2 attendu).`;
    case "BIRTH_CITY_CODE_REQUIRED_FOR_FR_STUDENT":
      return `${rowPrefix(p)}le code INSEE de la commune de naissance est obligatoire pour un élève né en France.`;
    case "BIRTH_CITY_REQUIRED_FOR_FOREIGN_STUDENT":
      return `${rowPrefix(p)}le libellé de la commune de naissance est obligatoire pour un élève né à l'étranger.`;
    case "INSEE_CODE_INVALID":
      return `${rowPrefix(p)}le code commune « ${p.value} » n'est pas un code INSEE valide (5 caractères, par exemple 69123 ou 2A004).`;
    case "COUNTRY_CODE_INVALID":
      return p.line !== undefined
        ? `${rowPrefix(p)}le code pays « ${p.value} » n'est pas valide (5 chiffres commençant par 99, par exemple 99100 pour la France).`
        : `${rowPrefix(p)}le code pays « ${p.value} » n'est pas valide (3 chiffres, par exemple 100 pour la France).`;
    case "STATUS_INVALID":
      return `${rowPrefix(p)}le statut « ${p.value} » n'est pas reconnu (ST ou AP attendu).`;
  }
}

/** "1 sorti de l'établissement", "3 sans INE". */
export const skippedCount = (reason: SkipReason, n: number): string =>
  reason === "LEFT_SCHOOL"
    ? plural(n, "élève sorti de l'établissement", "élèves sortis de l'établissement")
    : `${plural(n, "élève", "élèves")} ${reason === "NO_NATIONAL_STUDENT_ID" ? "sans INE" : "sans classe"}`;

/** The words of `/orga/eleves/import`. */
export const siecleImportPage = {
  title: "Importer la base élèves",
  intro:
    "Importez la base élèves de SIECLE à chaque rentrée et dès que des élèves arrivent ou partent. Les élèves absents du fichier sont désactivés, jamais supprimés : leurs parcours et leurs résultats sont conservés.",
  lastImportLabel: "Dernier import",
  formTitle: "Nouvel import",
  dropZone: "Déposez le fichier ElevesSansAdresses (XML ou ZIP) exporté de SIECLE, ou un fichier CSV",
  fileLabel: "Fichier à importer",
  chooseFile: "Choisir un fichier",
  noFileYet: "Aucun fichier choisi",
  fileHint: "XML, ZIP ou CSV, 20 Mo au maximum. Vous pourrez vérifier le résultat avant de confirmer.",
  templateLink: "Télécharger le modèle de fichier CSV",
  sendFile: "Analyser le fichier",
  uploading: (percent: number) => `Envoi du fichier : ${percent} %`,
  analysing: "Analyse du fichier en cours…",
  applying: "Import en cours…",
  previewTitle: "Vérifiez avant d'importer",
  previewSummary: (c: { created: number; updated: number; disabled: number; skipped: number }) =>
    `${plural(c.created, "élève sera ajouté", "élèves seront ajoutés")}, ${c.updated} mis à jour, ${plural(c.disabled, "désactivé", "désactivés")} (absents du fichier), ${plural(c.skipped, "ignoré", "ignorés")} (sortis de l'établissement, sans INE ou sans classe)`,
  unchanged: (n: number) => `${plural(n, "élève est déjà à jour", "élèves sont déjà à jour")}.`,
  skippedDetail: skippedCount,
  /** Under "sans INE" / "sans classe": what to do about them. */
  skippedFix: {
    NO_NATIONAL_STUDENT_ID: "Complétez leur INE dans SIECLE, puis importez de nouveau le fichier :",
    NO_DIVISION: "Affectez-les à une classe dans SIECLE, puis importez de nouveau le fichier :",
  } as Record<"NO_NATIONAL_STUDENT_ID" | "NO_DIVISION", string>,
  moreSkipped: (n: number) => `… et ${plural(n, "autre élève", "autres élèves")}.`,
  changesTitle: "Élèves mis à jour : ce qui change",
  changesCaption: "Élèves mis à jour par cet import",
  changesColumns: { learner: "Élève", division: "Classe", change: "Changement" },
  reEnabled: "revient dans l'établissement (absent du dernier import)",
  changeLine: (change: LearnerFieldChange) =>
    `${importedFieldLabels[change.field]} : ${shownValue(change.field, change.before)} → ${shownValue(change.field, change.after)}`,
  moreChanges: (n: number) => `… et ${plural(n, "autre élève mis à jour", "autres élèves mis à jour")}.`,
  classesFound: (n: number) => `${plural(n, "classe trouvée", "classes trouvées")} :`,
  classesListLabel: "Classes du fichier",
  classesSummary: (n: number) => `${plural(n, "classe", "classes")} dans la base élèves.`,
  confirm: "Confirmer l'import",
  cancel: "Annuler",
  errorTitle: "Aucun élève n'a été importé. Corrigez le fichier puis réessayez.",
  errorCount: (n: number) => `${plural(n, "erreur", "erreurs")} :`,
  importDone: "Import terminé.",
  importedBanner: (when: string, by: string) => `Base élèves importée le ${when} par ${by}`,
  importedCounts: (c: { created: number; updated: number; disabled: number; skipped: number }) =>
    `${plural(c.created, "élève ajouté", "élèves ajoutés")}, ${c.updated} mis à jour, ${plural(c.disabled, "désactivé", "désactivés")}, ${plural(c.skipped, "ignoré", "ignorés")}.`,
  operatorAuthor: "l'équipe Pix (import par l'assistance)",
  noImportYet: "Aucune base élèves n'a encore été importée.",
  memberReadOnly: "Seuls les administrateurs de l'établissement peuvent importer la base élèves.",
  historyTitle: "Historique des imports",
  historyEmpty: "Aucun import pour le moment.",
  historyColumns: {
    date: "Date",
    by: "Par",
    file: "Fichier",
    status: "Résultat",
    created: "Ajoutés",
    updated: "Mis à jour",
    disabled: "Désactivés",
    skipped: "Ignorés",
  },
  statusLabels: {
    IMPORTED: "Importé",
    VALIDATION_ERROR: "Refusé (erreurs dans le fichier)",
    FAILED: "Échec technique, rien n'a été modifié",
  } as Record<"IMPORTED" | "VALIDATION_ERROR" | "FAILED", string>,
  showErrors: (n: number) => `Voir ${n > 1 ? `les ${n} erreurs` : "l'erreur"}`,
  moreErrors: (n: number) => `… et ${plural(n, "autre erreur", "autres erreurs")}.`,
  noFileChosen: "Choisissez un fichier à importer.",
  uploadFailed: "L'envoi du fichier a échoué. Vérifiez votre connexion puis réessayez.",
  unexpectedError: "Une erreur inattendue est survenue. Réessayez dans quelques instants.",
  forbidden: "Seuls les administrateurs de l'établissement peuvent importer la base élèves.",
  fileTooLarge: (maxMegabytes: number) => `Le fichier dépasse la taille maximale de ${maxMegabytes} Mo.`,
  /** Confirming a preview that was already imported, replaced by a newer file, or is over an hour old. */
  stagedImportGone:
    "Cet aperçu n'est plus disponible (déjà importé, remplacé par un autre fichier ou vieux de plus d'une heure). Envoyez de nouveau le fichier.",
};
