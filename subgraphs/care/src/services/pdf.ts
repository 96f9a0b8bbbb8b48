/** A rendered file as the API hands it out (base64, so it travels in a GraphQL answer). */
export interface PdfFile {
  filename: string;
  contentType: 'application/pdf';
  contentBase64: string;
}

export const pdfFile = (filename: string, bytes: Uint8Array): PdfFile => ({
  filename,
  contentType: 'application/pdf',
  contentBase64: Buffer.from(bytes).toString('base64'),
});
