/**
 * Streaming reader of SIECLE's `ElevesSansAdresses.xml` (docs/siecle-format.md §2): bytes go in by
 * chunks (from the file or straight out of the inflater), are decoded by the declared encoding
 * and parsed by saxes. No DOM is ever built; only the fields we keep are held per student.
 *
 * DOCTYPEs are refused outright: saxes never resolves entities beyond the five XML ones, so
 * external entities and "billion laughs" cannot expand, but a file that carries them is not a
 * SIECLE export and says so.
 */

import { SaxesParser, type SaxesTagPlain } from "saxes";
import { createStreamingDecoder, sniffXmlEncoding, type StreamingDecoder } from "./decode-text";
import { failFile } from "./import-errors";
import { normaliseDivision, type RawLearnerRecord } from "./validate-learner";

export type SiecleStudent = {
  record: RawLearnerRecord;
  /** DATE_SORTIE: the student left (or will leave) the school. */
  hasLeft: boolean;
};

/** What is left once every student went to `onStudent`. */
export type SiecleXmlContent = {
  uai: string | null;
  /** ELEVE_ID → division: the last `D` structure that is not `Inactifs`. */
  divisionByStudentId: Map<string, string>;
};

const ROOT = "BEE_ELEVES";
const INACTIVE_DIVISION = "inactifs";
/** Bytes kept before choosing a decoder: the XML declaration fits in far less. */
const SNIFF_BYTES = 1024;
/**
 * Bytes decoded at a time, whatever size the chunks come in (an inflater can hand out hundreds
 * of kB). A single-byte encoding decodes to a two-byte string as soon as one character (œ, €)
 * is beyond Latin-1, so 64 KB would become a string over V8's 128 kB large-object threshold;
 * 16 KB keeps every decoded piece a small young-generation object (a few MB less at the peak
 * of a 20 MB file, measured).
 */
const DECODE_STEP = 16 * 1024;

/** Direct children of ELEVE we keep; the rest (contacts, previous school…) is dropped. */
const STUDENT_FIELDS = new Set([
  "ID_NATIONAL",
  "PRENOM",
  "PRENOM2",
  "PRENOM3",
  "NOM_DE_FAMILLE",
  "NOM",
  "NOM_USAGE",
  "CODE_SEXE",
  "DATE_NAISS",
  "CODE_COMMUNE_INSEE_NAISS",
  "VILLE_NAISS",
  "CODE_DEPARTEMENT_NAISS",
  "CODE_PAYS",
  "CODE_MEF",
  "CODE_STATUT",
  "DATE_SORTIE",
]);

/**
 * Text from saxes is a slice of the decoded chunk it came from; keeping such slices would keep
 * every chunk, i.e. the whole decoded file, alive. Concatenating then slicing makes V8 copy the
 * few characters we keep.
 */
const detach = (value: string): string => (value.length < 13 ? value : `${value} `.slice(0, -1));

const clean = (text: string): string | undefined => {
  const value = text.trim();
  return value === "" ? undefined : detach(value.normalize("NFC"));
};

export class SiecleXmlReader {
  private readonly parser = new SaxesParser<{ xmlns: false; position: true }>({ xmlns: false, position: true });
  private decoder: StreamingDecoder | null = null;
  private pending: Uint8Array[] = [];
  private pendingLength = 0;

  private readonly stack: string[] = [];
  private text: string | null = null;

  private uai: string | null = null;
  private readonly divisionByStudentId = new Map<string, string>();

  private student: { id?: string; fields: Record<string, string | undefined> } | null = null;
  private studentDepth = -1;
  private structuresStudentId: string | null = null;
  private structure: { code?: string; type?: string } | null = null;

  /**
   * Each student goes to `onStudent` as soon as its `ELEVE` closes, so the caller keeps only what
   * it needs of it (the raw records of a whole file are never all held at once).
   */
  constructor(private readonly onStudent: (student: SiecleStudent) => void) {
    this.parser.on("doctype", () => failFile("INVALID_FILE", { variant: "DTD" }));
    this.parser.on("error", () => {
      failFile("INVALID_FILE", { variant: "MALFORMED_XML" }, { line: this.parser.line });
    });
    this.parser.on("opentag", (tag) => this.onOpen(tag));
    this.parser.on("text", (text) => {
      if (this.text !== null) this.text += text;
    });
    this.parser.on("cdata", (text) => {
      if (this.text !== null) this.text += text;
    });
    this.parser.on("closetag", (tag) => this.onClose(tag.name));
  }

  push(bytes: Uint8Array): void {
    if (this.decoder) {
      for (let at = 0; at < bytes.length; at += DECODE_STEP) {
        this.feed(this.decoder.write(bytes.subarray(at, at + DECODE_STEP)));
      }
      return;
    }
    this.pending.push(bytes);
    this.pendingLength += bytes.length;
    if (this.pendingLength >= SNIFF_BYTES) this.startDecoding();
  }

  end(): SiecleXmlContent {
    if (!this.decoder) this.startDecoding();
    this.feed(this.decoder!.end());
    this.parser.close();
    return { uai: this.uai, divisionByStudentId: this.divisionByStudentId };
  }

  private startDecoding(): void {
    const head = Buffer.concat(this.pending);
    const encoding = sniffXmlEncoding(head);
    this.decoder = createStreamingDecoder(encoding);
    if (!this.decoder) failFile("ENCODING_NOT_SUPPORTED", { variant: "DECLARED", encoding });
    this.pending = [];
    this.push(head);
  }

  private feed(text: string): void {
    if (text) this.parser.write(text);
  }

  private parent(level = 1): string | undefined {
    return this.stack[this.stack.length - level];
  }

  private onOpen(tag: SaxesTagPlain): void {
    const name = tag.name;
    if (this.stack.length === 0) {
      if (name !== ROOT) {
        if (name.startsWith("BEE_")) failFile("WRONG_SIECLE_FILE", { rootElement: name });
        failFile("INVALID_FILE", { variant: "NOT_STUDENT_ROOT", rootElement: name });
      }
    } else if (name === "ELEVE" && this.parent() === "ELEVES") {
      this.student = { id: clean(String(tag.attributes.ELEVE_ID ?? "")), fields: {} };
      this.studentDepth = this.stack.length;
    } else if (this.student && this.stack.length === this.studentDepth + 1 && STUDENT_FIELDS.has(name)) {
      this.text = "";
    } else if (name === "UAJ" && this.parent() === "PARAMETRES") {
      this.text = "";
    } else if (name === "STRUCTURES_ELEVE") {
      this.structuresStudentId = clean(String(tag.attributes.ELEVE_ID ?? "")) ?? null;
    } else if (name === "STRUCTURE" && this.parent() === "STRUCTURES_ELEVE") {
      this.structure = {};
    } else if (
      this.structure &&
      (name === "CODE_STRUCTURE" || name === "TYPE_STRUCTURE") &&
      this.parent() === "STRUCTURE"
    ) {
      this.text = "";
    }
    this.stack.push(name);
  }

  private onClose(name: string): void {
    this.stack.pop();
    const value = this.text === null ? undefined : clean(this.text);
    this.text = null;

    if (this.student) {
      if (this.stack.length === this.studentDepth) {
        this.finishStudent();
      } else if (this.stack.length === this.studentDepth + 1 && STUDENT_FIELDS.has(name)) {
        this.student.fields[name] = value;
      }
      return;
    }
    if (name === "UAJ" && this.parent() === "PARAMETRES") {
      this.uai = value?.toUpperCase() ?? null;
    } else if (this.structure && name === "CODE_STRUCTURE") {
      this.structure.code = value;
    } else if (this.structure && name === "TYPE_STRUCTURE") {
      this.structure.type = value;
    } else if (name === "STRUCTURE" && this.structure) {
      const { code, type } = this.structure;
      this.structure = null;
      // The last `D` wins when a student has several (docs/siecle-format.md §2, STRUCTURES).
      if (this.structuresStudentId && type === "D" && code && code.toLowerCase() !== INACTIVE_DIVISION) {
        this.divisionByStudentId.set(this.structuresStudentId, normaliseDivision(code));
      }
    } else if (name === "STRUCTURES_ELEVE") {
      this.structuresStudentId = null;
    }
  }

  private finishStudent(): void {
    const { id, fields } = this.student!;
    this.student = null;
    this.studentDepth = -1;
    this.onStudent({
      hasLeft: fields.DATE_SORTIE !== undefined,
      record: {
        nationalStudentId: fields.ID_NATIONAL,
        siecleStudentId: id,
        firstName: fields.PRENOM,
        middleName: fields.PRENOM2,
        thirdName: fields.PRENOM3,
        // Before 2016 SIECLE had a single NOM; newer files may carry it too, as a fallback.
        lastName: fields.NOM_DE_FAMILLE ?? fields.NOM,
        preferredLastName: fields.NOM_USAGE,
        sex: fields.CODE_SEXE,
        birthdate: fields.DATE_NAISS,
        birthCityCode: fields.CODE_COMMUNE_INSEE_NAISS?.toUpperCase(),
        birthCity: fields.VILLE_NAISS,
        birthProvinceCode: fields.CODE_DEPARTEMENT_NAISS,
        birthCountryCode: fields.CODE_PAYS,
        mefCode: fields.CODE_MEF,
        status: fields.CODE_STATUT,
      },
    });
  }
}

/** Reads a whole XML held in memory, still by chunks so the decoded text is never whole. */
export function readSiecleXml(
  bytes: Uint8Array,
  onStudent: (student: SiecleStudent) => void,
  chunkSize = 64 * 1024,
): SiecleXmlContent {
  const reader = new SiecleXmlReader(onStudent);
  for (let at = 0; at < bytes.length; at += chunkSize) reader.push(bytes.subarray(at, at + chunkSize));
  return reader.end();
}
