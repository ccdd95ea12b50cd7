// Backups of this computer's database: only the desktop app has them (on an office server the
// server keeps its own). The file dialogs for 导出整个数据库 and 从文件恢复 are here too, so the
// section only ever sees paths.
import { listen } from "@tauri-apps/api/event";
import { open, save } from "@tauri-apps/plugin-dialog";
import type { AppError, BackupOverview, BackupTaken } from "../generated/bindings";
import { invokeDesktop } from "./tauri";

/** The window event an automatic backup's failure arrives on (desktop/backup_commands.rs). */
const BACKUP_PROBLEM_EVENT = "jianbao:backup-problem";

const DATABASE_FILTER = { name: "简报台数据库", extensions: ["sqlite3", "db"] };

export const listBackups = (): Promise<BackupOverview> => invokeDesktop("list_backups", {});

export const backUpNow = (): Promise<BackupTaken> => invokeDesktop("back_up_now", {});

export const restoreBackup = (name: string): Promise<BackupTaken> => invokeDesktop("restore_backup", { name });

export const restoreDatabaseFile = (path: string): Promise<BackupTaken> =>
  invokeDesktop("restore_database_file", { path });

/** Asks where to export the whole database, then exports it; `null` when the user cancelled. */
export async function exportDatabase(suggestedName: string): Promise<string | null> {
  const path = await save({ title: "导出整个数据库", defaultPath: suggestedName, filters: [DATABASE_FILTER] });
  if (path === null) return null;
  return invokeDesktop("export_database", { path });
}

/** Asks which database file to restore from; `null` when the user cancelled. */
export async function chooseDatabaseFile(): Promise<string | null> {
  const path = await open({ title: "从文件恢复", multiple: false, directory: false, filters: [DATABASE_FILTER] });
  return typeof path === "string" ? path : null;
}

/** Calls `listener` with each automatic backup's failure; answers a function that stops. */
export function onBackupProblem(listener: (problem: AppError) => void): () => void {
  let stop: (() => void) | null = null;
  let stopped = false;
  void listen<AppError>(BACKUP_PROBLEM_EVENT, (event) => listener(event.payload)).then((unlisten) => {
    if (stopped) unlisten();
    else stop = unlisten;
  });
  return () => {
    stopped = true;
    stop?.();
  };
}
