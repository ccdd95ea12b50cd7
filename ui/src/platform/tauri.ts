// The desktop app: every service command goes through the app's one `call` command, which
// runs it on this computer's database or forwards it to the office server; the server's
// change events arrive as the `jianbao:server` window event.
import { Channel, invoke as tauriInvoke } from "@tauri-apps/api/core";
import { listen } from "@tauri-apps/api/event";
import type { ArchiveProgress, Connection, DesktopCommands, Me, ServerSignal } from "../generated/bindings";
import { chooseArchiveFolder, chooseDocxPath, choosePdfPath, chooseWorkbookPath } from "./dialog";
import { SignalHub } from "./signals";
import { type ArchiveImporter, type BytesCommandName, type CommandName, type DocxRequest, type ExportRequest, type Platform, type Request, type Response, toAppError } from "./types";

/** The window event the app forwards server signals on (see desktop/office_commands.rs). */
const SIGNAL_EVENT = "jianbao:server";

type DesktopCommandName = keyof DesktopCommands;

export async function invokeDesktop<K extends DesktopCommandName>(
  command: K,
  request: DesktopCommands[K]["request"],
): Promise<DesktopCommands[K]["response"]> {
  try {
    return await tauriInvoke<DesktopCommands[K]["response"]>(command, request as Record<string, unknown>);
  } catch (error) {
    throw toAppError(error);
  }
}

/** A channel the app reports progress on, handed to `onProgress`. */
function progressChannel(onProgress: (progress: ArchiveProgress) => void): Channel<ArchiveProgress> {
  const channel = new Channel<ArchiveProgress>();
  channel.onmessage = onProgress;
  return channel;
}

const archive: ArchiveImporter = {
  chooseFolder: chooseArchiveFolder,
  analyse: (folder, onProgress) => invokeDesktop("analyse_archive_folder", { folder, onProgress: progressChannel(onProgress) }),
  importChosen: (folder, choices, onProgress) =>
    invokeDesktop("import_archive_files", { folder, choices, onProgress: progressChannel(onProgress) }),
};

export function createTauriPlatform(): Platform {
  const hub = new SignalHub();
  let listening: Promise<unknown> | null = null;

  async function whoamiOrNull(): Promise<Me | null> {
    try {
      return await platform.invoke("whoami", {});
    } catch (error) {
      if (toAppError(error).code === "unauthorized") return null;
      throw error;
    }
  }

  const platform: Platform = {
    desktop: true,
    async invoke<K extends CommandName>(command: K, request: Request<K>): Promise<Response<K>> {
      try {
        return await tauriInvoke<Response<K>>("call", { command, request });
      } catch (error) {
        throw toAppError(error);
      }
    },
    async invokeBytes<K extends BytesCommandName>(command: K, bytes: Uint8Array, headers: Record<string, string>) {
      try {
        // The bytes are the raw body: as JSON a manuscript would be an array of numbers.
        return await tauriInvoke<Response<K>>("call_bytes", bytes, { headers: { ...headers, "x-jianbao-command": command } });
      } catch (error) {
        throw toAppError(error);
      }
    },
    onSignal(listener) {
      listening ??= listen<ServerSignal>(SIGNAL_EVENT, (event) => hub.emit(event.payload));
      return hub.listen(listener);
    },
    async startSession() {
      const connection = await invokeDesktop("get_connection", {});
      return { connection, me: await whoamiOrNull() };
    },
    logIn: (name, password) => invokeDesktop("log_in", { name, password }),
    logOut: async () => void (await invokeDesktop("log_out", {})),
    async exportPdf({ issueId, fileName, proofRound }: ExportRequest) {
      const path = await choosePdfPath(fileName);
      if (path === null) return null;
      const report = await invokeDesktop("export_issue_pdf", { issueId, path, proofRound });
      return { pageCount: report.pageCount, warnings: report.warnings, path: report.path, fileName };
    },
    async exportDocx({ issueId, fileName, proof }: DocxRequest) {
      const path = await chooseDocxPath(fileName);
      if (path === null) return null;
      return { path: await invokeDesktop("export_issue_docx", { issueId, path, proof }), fileName };
    },
    async saveStatsWorkbook(year) {
      const path = await chooseWorkbookPath(year === null ? "供稿统计-历年.xlsx" : `供稿统计-${year}年.xlsx`);
      if (path === null) return null;
      return invokeDesktop("save_stats_workbook", year === null ? { path } : { path, year });
    },
    archive,
    openExported: async (path, reveal) => void (await invokeDesktop("open_exported_pdf", { path, reveal })),
    getConnection: () => invokeDesktop("get_connection", {}),
    setConnection: (connection: Connection) => invokeDesktop("set_connection", { connection }),
  };
  return platform;
}

/** Whether this page runs inside the desktop app's window. */
export function insideTauri(scope: object): boolean {
  return "__TAURI_INTERNALS__" in scope;
}
