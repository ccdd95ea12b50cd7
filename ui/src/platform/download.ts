// Saving a file in the browser: the bytes become a Blob and a link to it is clicked, so the
// browser puts the file in its downloads as it does any other.
export function downloadPdf(bytes: Uint8Array, fileName: string) {
  downloadFile(bytes, fileName, "application/pdf");
}

export const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export function downloadFile(bytes: Uint8Array, fileName: string, type: string) {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.style.display = "none";
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the link; the object URL is no longer needed after that.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
