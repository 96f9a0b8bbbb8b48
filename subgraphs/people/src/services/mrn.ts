/** Formats an MRN from its sequence number with a Luhn check digit, so a mistyped MRN is caught. */
export function formatMrn(n: number): string {
  const digits = String(n).padStart(7, '0');
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return `CG${digits}${(10 - (sum % 10)) % 10}`;
}

/** Is this a well-formed MRN whose check digit is right? */
export function isValidMrn(mrn: string): boolean {
  const m = /^CG(\d{7})(\d)$/.exec(mrn);
  return !!m && formatMrn(Number(m[1])) === mrn;
}
