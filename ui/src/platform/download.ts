// Saving a PDF in the browser: the bytes become a Blob and a link to it is clicked, so the
// browser puts the file in its downloads as it does any other.
export function downloadPdf(bytes: Uint8Array, fileName: string) {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: "application/pdf" }));
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
