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
source?: string, 
/**
 * Pending suggestions on the title, subtitle, byline, captions and attribution line; the
 * fields above hold the settled text (see `structure`).
 */
fieldSuggestions?: Array<FieldSuggestion>, 
/**
 * Pending suggestions on the body's structure: blocks inserted, deleted, split, joined or
 * changed in kind (see `structure`).
 */
blockSuggestions?: Array<BlockSuggestion>, };

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
 * Extra space between the 报名's characters, in ems of the 报名. Printed 简报 set the name
 * as one word with light tracking (about ¼ em); wider tracking reads as separate characters.
 */
mastheadNameTrackingEm: number, 
/**
 * From the foot of the editing-unit-and-date line (its em box) down to the red rule, in
 * millimetres. Printed 简报 leave about 4 mm.
 */
mastheadRuleGapMm: number, 
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
articleStartsNewPage: boolean, 
/**
 * 撑满版心: the first line's em box starts on the text block's top edge and the last line's
 * ends on its bottom edge (GB/T 9704-2012 §5.2.1 版心 225 mm), the leading falling only
 * between lines; off, each line is centred in a cell of text block height / lines.
 * Publications stored before this setting keep their centred cells.
 */
fillTextBlock: boolean, 
/**
 * Exports for the press as PDF/X-1a:2001 (CMYK only, FOGRA39 output intent, trim and
 * bleed boxes), which print shops' preflight checks expect.
 */
pdfX1a: boolean, 
/**
 * What joins a title's lines in the 要目 (none, or a full-width space).
 */
contentsLineSeparator: string, fonts: FontRoles, };

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

export type ErrorCode = "notFound" | "invalidInput" | "notADatabase" | "databaseTooNew" | "cannotOpen" | "corruptData" | "unauthorized" | "forbidden" | "conflict" | "leased" | "unavailable" | "internal";

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

export type ArchiveChoice = { 
/**
 * The file's name in the folder, as the review list names it.
 */
file: string, fill: MastheadFill, };

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

export type ReturnedProofReport = { source: string, 
/**
 * Articles whose text or suggestions changed.
 */
articlesChanged: number, 
/**
 * Suggestions now waiting in the issue that came from the file's tracked changes.
 */
suggestions: number, newThreads: number, replies: number, };

export type ImportReport = { issueId: number, articles: Array<ImportedArticleReport>, 
/**
 * Word proofs of this issue coming back from review (see `proof_return`).
 */
returnedProofs: Array<ReturnedProofReport>, };

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
savedAt: string, 
/**
 * The revision the content is; the editor's next save names it as its base.
 */
revision: number, 
/**
 * The database the article is in (`Identity::store_identity`): the editor keys its local
 * drafts by it, so a draft is never offered to an article of another database.
 */
store: string, };

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

export type SourcePart = "title" | "subtitle" | "byline" | "editorNote" | "body" | "attribution" | "contents" | "masthead" | "footer" | "issueNote";

export type PreviewSource = { article: number | null, part: SourcePart, block: number, offsets: Array<number>, };

export type PreviewRun = { 
/**
 * The font's key: `preview_font` answers its file.
 */
font: number, sizePt: number, baselineYPt: number, ink: PreviewInk, 
/**
 * Emboldened by stroking, as the PDF does for fonts without a bold weight.
 */
bold: boolean, text: string, xPt: Array<number>, 
/**
 * Where the text came from; `None` for text the layout makes itself (page numbers,
 * labels, bullets).
 */
source: PreviewSource | null, };

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
boldStrokeEm: number, 
/**
 * The issue's articles in print order, as laid out: `PreviewSource::article` indexes
 * this list.
 */
articleIds: Array<number>, };

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
signOffDate: string | null, 
/**
 * The proofreader the round was given to, when the editor named one.
 */
assignee: string | null, };

export type IssueRounds = { status: IssueStatus, 
/**
 * `一校`, `已签发`, …
 */
statusLabel: string, 
/**
 * Oldest first; times in UTC, for the reader to show in local time.
 */
history: Array<StatusChange>, 
/**
 * The date the masthead prints: what the sign-off date starts from.
 */
mastheadDate: string, };

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

export type RuleId = "half-width-punctuation" | "straight-quotes" | "unpaired-mark" | "enumeration-comma-between-quotes" | "doubled-punctuation" | "dash-form" | "ellipsis-form" | "title-without-book-marks" | "range-unit" | "phone-dash" | "short-year" | "leading-zero" | "year-brackets" | "word" | "typo" | "unknown-place" | "wrong-prefecture" | "cross-for-plus" | "duplicated-character" | "long-sentence" | "attribution-place" | "heading-sequence" | "masthead-date" | "masthead-round-date" | "footer-field";

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

export type FieldChange = { "field": "title", lines: Array<string>, } | { "field": "subtitle", text: string, } | { "field": "byline", text: string, } | { "field": "caption", block: number, text: string, } | { "field": "contributors", units: Array<string>, } | { "field": "source", text: string, };

export type FieldSuggestion = { change: FieldChange, 
/**
 * Unique within the article, shared with run and block suggestions.
 */
id: number, author: string, 
/**
 * RFC 3339.
 */
at: string, };

export type BlockKind = { "type": "paragraph" } | { "type": "heading", level: number, };

export type BlockChange = { "kind": "inserted" } | { "kind": "deleted" } | { "kind": "splitFromPrevious" } | { "kind": "joinsPrevious" } | { "kind": "kindChanged", from: BlockKind, };

export type BlockSuggestion = { 
/**
 * Index into `Article::body`.
 */
block: number, change: BlockChange, 
/**
 * Unique within the article, shared with run and field suggestions.
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
resolvedAt: string | null, 
/**
 * Where the comment was made, while its anchor waits to be put into the article's runs
 * (someone else was editing the article when it was made).
 */
pendingAnchor: CommentAnchor | null, };

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
resolvedAt: string | null, 
/**
 * Where the comment was made, while its anchor waits to be put into the article's runs
 * (someone else was editing the article when it was made).
 */
pendingAnchor: CommentAnchor | null, };

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
 * Where in the article, as the editor shows it: `正文第3段` (paragraphs counted among
 * paragraphs), `第2个小标题`, `标题`, `报头`.
 */
place: string, 
/**
 * The rule's family (`标点`, `数字`, `用词`, `字词`, `地名`, `文字`, `前后一致`), as the panel counts them.
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

export type Role = "editor" | "proofreader" | "signer" | "admin";

export type AnchorPart = "editorNote" | "body";

export type CommentAnchor = { part: AnchorPart, block: number, start: number, end: number, };

export type SavedArticle = { summary: ArticleSummary, revision: number, };

export type Lease = { articleId: number, holder: string, 
/**
 * UTC, RFC 3339.
 */
takenAt: string, expiresAt: string, };

export type ArticleLease = { articleId: number, 
/**
 * The caller holds the article: the editor is editable.
 */
mine: boolean, 
/**
 * The lease, when one is kept (not on the single machine).
 */
lease?: Lease, };

export type Me = { 
/**
 * The account's name; none on the single machine, where the UI asks for a name.
 */
name?: string, roles: Array<Role>, 
/**
 * Working on an office server (roles and leases apply) rather than a single machine.
 */
office: boolean, };

export type AccountView = { name: string, roles: Array<Role>, disabled: boolean, };

export type ExportedPdfFile = { pdf: Bytes, pageCount: number, warnings: Array<string>, };

export type ExportedDocxFile = { docx: Bytes, };

export type Bytes = string;

export type Done = Record<symbol, never>;

export type ChangeKind = "issue" | "articles" | "article" | "status" | "comments" | "findings" | "lease" | "publication";

export type ChangeEvent = { seq: number, kind: ChangeKind, issueId?: number, articleId?: number, };

export type Connection = { "mode": "local" } | { "mode": "office", server: string, };

export type BackupEntry = { 
/**
 * The file's name in the backups folder; what restoring one names.
 */
name: string, path: string, 
/**
 * Local time it was taken, ISO 8601 without offset (2025-09-02T14:05:01).
 */
takenAt: string, 
/**
 * 2025年9月2日 14:05
 */
takenLabel: string, sizeBytes: number, 
/**
 * 12.5 KB, 3.2 MB
 */
sizeLabel: string, 
/**
 * Why `PRAGMA integrity_check` refused the copy; `None` when it passed.
 */
problem: string | null, };

export type BackupTaken = { entry: BackupEntry, removed: Array<string>, };

export type BackupOverview = { 
/**
 * Where the copies are.
 */
folder: string, 
/**
 * Newest first.
 */
entries: Array<BackupEntry>, everyHours: number, 
/**
 * Why the last automatic backup failed, until one succeeds.
 */
automaticProblem: string | null, };

export type UploadedFile = { name: string, bytes: Bytes, };

export type ServerSignal = { "kind": "change", event: ChangeEvent, } | { "kind": "reset" } | { "kind": "online" } | { "kind": "offline", message: string, } | { "kind": "loggedOut", message: string, };

export type SearchRequest = { text: string, year?: number, 
/**
 * Part of a contributing unit's name: articles of every unit whose name (or the unit it
 * counts as, by the alias list) contains it.
 */
unit?: string, limit?: number, };

export type TextRange = { start: number, end: number, };

export type Snippet = { text: string, 
/**
 * The matches within `text`.
 */
highlights: Array<TextRange>, 
/**
 * The first match within the whole text, where the editor selects.
 */
first: TextRange | null, };

export type SearchHit = { issueId: number, 
/**
 * `2025年第13期`
 */
issueLabel: string, 
/**
 * `（总第七百四十一期）`
 */
totalLabel: string, date: string, 
/**
 * `2025年9月2日`
 */
dateLabel: string, articleId: number, articleTitle: string, 
/**
 * Where the first match is, as a proof finding is placed: the editor selects
 * `snippet.first` in this part and block.
 */
part: Part, block: number, 
/**
 * `正文`, `标题`, `供稿行`…
 */
partLabel: string, snippet: Snippet, 
/**
 * How many of the article's texts (title, paragraphs…) hold the query.
 */
matchingTexts: number, };

export type SearchResults = { 
/**
 * The query as searched (spaces tidied).
 */
query: string, 
/**
 * Articles found in all; `hits` holds the newest of them.
 */
total: number, hits: Array<SearchHit>, 
/**
 * The unit names the unit filter stood for, empty without one.
 */
units: Array<string>, };

export type StatsRequest = { 
/**
 * One year, counted by quarter; every year when left out.
 */
year?: number, };

export type Period = { year: number, 
/**
 * 1 to 4; `None` for the whole year.
 */
quarter: number | null, 
/**
 * `2025年` or `2025年第三季度`
 */
label: string, };

export type UnitCount = { unit: string, 
/**
 * The names printed on the articles counted here, when more than the unit's own.
 */
names: Array<string>, 
/**
 * Articles per period, in the order of `ContributionTable::periods`.
 */
counts: Array<number>, total: number, };

export type ContributionTable = { periods: Array<Period>, 
/**
 * Most articles first; equal counts by name.
 */
units: Array<UnitCount>, 
/**
 * Articles with at least one contributing unit.
 */
articles: number, };

export type YearTotals = { year: number, issues: number, 
/**
 * Pages as the issues lay out with this publication's settings and fonts.
 */
pages: number, 
/**
 * Han characters of the articles (titles, furniture, body; not the attribution lines).
 */
characters: number, };

export type ArchiveStats = { year: number | null, contributions: ContributionTable, 
/**
 * The year asked, or every year with an issue, oldest first.
 */
years: Array<YearTotals>, };

export type StatsWorkbook = { fileName: string, xlsx: Bytes, };

export type UnitAlias = { alias: string, unit: string, };

export type UnitAliasView = { rows: Array<UnitAlias>, units: Array<string>, };

export type UnitAliasSaved = { "outcome": "saved", list: UnitAliasView, } | { "outcome": "refused", problems: Array<RowProblem>, };

export type FindOptions = { 
/**
 * 全角半角视为相同: `,` finds `，` and the other way round.
 */
foldWidth: boolean, };

export type Place = { "kind": "title", line: number, } | { "kind": "subtitle" } | { "kind": "byline" } | { "kind": "editorNote" } | { "kind": "paragraph", number: number, } | { "kind": "heading", number: number, } | { "kind": "caption", number: number, } | { "kind": "contributor", number: number, } | { "kind": "source" };

export type Change = { place: Place, 
/**
 * The text around the match, the match between 〖〗.
 */
before: string, 
/**
 * The same with the replacement; equal to `before` when the match was left.
 */
after: string, 
/**
 * Why the match was left as it is, if it was.
 */
left?: string, };

export type ArticleChanges = { articleId: number, title: string, changes: Array<Change>, 
/**
 * The revision the replacement was made on.
 */
baseRevision: number, 
/**
 * The revision the replacement saved; none for a dry run or when nothing was replaced.
 */
savedRevision?: number, };

export type ReplaceReport = { articles: Array<ArticleChanges>, 
/**
 * Matches replaced (or, in a dry run, that would be).
 */
replaced: number, 
/**
 * Matches found but left as they are (each `Change.left` says why).
 */
left: number, dryRun: boolean, };

export type ProposedNumbers = { number: number, totalNumber: number, };

export type NoArgs = Record<symbol, never>;

export type ById = { id: number, };

export type CreateIssueRequest = { request: NewIssueRequest, };

export type ProposeNumbersRequest = { kind: IssueKind, 
/**
 * Today when left out.
 */
date?: string, };

export type UpdateMastheadRequest = { id: number, update: MastheadUpdate, };

export type LoadIssueRequest = { json: string, };

export type SaveArticleRequest = { id: number, article: Article, 
/**
 * The revision the editor's text started from (`ArticleView.revision`).
 */
baseRevision: number, author?: string, };

export type AddArticleRequest = { issueId: number, author?: string, };

export type ReorderArticlesRequest = { issueId: number, order: Array<number>, };

export type ByArticle = { articleId: number, };

export type RestoreRevisionRequest = { id: number, author?: string, };

export type ReplaceRequest = { issueId: number, find: string, replacement: string, options: FindOptions, 
/**
 * Only count and show the matches; nothing is saved.
 */
dryRun: boolean, 
/**
 * Record the replacements as 建议模式 suggestions instead of changing the text.
 */
suggest: boolean, 
/**
 * Only this article of the issue.
 */
articleId?: number, author?: string, };

export type UndoReplaceRequest = { 
/**
 * The report the replace-all answered with.
 */
report: ReplaceReport, author?: string, };

export type ByIssue = { issueId: number, };

export type AnalyseFileRequest = { issueId: number, file: UploadedFile, };

export type PastedTextRequest = { issueId: number, text: string, };

export type CommitImportRequest = { issueId: number, articles: Array<ReviewedArticle>, };

export type ImportManuscriptsRequest = { issueId: number, files: Array<UploadedFile>, 
/**
 * Pasted text instead of files.
 */
pasted?: string, };

export type ImportBackIssueRequest = { file: UploadedFile, };

export type PreviewRequest = { issueId: number, 
/**
 * The article as typed, unsaved, in place of its stored version.
 */
editing?: ArticleOverride, };

export type FontKeyRequest = { key: number, };

export type ExportPdfRequest = { issueId: number, 
/**
 * A proof (校样) of this round; the final PDF when left out.
 */
proofRound?: number, 
/**
 * The PDF's creation date (the CLI's `--timestamp`, for repeatable files); now when left out.
 */
timestamp?: string, };

export type ExportDocxRequest = { issueId: number, 
/**
 * A proof: pending suggestions as tracked changes, open comment threads as comments.
 */
proof?: boolean, 
/**
 * The document's creation date (the CLI's `--timestamp`); now when left out.
 */
timestamp?: string, };

export type AdvanceRequest = { id: number, by?: string, note: string, 
/**
 * The proofreader the round the issue enters is given to.
 */
assignee?: string, };

export type SendBackRequest = { id: number, by?: string, reasons: string, to?: IssueStatus, };

export type SignOffRequest = { id: number, by?: string, 
/**
 * The masthead date when left out: signing off never moves the printed date by itself.
 */
date?: string, 
/**
 * The signer saw both dates and confirmed: the masthead prints the sign-off date.
 */
moveMastheadDate?: boolean, };

export type RevokeRequest = { id: number, by?: string, reason: string, };

export type CompareRequest = { issueId: number, from: string, to: string, };

export type AddCommentRequest = { issueId: number, articleId: number, threadId: string, quote: string, author?: string, body: string, 
/**
 * Where the quote is, when the commenter could not put the thread's id into the text
 * themselves (they are reading an article someone else is editing).
 */
anchor?: CommentAnchor, };

export type ReplyRequest = { issueId: number, threadId: string, author?: string, body: string, };

export type ResolveRequest = { issueId: number, threadId: string, by?: string, resolved: boolean, };

export type CheckIssueRequest = { issueId: number, 
/**
 * A word list file's text to check with instead of the office's (the CLI's `--words`).
 */
words?: string, };

export type FindingRequest = { issueId: number, finding: FindingView, 
/**
 * Who applies or ignores it, on the single machine.
 */
by?: string, };

export type SaveSettingsRequest = { publication: Publication, };

export type SaveWordListRequest = { rows: Array<WordRow>, };

export type WordListText = { text: string, };

export type SaveUnitAliasesRequest = { rows: Array<UnitAlias>, };

export type Commands = {
  list_issues: { request: NoArgs; response: Array<IssueSummary> };
  get_issue: { request: ById; response: IssueView };
  create_issue: { request: CreateIssueRequest; response: IssueView };
  propose_issue_numbers: { request: ProposeNumbersRequest; response: ProposedNumbers };
  update_masthead: { request: UpdateMastheadRequest; response: IssueView };
  duplicate_issue: { request: ById; response: IssueView };
  trash_issue: { request: ById; response: Array<IssueSummary> };
  restore_issue: { request: ById; response: Array<IssueSummary> };
  list_trashed_issues: { request: NoArgs; response: Array<IssueSummary> };
  load_issue: { request: LoadIssueRequest; response: IssueView };
  dump_issue: { request: ById; response: IssueFile };
  get_article: { request: ById; response: ArticleView };
  save_article: { request: SaveArticleRequest; response: SavedArticle };
  add_article: { request: AddArticleRequest; response: IssueView };
  remove_article: { request: ById; response: IssueView };
  reorder_articles: { request: ReorderArticlesRequest; response: IssueView };
  list_revisions: { request: ByArticle; response: Array<RevisionSummary> };
  get_revision: { request: ById; response: RevisionView };
  restore_revision: { request: RestoreRevisionRequest; response: ArticleView };
  replace_in_issue: { request: ReplaceRequest; response: ReplaceReport };
  undo_replace: { request: UndoReplaceRequest; response: number };
  take_lease: { request: ByArticle; response: ArticleLease };
  renew_lease: { request: ByArticle; response: ArticleLease };
  release_lease: { request: ByArticle; response: Done };
  force_release_lease: { request: ByArticle; response: Done };
  issue_leases: { request: ByIssue; response: Array<Lease> };
  analyse_import_file: { request: Uint8Array; response: Array<ArticleForReview> };
  analyse_pasted_text: { request: PastedTextRequest; response: Array<ArticleForReview> };
  commit_import: { request: CommitImportRequest; response: IssueView };
  import_manuscripts: { request: ImportManuscriptsRequest; response: ImportReport };
  import_back_issue: { request: ImportBackIssueRequest; response: IssueImportReport };
  preview_issue: { request: PreviewRequest; response: IssuePreview };
  preview_font: { request: FontKeyRequest; response: ArrayBuffer };
  export_pdf: { request: ExportPdfRequest; response: ExportedPdfFile };
  export_docx: { request: ExportDocxRequest; response: ExportedDocxFile };
  issue_rounds: { request: ById; response: IssueRounds };
  advance_issue: { request: AdvanceRequest; response: IssueRounds };
  send_back_issue: { request: SendBackRequest; response: IssueRounds };
  sign_off_issue: { request: SignOffRequest; response: IssueRounds };
  revoke_sign_off_issue: { request: RevokeRequest; response: IssueRounds };
  compare_rounds: { request: CompareRequest; response: RoundComparison };
  issue_review: { request: ByIssue; response: IssueReview };
  add_comment: { request: AddCommentRequest; response: IssueReview };
  reply_to_comment: { request: ReplyRequest; response: IssueReview };
  resolve_comment: { request: ResolveRequest; response: IssueReview };
  check_issue: { request: CheckIssueRequest; response: IssueCheck };
  apply_finding: { request: FindingRequest; response: IssueCheck };
  ignore_finding: { request: FindingRequest; response: IssueCheck };
  unignore_finding: { request: FindingRequest; response: IssueCheck };
  get_publication: { request: NoArgs; response: PublicationView };
  save_settings: { request: SaveSettingsRequest; response: SettingsSaved };
  list_font_families: { request: NoArgs; response: FontFamilies };
  get_word_list: { request: NoArgs; response: WordListView };
  save_word_list: { request: SaveWordListRequest; response: WordListSaved };
  reset_word_list: { request: NoArgs; response: WordListView };
  import_word_list: { request: WordListText; response: WordListView };
  export_word_list: { request: NoArgs; response: WordListText };
  whoami: { request: NoArgs; response: Me };
  list_accounts: { request: NoArgs; response: Array<AccountView> };
  search_articles: { request: SearchRequest; response: SearchResults };
  get_archive_stats: { request: StatsRequest; response: ArchiveStats };
  export_stats_workbook: { request: StatsRequest; response: StatsWorkbook };
  get_unit_aliases: { request: NoArgs; response: UnitAliasView };
  save_unit_aliases: { request: SaveUnitAliasesRequest; response: UnitAliasSaved };
};

export type ProgressChannel<T> = { onmessage: (message: T) => void };

export type DesktopCommands = {
  export_issue_pdf: { request: { issueId: number; path: string; proofRound?: number }; response: ExportReport };
  export_issue_docx: { request: { issueId: number; path: string; proof: boolean }; response: string };
  open_exported_pdf: { request: { path: string; reveal: boolean }; response: null };
  save_stats_workbook: { request: { path: string; year?: number }; response: string };
  analyse_archive_folder: { request: { folder: string; onProgress: ProgressChannel<ArchiveProgress> }; response: ArchiveReview };
  import_archive_files: { request: { folder: string; choices: Array<ArchiveChoice>; onProgress: ProgressChannel<ArchiveProgress> }; response: ArchiveCommit };
  get_connection: { request: Record<string, never>; response: Connection };
  set_connection: { request: { connection: Connection }; response: Connection };
  log_in: { request: { name: string; password: string }; response: Me };
  log_out: { request: Record<string, never>; response: null };
  list_backups: { request: Record<string, never>; response: BackupOverview };
  back_up_now: { request: Record<string, never>; response: BackupTaken };
  restore_backup: { request: { name: string }; response: BackupTaken };
  restore_database_file: { request: { path: string }; response: BackupTaken };
  export_database: { request: { path: string }; response: string };
};
