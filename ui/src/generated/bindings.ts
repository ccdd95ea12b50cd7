// Generated from the Rust types by `cargo test -p jianbao bindings` (UPDATE=1 rewrites).
// Do not edit by hand.

export type Inline = { text: string, bold?: boolean, suggestion?: Suggestion, 
/**
 * Ids of the comment threads anchored on this run.
 */
comments?: Array<string>, };

export type Block = { "type": "paragraph", content: Array<Inline>, } | { "type": "heading", level: number, content: Array<Inline>, } | { "type": "image", 
/**
 * A `data:` URL, so that an issue file carries its pictures with it.
 */
src: string, caption?: string, };

export type Article = { 
/**
 * Title lines as the editor broke them; the layout keeps these breaks.
 */
title: Array<string>, 
/**
 * `——…` line under the title.
 */
subtitle?: string, 
/**
 * Authors, printed centred under the title.
 */
byline?: string, 
/**
 * 编者按: printed before the body, after a 【编者按】 label.
 */
editorNote?: Array<Inline>, body: Array<Block>, 
/**
 * Contributing units of the `（…供稿）` line, in order.
 */
contributors?: Array<string>, 
/**
 * What follows 摘编自 in the `（摘编自…）` line, as typed (with or without 《》).
 */
source?: string, };

export type IssueKind = "regular" | "supplement";

export type IssueStatus = "draft" | "firstProof" | "secondProof" | "thirdProof" | "awaitingSignOff" | "signedOff";

export type Issue = { kind: IssueKind, year: number, 
/**
 * 第N期 for a regular issue, 增刊第N期 for a supplement; restarts every year.
 */
number: number, 
/**
 * 总第X期: runs across years and counts supplements too.
 */
totalNumber: number, 
/**
 * The date printed on the masthead.
 */
date: string, status: IssueStatus, 
/**
 * 编者按 of the whole issue (a back issue may open with one before its first article),
 * printed after the 要目. Runs as in `Article::editor_note`; `\n` separates paragraphs.
 */
editorNote?: Array<Inline>, 
/**
 * The editing unit and footer this issue printed, when they differ from the
 * publication's settings (back issues from the archive); `None` prints the settings.
 */
imprint?: IssueImprint, articles: Array<Article>, };

export type EditingUnit = { name: string, effectiveFrom: string, };

export type RecipientsLabel = "song" | "bao" | "fa";

export type FooterSettings = { recipientsLabel: RecipientsLabel, 
/**
 * Receiving bodies in print order; the layout joins them with `，` and ends with `。`.
 */
recipients: Array<string>, responsibleEditor: string, phone: string, email: string, approvalNumber: string, 
/**
 * 共印X份, printed only when set.
 */
printRun?: number, };

export type CompressionStyle = "fullWidth" | "kaiming" | "halfWidth";

export type MastheadTotalPlacement = "sameLine" | "nextLine";

export type FontRole = "display" | "body" | "hei" | "kai" | "fallback";

export type FontChoice = { "source": "bundled", role: FontRole, } | { "source": "installed", family: string, };

export type FontRoles = { display: FontChoice, body: FontChoice, hei: FontChoice, kai: FontChoice, fallback: FontChoice, };

export type LayoutProfile = { pageWidthMm: number, pageHeightMm: number, marginTopMm: number, 
/**
 * The binding side.
 */
marginLeftMm: number, marginRightMm: number, marginBottomMm: number, 
/**
 * Body size in points; 三号 = 16 pt.
 */
bodySizePt: number, 
/**
 * Characters per line of the body grid (GB/T 9704 §5.2.2: 28).
 */
charsPerLine: number, 
/**
 * Lines per page of the body grid (GB/T 9704 §5.2.2: 22).
 */
linesPerPage: number, 
/**
 * 报名 size in points; 初号 = 42 pt.
 */
mastheadNameSizePt: number, mastheadTotalPlacement: MastheadTotalPlacement, 
/**
 * Article title size in points; 二号 = 22 pt.
 */
titleSizePt: number, compression: CompressionStyle, 
/**
 * Red of the masthead and rules, CMYK in percent (GB/T 9704 §6.2: C0 M80 Y80 K0 style red).
 */
redCmyk: [number, number, number, number], 
/**
 * Black text printed as K100 only, as print shops prefer.
 */
blackAsK100: boolean, 
/**
 * Whether page 1 (the masthead page) carries a page number.
 */
numberFirstPage: boolean, 
/**
 * Pad an odd page count with a blank page for double-sided printing.
 */
padToEvenPages: boolean, 
/**
 * Start every article on a new page instead of after one blank line.
 */
articleStartsNewPage: boolean, fonts: FontRoles, };

export type Publication = { 
/**
 * 报名, e.g. 联络动态.
 */
name: string, 
/**
 * Editing units in the order they took over; the one in force on an issue's date is printed.
 */
editingUnits: Array<EditingUnit>, layout: LayoutProfile, footer: FooterSettings, };

export type IssueFile = { format: string, version: number, publication: Publication, issue: Issue, };

export type ErrorCode = "notFound" | "invalidInput" | "notADatabase" | "databaseTooNew" | "cannotOpen" | "corruptData" | "internal";

export type AppError = { code: ErrorCode, message: string, };

export type IssueSummary = { id: number, kind: IssueKind, year: number, number: number, totalNumber: number, date: string, status: IssueStatus, articleCount: number, firstTitle: string | null, 
/**
 * `第13期` / `增刊第1期`
 */
issueLabel: string, 
/**
 * `（总第七百四十一期）`
 */
totalLabel: string, 
/**
 * `2025年9月2日`
 */
dateLabel: string, statusLabel: string, };

export type ArticleSummary = { id: number, title: string, hanCount: number, };

export type IssueView = { id: number, publicationName: string, kind: IssueKind, year: number, number: number, totalNumber: number, date: string, status: IssueStatus, 
/**
 * `第13期`
 */
issueLabel: string, 
/**
 * `（总第七百四十一期）`
 */
totalLabel: string, 
/**
 * `2025年9月2日`
 */
dateLabel: string, 
/**
 * `湖南省人大常委会代表工作委员会编`
 */
editingUnitLine: string, statusLabel: string, articles: Array<ArticleSummary>, 
/**
 * Gaps and duplicates in the number series this issue belongs to.
 */
warnings: Array<string>, };

export type NewIssueRequest = { kind: IssueKind, date?: string, number?: number, totalNumber?: number, };

export type PublicationView = { id: number, publication: Publication, };

export type RevisionSummary = { id: number, articleId: number, author: string, createdAt: string, };

export type CleanupRule = "joinLines" | "dropPageNumber" | "dropRunningHead" | "fullWidthPunctuation" | "pairedQuotes" | "dash" | "ellipsis" | "removeSpace" | "suspiciousCross" | "suspiciousBracket";

export type TextLocation = { block: number, start: number, end: number, };

export type Proposal = { id: number, rule: CleanupRule, location: TextLocation, before: string, after: string, 
/**
 * What the change is and why, in Chinese, for the review list.
 */
message: string, safe: boolean, };

export type BlockRole = { "kind": "title" } | { "kind": "subtitle" } | { "kind": "byline" } | { "kind": "editorNote" } | { "kind": "heading", level: number, } | { "kind": "sectionHead" } | { "kind": "paragraph" } | { "kind": "caption" } | { "kind": "attribution" } | { "kind": "tableRow" } | { "kind": "image", src: string, };

export type DraftBlock = { role: BlockRole, content: Array<Inline>, };

export type Draft = { blocks: Array<DraftBlock>, };

export type ImportedArticle = { draft: Draft, proposals: Array<Proposal>, 
/**
 * Things the editor should check that no proposal covers (e.g. a flattened table).
 */
warnings: Array<string>, };

export type PrintedFooter = { recipientsLabel?: RecipientsLabel, recipients?: Array<string>, responsibleEditor?: string, phone?: string, email?: string, approvalNumber?: string, };

export type IssueImprint = { 
/**
 * `湖南省人大常委会代表联络工作委员会` of `…编` on the masthead, without the `编`.
 */
editingUnit?: string, footer?: PrintedFooter, };

export type Masthead = { name?: string, kind: IssueKind, number: number, totalNumber: number, date: string, editingUnit?: string, };

export type ImportedIssue = { masthead: Masthead, 
/**
 * 要目 entries as printed.
 */
contents: Array<string>, 
/**
 * The issue's own 编者按, before its first article.
 */
editorNote?: ImportedArticle, articles: Array<ImportedArticle>, footer?: PrintedFooter, warnings: Array<string>, };

export type MastheadFound = { name?: string, supplement: boolean, number?: number, totalNumber?: number, date?: string, editingUnit?: string, };

export type MastheadFill = { number?: number, totalNumber?: number, date?: string, };

export type MissingField = "number" | "totalNumber" | "date";

export type RecognisedIssue = { masthead: MastheadFound, contents: Array<string>, editorNote?: ImportedArticle, articles: Array<ImportedArticle>, footer?: PrintedFooter, warnings: Array<string>, };

export type ArchiveStatus = "ready" | "needsInput" | "duplicate" | "failed";

export type DuplicateOf = { "kind": "stored", issue_id: number, } | { "kind": "inBatch", file: string, };

export type ArchiveArticle = { title: string, contributors: Array<string>, source?: string, blocks: number, };

export type ArchiveEntry = { file: string, status: ArchiveStatus, 
/**
 * The masthead as read from the file (values the user gave are in `issue`).
 */
masthead?: MastheadFound, missing: Array<MissingField>, articles: Array<ArchiveArticle>, hasEditorNote: boolean, footer?: PrintedFooter, duplicateOf?: DuplicateOf, 
/**
 * What the editor should know: the reason a file failed, recognition warnings.
 */
problems: Array<string>, 
/**
 * The issue to store, when the masthead is complete.
 */
issue?: Issue, };

export type ArchiveReview = { entries: Array<ArchiveEntry>, };

export type ArchiveProgress = { done: number, total: number, file: string, };

export type ArchiveCommit = { imported: Array<ImportedArchiveIssue>, failed: Array<ArchiveFailure>, };

export type ImportedArchiveIssue = { file: string, issueId: number, };

export type ArchiveFailure = { file: string, message: string, };

export type ImportedArticleReport = { articleId: number, 
/**
 * The file (or `粘贴的文字`) the article came from.
 */
source: string, title: string, 
/**
 * Safe changes applied: they alter no wording.
 */
applied: number, 
/**
 * Proposals not applied, for the editor to accept or reject.
 */
pending: Array<Proposal>, warnings: Array<string>, };

export type ImportReport = { issueId: number, articles: Array<ImportedArticleReport>, };

export type IssueImportReport = { issueId: number, masthead: Masthead, articles: Array<ImportedArticleReport>, 
/**
 * Where the old masthead or footer differs from the publication's settings (not applied).
 */
settingDifferences: Array<string>, warnings: Array<string>, };

export type ArticleView = { id: number, issueId: number, article: Article, 
/**
 * When the stored content was last saved (RFC 3339, UTC). The editor compares an unsaved
 * local draft with it to decide whether the draft is newer than what the database holds.
 */
savedAt: string, };

export type RevisionView = { summary: RevisionSummary, article: Article, };

export type ArticleForReview = { 
/**
 * The file (or `粘贴的文字`) the article came from.
 */
source: string, 
/**
 * The title as imported, for the panel's heading.
 */
title: string, imported: ImportedArticle, };

export type ReviewedArticle = { source: string, imported: ImportedArticle, 
/**
 * Ids of the accepted proposals; every other proposal is rejected.
 */
accepted: Array<number>, };

export type MastheadUpdate = { kind: IssueKind, number: number, totalNumber: number, date: string, };

export type FieldProblem = { field: string, message: string, };

export type SettingsSaved = { "outcome": "saved", publication: PublicationView, } | { "outcome": "refused", problems: Array<FieldProblem>, };

export type BundledFamily = { role: FontRole, 
/**
 * As the user knows it: `FandolFang（Fandol 仿宋）`.
 */
family: string, };

export type FontFamilies = { bundled: Array<BundledFamily>, installed: Array<string>, };

export type ArticleOverride = { articleId: number, article: Article, };

export type PreviewInk = "black" | "red";

export type PreviewRun = { 
/**
 * The font's key: `preview_font` answers its file.
 */
font: number, sizePt: number, baselineYPt: number, ink: PreviewInk, 
/**
 * Emboldened by stroking, as the PDF does for fonts without a bold weight.
 */
bold: boolean, text: string, xPt: Array<number>, };

export type PreviewRule = { x1Pt: number, y1Pt: number, x2Pt: number, y2Pt: number, widthPt: number, ink: PreviewInk, };

export type PreviewImage = { 
/**
 * The picture's `data:` URL, as stored in the article.
 */
src: string, xPt: number, yPt: number, widthPt: number, heightPt: number, };

export type PreviewPage = { 
/**
 * The printed page number.
 */
number: number, runs: Array<PreviewRun>, rules: Array<PreviewRule>, images: Array<PreviewImage>, };

export type IssuePreview = { pageWidthPt: number, pageHeightPt: number, pages: Array<PreviewPage>, 
/**
 * The screen colour of the publication's CMYK red, as CSS `rgb(…)`.
 */
redCss: string, 
/**
 * Chinese notes, the same the export reports: odd page count, fallback glyphs, long titles.
 */
warnings: Array<string>, 
/**
 * Outline stroke of synthetic bold (仿宋/楷体), as a fraction of the type size.
 */
boldStrokeEm: number, };

export type ExportReport = { path: string, pageCount: number, warnings: Array<string>, };

export type StatusChange = { id: number, issueId: number, from: IssueStatus, to: IssueStatus, changedBy: string, 
/**
 * UTC, RFC 3339.
 */
changedAt: string, 
/**
 * The note of an advance, or the reasons of a send-back or revocation.
 */
note: string, 
/**
 * The date the signer gave, on a sign-off only.
 */
signOffDate: string | null, };

export type IssueRounds = { status: IssueStatus, 
/**
 * `一校`, `已签发`, …
 */
statusLabel: string, 
/**
 * Oldest first; times in UTC, for the reader to show in local time.
 */
history: Array<StatusChange>, };

export type ArticleChange = "added" | "removed" | "changed" | "unchanged";

export type Piece = { text: string, changed: boolean, };

export type EditKind = "kept" | "deleted" | "inserted";

export type InlineEdit = { text: string, kind: EditKind, };

export type LineChange = { oldLine: number | null, newLine: number | null, 
/**
 * The old line in pieces; `changed` marks what the later round took out.
 */
old: Array<Piece>, 
/**
 * The new line in pieces; `changed` marks what the later round put in.
 */
new: Array<Piece>, 
/**
 * Both versions in one run, deletions before the insertions that replace them, for a
 * reader who wants to see the edit in place rather than two lines side by side.
 */
inline: Array<InlineEdit>, };

export type ArticleComparison = { articleId: number, title: string, change: ArticleChange, lines: Array<LineChange>, };

export type RoundComparison = { fromLabel: string, toLabel: string, articles: Array<ArticleComparison>, };

export type RuleId = "half-width-punctuation" | "straight-quotes" | "unpaired-mark" | "enumeration-comma-between-quotes" | "doubled-punctuation" | "dash-form" | "ellipsis-form" | "title-without-book-marks" | "range-unit" | "phone-dash" | "short-year" | "leading-zero" | "year-brackets" | "word" | "cross-for-plus" | "duplicated-character" | "long-sentence" | "attribution-place" | "heading-sequence" | "masthead-date" | "masthead-round-date" | "footer-field";

export type Part = "title" | "subtitle" | "byline" | "editorNote" | "body" | "attribution" | "masthead" | "footer";

export type Finding = { rule: RuleId, 
/**
 * Index of the article in print order; `None` for the masthead and footer.
 */
article: number | null, part: Part, block: number, start: number, end: number, 
/**
 * The flagged characters `start..end`.
 */
text: string, 
/**
 * Why, in Chinese, citing the rule.
 */
message: string, 
/**
 * What replaces `text` if the editor applies the fix; `None` when only a person can fix it.
 */
suggestion: string | null, };

export type SuggestionKind = "insertion" | "deletion";

export type Suggestion = { kind: SuggestionKind, 
/**
 * Unique within the article; neighbouring runs of one change share it.
 */
id: number, author: string, 
/**
 * RFC 3339.
 */
at: string, };

export type CommentMessage = { author: string, 
/**
 * UTC, RFC 3339.
 */
writtenAt: string, body: string, };

export type CommentThread = { id: string, articleId: number, 
/**
 * The text the comment was made on, as it was then.
 */
quote: string, messages: Array<CommentMessage>, resolvedBy: string | null, 
/**
 * UTC, RFC 3339.
 */
resolvedAt: string | null, };

export type CommentThreadView = { articleTitle: string, 
/**
 * False once every run it was anchored on has been deleted.
 */
anchored: boolean, id: string, articleId: number, 
/**
 * The text the comment was made on, as it was then.
 */
quote: string, messages: Array<CommentMessage>, resolvedBy: string | null, 
/**
 * UTC, RFC 3339.
 */
resolvedAt: string | null, };

export type PendingSuggestion = { articleId: number, articleTitle: string, id: number, inserted: string, deleted: string, author: string, at: string, };

export type IssueReview = { threads: Array<CommentThreadView>, suggestions: Array<PendingSuggestion>, openThreads: number, };

export type IgnoredNote = { by: string, 
/**
 * UTC, RFC 3339.
 */
at: string, };

export type FindingView = { finding: Finding, 
/**
 * The stored article the finding is in; `None` for the masthead and footer.
 */
articleId: number | null, 
/**
 * Empty for the masthead and footer.
 */
articleTitle: string, 
/**
 * The rule's family (`标点`, `数字`, `用词`, `文字`, `前后一致`), as the panel counts them.
 */
family: string, 
/**
 * A few characters before and after the flagged text, in the text it was found in.
 */
before: string, after: string, 
/**
 * Whether 采用建议 can replace the flagged text (see `proof::can_apply`).
 */
applicable: boolean, 
/**
 * Who ignored the finding and when, if someone did.
 */
ignored: IgnoredNote | null, 
/**
 * Unique within one check, for the UI's lists.
 */
key: string, };

export type IssueCheck = { findings: Array<FindingView>, ignoredCount: number, };

export type WordRow = { wrong: string, right: string, condition: string, explanation: string, };

export type WordListView = { rows: Array<WordRow>, customised: boolean, };

export type RowProblem = { row: number, message: string, };

export type WordListSaved = { "outcome": "saved", list: WordListView, } | { "outcome": "refused", problems: Array<RowProblem>, };

export type Commands = {
  list_issues: { request: Record<string, never>; response: IssueSummary[] };
  get_issue: { request: { id: number }; response: IssueView };
  create_issue: { request: { request: NewIssueRequest }; response: IssueView };
  get_publication: { request: Record<string, never>; response: PublicationView };
  get_article: { request: { id: number }; response: ArticleView };
  save_article: { request: { id: number; article: Article; author?: string }; response: ArticleSummary };
  add_article: { request: { issueId: number; author?: string }; response: IssueView };
  remove_article: { request: { id: number }; response: IssueView };
  reorder_articles: { request: { issueId: number; order: number[] }; response: IssueView };
  list_revisions: { request: { articleId: number }; response: RevisionSummary[] };
  get_revision: { request: { id: number }; response: RevisionView };
  restore_revision: { request: { id: number; author?: string }; response: ArticleView };
  analyse_import_file: { request: Uint8Array; response: ArticleForReview[] };
  analyse_pasted_text: { request: { issueId: number; text: string }; response: ArticleForReview[] };
  commit_import: { request: { issueId: number; articles: ReviewedArticle[] }; response: IssueView };
  update_masthead: { request: { id: number; update: MastheadUpdate }; response: IssueView };
  duplicate_issue: { request: { id: number }; response: IssueView };
  trash_issue: { request: { id: number }; response: IssueSummary[] };
  restore_issue: { request: { id: number }; response: IssueSummary[] };
  list_trashed_issues: { request: Record<string, never>; response: IssueSummary[] };
  save_settings: { request: { publication: Publication }; response: SettingsSaved };
  list_font_families: { request: Record<string, never>; response: FontFamilies };
  preview_issue: { request: { issueId: number; editing?: ArticleOverride }; response: IssuePreview };
  preview_font: { request: { key: number }; response: ArrayBuffer };
  export_issue_pdf: { request: { issueId: number; path: string; proofRound?: number }; response: ExportReport };
  open_exported_pdf: { request: { path: string; reveal: boolean }; response: null };
  issue_rounds: { request: { id: number }; response: IssueRounds };
  advance_issue: { request: { id: number; by: string; note: string }; response: IssueRounds };
  send_back_issue: { request: { id: number; by: string; reasons: string; to?: IssueStatus }; response: IssueRounds };
  sign_off_issue: { request: { id: number; by: string; date?: string }; response: IssueRounds };
  revoke_sign_off_issue: { request: { id: number; by: string; reason: string }; response: IssueRounds };
  issue_review: { request: { issueId: number }; response: IssueReview };
  add_comment: { request: { issueId: number; articleId: number; threadId: string; quote: string; author: string; body: string }; response: IssueReview };
  reply_to_comment: { request: { issueId: number; threadId: string; author: string; body: string }; response: IssueReview };
  resolve_comment: { request: { issueId: number; threadId: string; by: string; resolved: boolean }; response: IssueReview };
  compare_rounds: { request: { issueId: number; from: string; to: string }; response: RoundComparison };
  check_issue: { request: { issueId: number }; response: IssueCheck };
  apply_finding: { request: { issueId: number; finding: FindingView; author?: string }; response: IssueCheck };
  ignore_finding: { request: { issueId: number; finding: FindingView; by: string }; response: IssueCheck };
  unignore_finding: { request: { issueId: number; finding: FindingView }; response: IssueCheck };
  get_word_list: { request: Record<string, never>; response: WordListView };
  save_word_list: { request: { rows: WordRow[] }; response: WordListSaved };
  reset_word_list: { request: Record<string, never>; response: WordListView };
};
