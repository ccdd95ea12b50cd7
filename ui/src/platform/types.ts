// What every client of the service offers the UI, whether it runs in the desktop app (Tauri)
// or in a browser talking to the office server: commands, change signals, the session, and
// the few things a browser does differently (saving a PDF, choosing where the data lives).
import type { AppError, ArchiveChoice, ArchiveCommit, ArchiveProgress, ArchiveReview, Commands, Connection, Me, ServerSignal } from "../generated/bindings";

export type CommandName = keyof Commands;
export type Request<K extends CommandName> = Commands[K]["request"];
export type Response<K extends CommandName> = Commands[K]["response"];

/** Commands whose request is a file's raw bytes rather than JSON arguments. */
export type BytesCommandName = {
  [K in CommandName]: Request<K> extends Uint8Array ? K : never;
}[CommandName];

export type SignalListener = (signal: ServerSignal) => void;

/** Where the data is and who is working on it, when the window starts. */
export type SessionStart = {
  /** `null` in the browser: it is always the office server that served the page. */
  connection: Connection | null;
  /** Who is logged in; `null` when the office server asks for a login first. */
  me: Me | null;
};

/** What an export produced. `path` is set when the PDF is a file the app can open again. */
export type ExportOutcome = { pageCount: number; warnings: string[]; path?: string; fileName: string };

export type ExportRequest = { issueId: number; fileName: string; proofRound?: number };

/** 导入往期: back issues read from a folder on this computer (the desktop app only). */
export interface ArchiveImporter {
  /** Asks for the folder; `null` when the user cancelled. */
  chooseFolder(): Promise<string | null>;
  /** Reads every file into the review list, storing nothing; `onProgress` hears each file. */
  analyse(folder: string, onProgress: (progress: ArchiveProgress) => void): Promise<ArchiveReview>;
  /** Imports the chosen files, each issue in its own transaction. */
  importChosen(folder: string, choices: ArchiveChoice[], onProgress: (progress: ArchiveProgress) => void): Promise<ArchiveCommit>;
}

/** A Word export: `proof` carries pending suggestions as tracked changes and open comments. */
export type DocxRequest = { issueId: number; fileName: string; proof: boolean };

/** Where a Word export went: `path` when it is a file the app can open again. */
export type DocxOutcome = { path?: string; fileName: string };

export interface Platform {
  /** Commands that only the desktop window has (opening a file, the connection settings). */
  readonly desktop: boolean;
  invoke<K extends CommandName>(command: K, request: Request<K>): Promise<Response<K>>;
  invokeBytes<K extends BytesCommandName>(command: K, bytes: Uint8Array, headers: Record<string, string>): Promise<Response<K>>;
  /** Change events and connection news; answers a function that stops listening. */
  onSignal(listener: SignalListener): () => void;
  startSession(): Promise<SessionStart>;
  logIn(name: string, password: string): Promise<Me>;
  logOut(): Promise<void>;
  /** Makes the PDF and puts it where the user wants it; `null` when the user cancelled. */
  exportPdf(request: ExportRequest): Promise<ExportOutcome | null>;
  /** Makes the Word document (.docx) and puts it where the user wants it; `null` when cancelled. */
  exportDocx(request: DocxRequest): Promise<DocxOutcome | null>;
  /** Makes the statistics workbook (.xlsx) of `year` (every year when `null`) and puts it where
   *  the user wants it; answers where it went, `null` when the user cancelled. */
  saveStatsWorkbook(year: number | null): Promise<string | null>;
  /** Opens an exported file (or its folder) on this computer. */
  openExported(path: string, reveal: boolean): Promise<void>;
  /** `null` in the browser: its files are not the server's to read. */
  readonly archive: ArchiveImporter | null;
  getConnection(): Promise<Connection | null>;
  setConnection(connection: Connection): Promise<Connection>;
}

export function isAppError(error: unknown): error is AppError {
  return typeof error === "object" && error !== null && "code" in error && "message" in error;
}

export function toAppError(error: unknown): AppError {
  if (isAppError(error)) return { code: error.code, message: error.message };
  return { code: "internal", message: `程序内部错误：${String(error)}` };
}
