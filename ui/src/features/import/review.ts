// The review panel's state: which proposals of which imported article the editor accepted,
// and how each proposal is shown (its rule in Chinese, where it is, the change in context).
import type {
  ArticleForReview,
  CleanupRule,
  DraftBlock,
  Proposal,
  ReviewedArticle,
} from "../../generated/bindings";

/** Accepted proposal ids, per article (by its index in the review). */
export type Decisions = Set<string>;

export function decisionKey(article: number, proposal: number): string {
  return `${article}:${proposal}`;
}

/** Rules that only flag a likely mistake: their fix is a guess, so the editor must look. */
const FLAGGED_RULES: ReadonlySet<CleanupRule> = new Set(["suspiciousCross", "suspiciousBracket"]);

export function isFlagged(proposal: Proposal): boolean {
  return FLAGGED_RULES.has(proposal.rule);
}

export const RULE_NAMES: Record<CleanupRule, string> = {
  joinLines: "合并断行",
  dropPageNumber: "删除页码",
  dropRunningHead: "删除页眉",
  fullWidthPunctuation: "全角标点",
  pairedQuotes: "成对引号",
  dash: "破折号",
  ellipsis: "省略号",
  removeSpace: "删除多余空格",
  suspiciousCross: "疑似错字（十/+）",
  suspiciousBracket: "疑似括号（文号）",
};

/**
 * At first, the changes that alter no wording are accepted and the others are not: nothing
 * that changes wording is applied unless the editor says so.
 */
export function initialDecisions(articles: ArticleForReview[]): Decisions {
  const accepted: Decisions = new Set();
  articles.forEach((article, index) => {
    for (const proposal of article.imported.proposals) {
      if (proposal.safe) accepted.add(decisionKey(index, proposal.id));
    }
  });
  return accepted;
}

export function withDecision(decisions: Decisions, key: string, accept: boolean): Decisions {
  const next = new Set(decisions);
  if (accept) next.add(key);
  else next.delete(key);
  return next;
}

/** Every proposal of every article accepted (`true`) or rejected. */
export function decideAll(articles: ArticleForReview[], accept: boolean): Decisions {
  if (!accept) return new Set();
  return new Set(
    articles.flatMap((article, index) =>
      article.imported.proposals.map((proposal) => decisionKey(index, proposal.id)),
    ),
  );
}

/** What is sent to be stored: each article as analysed, with its accepted proposal ids. */
export function reviewedArticles(articles: ArticleForReview[], decisions: Decisions): ReviewedArticle[] {
  return articles.map((article, index) => ({
    source: article.source,
    imported: article.imported,
    accepted: article.imported.proposals
      .filter((proposal) => decisions.has(decisionKey(index, proposal.id)))
      .map((proposal) => proposal.id),
  }));
}

export function acceptedCount(decisions: Decisions): number {
  return decisions.size;
}

/** A change shown in its sentence: the text around it and what goes out and comes in. */
export type ChangeInContext = { lead: string; removed: string; inserted: string; trail: string };

/** Characters of context shown on each side of a change. */
const CONTEXT_CHARS = 10;

export function changeInContext(proposal: Proposal, blocks: DraftBlock[]): ChangeInContext {
  if (proposal.rule === "joinLines") {
    // The cleanup already writes the two line ends with the break between them.
    const [lead, trail] = proposal.before.split("⏎");
    return { lead: lead ?? "", removed: "⏎", inserted: "", trail: trail ?? "" };
  }
  const block = blocks[proposal.location.block];
  const chars = Array.from(block ? block.content.map((run) => run.text).join("") : "");
  const { start, end } = proposal.location;
  const lead = chars.slice(Math.max(0, start - CONTEXT_CHARS), start).join("");
  const trail = chars.slice(end, end + CONTEXT_CHARS).join("");
  return {
    lead: (start > CONTEXT_CHARS ? "…" : "") + lead,
    removed: proposal.before,
    inserted: proposal.after,
    trail: trail + (end + CONTEXT_CHARS < chars.length ? "…" : ""),
  };
}

const ROLE_NAMES: Record<DraftBlock["role"]["kind"], string> = {
  title: "标题",
  subtitle: "副标题",
  byline: "署名",
  editorNote: "编者按",
  heading: "小标题",
  sectionHead: "分节标题",
  paragraph: "段",
  caption: "图片说明",
  attribution: "供稿行",
  tableRow: "表格行",
  image: "图片说明",
};

/** Where a proposal is, as the editor counts: `第3段`, `标题`, `第2个小标题`. */
export function locationLabel(proposal: Proposal, blocks: DraftBlock[]): string {
  const index = proposal.location.block;
  const block = blocks[index];
  if (!block) return `第${index + 1}行`;
  const kind = block.role.kind;
  const nth = blocks.slice(0, index + 1).filter((b) => b.role.kind === kind).length;
  if (kind === "paragraph") return `正文第${nth}段`;
  const name = ROLE_NAMES[kind];
  const count = blocks.filter((b) => b.role.kind === kind).length;
  return count > 1 ? `第${nth}个${name}` : name;
}
