/**
 * A handout: any document a clinic prints or gives a patient (invoice, receipt, statement, certificate,
 * prescription, referral letter). Subgraphs describe *what* it says; `renderHandout` decides how it is laid
 * out, so every handout carries the same header, patient block and footer and no file places text by hand.
 */

/** Who issues the document: the facility, as printed on its letterhead. */
export interface Issuer {
  name: string;
  address?: string | null;
  phone?: string | null;
  /** Tax or company registration number, printed as given (e.g. "VAT GB123456789"). */
  registration?: string | null;
}

/** Whom the document is about: the patient, identified as a clinic does on paper. */
export interface Subject {
  name: string;
  mrn?: string | null;
  /** YYYY-MM-DD. */
  dateOfBirth?: string | null;
}

export interface Column {
  header: string;
  /** Share of the text width (the shares of a table's columns add up to 1). */
  width: number;
  align?: 'left' | 'right';
}

export type Block =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'facts'; rows: [label: string, value: string][] }
  | { kind: 'table'; columns: Column[]; rows: string[][] }
  | { kind: 'totals'; rows: [label: string, value: string, strong?: boolean][] }
  | { kind: 'signature'; name: string; role?: string };

export interface Handout {
  title: string;
  issuer: Issuer;
  subject?: Subject;
  /** Label/value pairs beside the title: number, dates, status. */
  facts?: [label: string, value: string][];
  blocks: Block[];
  /** Printed at the foot of every page, with the page number. */
  footer: string;
}
