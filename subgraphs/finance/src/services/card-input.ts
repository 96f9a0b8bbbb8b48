import { z } from 'zod';

/** The Luhn checksum every card number carries: catches a mistyped digit before the provider sees it. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

const expired = (month: number, year: number, now = new Date()) =>
  year < now.getUTCFullYear() || (year === now.getUTCFullYear() && month < now.getUTCMonth() + 1);

/** A card as typed into the portal; spaces and dashes in the number are allowed. */
export const cardInput = z
  .object({
    number: z
      .string()
      .transform((s) => s.replace(/[\s-]/g, ''))
      .pipe(
        z
          .string()
          .regex(/^\d{12,19}$/, 'Enter the 12 to 19 digits of the card number')
          .refine(luhnValid, 'This card number is not valid; check the digits'),
      ),
    expMonth: z.number().int().min(1, 'Enter a month from 1 to 12').max(12, 'Enter a month from 1 to 12'),
    expYear: z.number().int().min(2000, 'Enter the year as 4 digits').max(2100, 'Enter the year as 4 digits'),
    cvc: z
      .string()
      .trim()
      .regex(/^\d{3,4}$/, 'Enter the 3 or 4 digits on the back of the card'),
  })
  .refine((c) => !expired(c.expMonth, c.expYear), { message: 'This card has expired', path: ['expYear'] });
