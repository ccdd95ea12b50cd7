// The sentences of 备份与恢复 that depend on what is shown, kept out of the component so they
// can be tested.
import type { BackupOverview } from "../../generated/bindings";

/** The question before 恢复, naming the backup's time (or the chosen file). */
export function restoreQuestion(what: { backupLabel: string } | { file: string }): string {
  const source = "backupLabel" in what ? `${what.backupLabel} 的备份` : `文件“${what.file}”`;
  return `用${source}恢复数据库？现在的数据会先自动备份一份，然后整个数据库换成${source}中的内容。`;
}

/** How backups happen, under the section's title. */
export function scheduleNote(overview: BackupOverview): string {
  return `每次启动简报台和每使用 ${overview.everyHours} 小时自动备份一次；保留今天的全部备份、最近 7 天每天最新的一份、最近 4 周每周最新的一份。备份文件夹：${overview.folder}`;
}

/** The suggested file name of 导出整个数据库: 简报台数据-2025年9月2日.sqlite3. */
export function exportFileName(today: Date): string {
  return `简报台数据-${today.getFullYear()}年${today.getMonth() + 1}月${today.getDate()}日.sqlite3`;
}
