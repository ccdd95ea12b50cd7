// The native save dialog. The export flow takes its path from here, so everything after the
// choice (the export command, progress, opening the file) is the same whoever picked the path.
import { open, save } from "@tauri-apps/plugin-dialog";

/** Asks where to save a PDF, suggesting `fileName`; `null` when the user cancels. */
export async function choosePdfPath(fileName: string): Promise<string | null> {
  return save({
    title: "导出 PDF",
    defaultPath: fileName,
    filters: [{ name: "PDF 文件", extensions: ["pdf"] }],
  });
}

/** Asks where to save a Word document, suggesting `fileName`; `null` when the user cancels. */
export async function chooseDocxPath(fileName: string): Promise<string | null> {
  return save({
    title: "导出 Word",
    defaultPath: fileName,
    filters: [{ name: "Word 文档", extensions: ["docx"] }],
  });
}

/** Asks where to save the statistics workbook; `null` when the user cancels. */
export async function chooseWorkbookPath(fileName: string): Promise<string | null> {
  return save({
    title: "导出统计表",
    defaultPath: fileName,
    filters: [{ name: "Excel 工作簿", extensions: ["xlsx"] }],
  });
}

/** Asks for the folder holding back issues (导入往期); `null` when the user cancels. */
export async function chooseArchiveFolder(): Promise<string | null> {
  const chosen = await open({ title: "选择存放往期简报的文件夹", directory: true, multiple: false });
  return typeof chosen === "string" ? chosen : null;
}
