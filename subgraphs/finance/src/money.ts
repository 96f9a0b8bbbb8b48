import { boundedInt } from '@clinigraph/kit';
import { z } from 'zod';

/**
 * Money is integer minor units of an ISO-4217 currency. Every computation here is in integers
 * (BigInt where a product could pass 2^53), so totals always add up.
 */

/** Active ISO-4217 currencies and their minor-unit exponents (2 unless listed otherwise). */
const ZERO_DECIMALS = 'BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX VND VUV XAF XOF XPF';
const THREE_DECIMALS = 'BHD IQD JOD KWD LYD OMR TND';
const TWO_DECIMALS = `AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BRL BSD BTN BWP BYN BZD CAD CDF CHF CNY COP CRC CUP CVE
  CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK
  LBP LKR LRD LSL MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD PAB PEN PGK PHP PKR PLN QAR RON RSD
  RUB SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TOP TRY TTD TWD TZS UAH USD UYU UZS VED VES WST XCD YER
  ZAR ZMW ZWG`;

const exponents = new Map<string, number>([
  ...TWO_DECIMALS.split(/\s+/).map((c) => [c, 2] as const),
  ...ZERO_DECIMALS.split(' ').map((c) => [c, 0] as const),
  ...THREE_DECIMALS.split(' ').map((c) => [c, 3] as const),
]);

export const isCurrency = (code: string): boolean => exponents.has(code);
export const minorExponent = (code: string): number => exponents.get(code) ?? 2;

/** A currency code from input: case-insensitive, must be on the allow-list. */
export const currencyInput = z
  .string()
  .trim()
  .transform((c) => c.toUpperCase())
  .refine(isCurrency, { message: 'Unknown currency (expected an ISO-4217 code such as USD)' });

/** The largest amount one input may carry: GraphQL Int's range. */
export const MAX_AMOUNT_MINOR = 2_147_483_647;
export const amountInput = boundedInt(1, MAX_AMOUNT_MINOR);
export const priceInput = boundedInt(0, MAX_AMOUNT_MINOR);
export const basisPointsInput = z.number().int().min(0, 'must be between 0 and 10000 (0–100%)').max(10_000, 'must be between 0 and 10000 (0–100%)');

/** n / d rounded half up (half away from zero), for n >= 0 and d > 0. */
export function divRoundHalfUp(n: bigint, d: bigint): bigint {
  if (n < 0n) return -divRoundHalfUp(-n, d);
  return (n * 2n + d) / (2n * d);
}

/** amount × bp / 10000, rounded half up: a percentage in basis points of an amount. */
export const basisPointsOf = (amountMinor: number, bp: number): number => Number(divRoundHalfUp(BigInt(amountMinor) * BigInt(bp), 10_000n));

export interface LineInput {
  quantity: number;
  unitPriceMinor: number;
  discountBp: number;
  taxRateBp: number;
}

export interface LineAmounts {
  grossMinor: number;
  discountMinor: number;
  taxMinor: number;
  totalMinor: number;
}

/**
 * The rounding rule, per line: gross = quantity × unit price; discount = gross × discount% rounded
 * half up; tax = (gross − discount) × tax rate rounded half up; total = gross − discount + tax.
 * An invoice's amounts are the sums of its lines', so subtotal − discount + tax = total exactly.
 */
export function lineAmounts({ quantity, unitPriceMinor, discountBp, taxRateBp }: LineInput): LineAmounts {
  const gross = BigInt(quantity) * BigInt(unitPriceMinor);
  const discount = divRoundHalfUp(gross * BigInt(discountBp), 10_000n);
  const tax = divRoundHalfUp((gross - discount) * BigInt(taxRateBp), 10_000n);
  const total = gross - discount + tax;
  return { grossMinor: Number(gross), discountMinor: Number(discount), taxMinor: Number(tax), totalMinor: Number(total) };
}

export function sumAmounts(lines: readonly LineAmounts[]): LineAmounts {
  return lines.reduce(
    (acc, l) => ({
      grossMinor: acc.grossMinor + l.grossMinor,
      discountMinor: acc.discountMinor + l.discountMinor,
      taxMinor: acc.taxMinor + l.taxMinor,
      totalMinor: acc.totalMinor + l.totalMinor,
    }),
    { grossMinor: 0, discountMinor: 0, taxMinor: 0, totalMinor: 0 },
  );
}

/** The tax inside a tax-inclusive amount: amount × rate / (1 + rate), rounded half up. */
export const taxIncludedIn = (amountMinor: number, taxRateBp: number): number =>
  Number(divRoundHalfUp(BigInt(amountMinor) * BigInt(taxRateBp), 10_000n + BigInt(taxRateBp)));

/** "USD 1,234.50": for documents and exports; never parsed back. */
export function formatMoney(amountMinor: number, currency: string): string {
  const exp = minorExponent(currency);
  const negative = amountMinor < 0;
  const digits = String(Math.abs(amountMinor)).padStart(exp + 1, '0');
  const whole = digits.slice(0, digits.length - exp).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const fraction = exp ? `.${digits.slice(digits.length - exp)}` : '';
  return `${negative ? '-' : ''}${currency} ${whole}${fraction}`;
}

/** Plain decimal for CSV: "1234.50". */
export function decimalString(amountMinor: number, currency: string): string {
  const exp = minorExponent(currency);
  const negative = amountMinor < 0;
  const digits = String(Math.abs(amountMinor)).padStart(exp + 1, '0');
  return `${negative ? '-' : ''}${digits.slice(0, digits.length - exp)}${exp ? `.${digits.slice(digits.length - exp)}` : ''}`;
}
