/** The list with the item at `from` moved to index `to` (indices into the original list;
 *  out-of-range moves give the list unchanged). */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  const result = [...items];
  if (from < 0 || from >= items.length || to < 0 || to >= items.length || from === to) return result;
  const [moved] = result.splice(from, 1);
  result.splice(to, 0, moved as T);
  return result;
}

/** The total 字数 of the issue, from the per-article counts. */
export function issueHanCount(articles: readonly { hanCount: number }[]): number {
  return articles.reduce((sum, article) => sum + article.hanCount, 0);
}
