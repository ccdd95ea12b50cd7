// One office at work on one issue through a real `jianbao-server`: the editor in the desktop
// app (connected through 设置 → 办公室服务器 and the login screen), the proofreader and then
// the signer in headless Chromium at the server's address.
// The editor's open article is checked out: the proofreader sees who is editing it, reads the
// editor's typing as it is saved and comments. The proofreader suggests a change in the other
// article, the editor accepts it and goes on typing, and the store's revisions show every save
// building on the one before. The server refuses the proofreader's sign-off (from the page and
// from the CLI) in Chinese; the signer signs off, and the editor's window follows.
import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { freePort, goOnIfWaiting, launch, screenshot, selectInFirstParagraph, signOffOn, startDriver } from "./harness.mjs";
import { apiSession, cliOnServer, shot, startChromium, startOfficeServer } from "./office-harness.mjs";

const EDITOR = { name: "汤建", role: "editor", password: "bianji-2025" };
const PROOFREADER = { name: "刘洋", role: "proofreader", password: "jiaodui-2025" };
const SIGNER = { name: "王明", role: "signer", password: "qianfa-2025" };

/** What each of them adds to the text; the revisions are searched for these. */
const EDITOR_FIRST_EDIT = "，取得明显成效";
const SUGGESTED = "，群众获得感不断增强";
const EDITOR_LATER_EDIT = "下一步，该县将持续跟踪落实。";

const ISSUE_TOTAL = "总第七百四十一期";
const SIGN_OFF_DATE = "2025-09-03";

let server;
let chromium;
let desktopDriver;
let desktop;
let store;

before(async () => {
  server = await startOfficeServer([EDITOR, PROOFREADER, SIGNER]);
  chromium = await startChromium();
  // The desktop starts on a database of its own, as on a new desk; the test's free ports keep
  // it clear of the other suites' tauri-driver.
  const localDb = join(mkdtempSync(join(tmpdir(), "jianbao-desk-")), "jianbao.sqlite3");
  const driverPort = await freePort();
  desktopDriver = await startDriver(localDb, driverPort, await freePort());
  desktop = await launch(driverPort);
  // The test's own look at the store: the signer may read everything and changes nothing here.
  store = await apiSession(server.origin, SIGNER);
});

after(async () => {
  await desktop?.deleteSession().catch(() => {});
  desktopDriver?.kill();
  await chromium?.stop();
  server?.stop();
});

const byTestId = (window, id) => window.$(`[data-testid="${id}"]`);

async function click(window, id) {
  const element = await byTestId(window, id);
  await element.waitForClickable({ timeout: 10000 });
  await element.click();
}

async function textOf(window, id) {
  return (await byTestId(window, id)).getText().catch(() => "");
}

async function waitForText(window, id, pattern, what) {
  await window.waitUntil(async () => pattern.test(await textOf(window, id)), { timeout: 15000, timeoutMsg: what });
}

async function count(window, id) {
  return (await window.$$(`[data-testid="${id}"]`)).length;
}

async function waitForCount(window, id, expected, what) {
  await window.waitUntil(async () => (await count(window, id)) === expected, { timeout: 15000, timeoutMsg: what });
}

async function editable(window) {
  return (await (await byTestId(window, "editor")).getAttribute("contenteditable")) === "true";
}

async function waitEditable(window, expected, what) {
  await window.waitUntil(async () => (await editable(window)) === expected, { timeout: 15000, timeoutMsg: what });
}

async function firstParagraph(window) {
  return (await window.$('[data-testid="editor"] > p:not([class])')).getText();
}

/** Types `text` just before the first paragraph's closing 。, or at its end. */
async function typeInFirstParagraph(window, text, where) {
  const offset = where === "before-full-stop" ? -2 : -1;
  await selectInFirstParagraph(window, offset, offset);
  await window.keys([...text]);
}

/** Logs in through the login screen, which must be showing. */
async function logIn(window, account) {
  await (await byTestId(window, "login")).waitForExist({ timeout: 15000 });
  await (await byTestId(window, "login-name")).setValue(account.name);
  await (await byTestId(window, "login-password")).setValue(account.password);
  await click(window, "login-submit");
  await waitForText(window, "account-name", new RegExp(account.name), `${account.name} is not shown as logged in`);
}

async function openDemoIssue(window) {
  await (await byTestId(window, "issue-table")).waitForExist({ timeout: 15000 });
  for (const row of await window.$$('[data-testid="issue-row"]')) {
    if ((await row.getText()).includes(ISSUE_TOTAL)) await (await row.$("button")).click();
  }
  await (await byTestId(window, "editor")).waitForExist({ timeout: 15000 });
}

/** Opens article `articleId` from the workspace's list. */
async function openArticle(window, articleId) {
  const button = () => window.$(`[data-testid="article-item"][data-article-id="${articleId}"] button.open`);
  await (await button()).click();
  await window.waitUntil(async () => (await (await button()).getAttribute("aria-current")) === "true", {
    timeout: 10000,
    timeoutMsg: `article ${articleId} did not open`,
  });
}

/** The status the round bar shows, once it is `expected`. */
async function waitStatus(window, expected) {
  await waitForText(window, "round-status", new RegExp(`^${expected}$`), `the round bar did not reach ${expected}`);
}

async function waitSaved(window) {
  const state = await byTestId(window, "save-state");
  await window.waitUntil(async () => (await state.getAttribute("data-state")) === "saved", {
    timeout: 10000,
    timeoutMsg: `the editor does not say 已保存: ${await state.getText()}`,
  });
}

/** An article as plain lines (title, then each block), suggestions included as they stand. */
function articleText(article) {
  const blockText = (block) => (block.content ?? []).map((run) => run.text).join("") || (block.caption ?? "");
  return [...article.title, ...article.body.map(blockText)].join("\n");
}

/** The runs of `article` that are pending suggestions. */
function suggestionRuns(article) {
  return article.body.flatMap((block) => (block.content ?? []).filter((run) => run.suggestion));
}

/** Waits until the server has stored `article` with `text` in it (the UI's 已保存 alone could
 *  be the state before the last keystroke reached the editor). */
async function waitStored(articleId, text, what) {
  const deadline = Date.now() + 15000;
  for (;;) {
    const stored = await store.call("get_article", { id: articleId });
    if (articleText(stored.article).includes(text)) return stored;
    if (Date.now() > deadline) throw new Error(`${what}: the server never stored “${text}”`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The article's revisions, oldest first, each with its content. */
async function revisionsOf(articleId) {
  const summaries = (await store.call("list_revisions", { articleId })).reverse();
  return Promise.all(summaries.map(async (summary) => ({ ...summary, article: (await store.call("get_revision", { id: summary.id })).article })));
}

/** Whether every character of `earlier`, in order, is still in `later`. */
function keptIn(earlier, later) {
  let at = 0;
  for (const character of later) if (character === earlier[at]) at += 1;
  return at === earlier.length;
}

/** Every save here only adds text, so each revision must keep all of the one before: a save
 *  made on an older revision would have dropped what was added in between. */
function assertEachBuildsOnThePrevious(revisions, what) {
  for (let i = 1; i < revisions.length; i += 1) {
    const [previous, next] = [revisions[i - 1], revisions[i]];
    assert.ok(next.id > previous.id, `${what}: revision numbers increase (${previous.id} then ${next.id})`);
    assert.ok(
      keptIn(articleText(previous.article), articleText(next.article)),
      `${what}: revision ${next.id} by ${next.author} lost text of revision ${previous.id} by ${previous.author}`,
    );
  }
}

/** The desktop app, on its own database, is pointed at the office server in its settings. */
async function connectDesktop(origin) {
  await click(desktop, "open-settings");
  await click(desktop, "connection-office");
  const address = await byTestId(desktop, "connection-server");
  await address.waitForExist({ timeout: 10000 });
  await address.setValue(origin);
  await screenshot(desktop, "office-1-desktop-connection");
  await click(desktop, "connection-save");
  await (await byTestId(desktop, "login")).waitForExist({ timeout: 15000, timeoutMsg: "saving the connection did not ask for the login" });
  assert.match(await (await byTestId(desktop, "login")).getText(), new RegExp(`服务器：${origin}`), "the login names the server");
}

test("the editor's desktop app, a proofreader's and a signer's browser work on one issue through the office server", async () => {
  const issueId = (await store.call("list_issues", {})).find((issue) => issue.totalLabel.includes(ISSUE_TOTAL)).id;
  const [first, second] = (await store.call("get_issue", { id: issueId })).articles.map((article) => article.id);

  // The editor connects the desktop app to the office server; a wrong password is refused
  // without saying whether the name or the password was wrong.
  await connectDesktop(server.origin);
  await (await byTestId(desktop, "login-name")).setValue(EDITOR.name);
  await (await byTestId(desktop, "login-password")).setValue("not-the-password");
  await click(desktop, "login-submit");
  await waitForText(desktop, "error", /不正确/, "a wrong password was not refused");
  assert.doesNotMatch(await textOf(desktop, "error"), /用户名不存在|密码错误/);
  await screenshot(desktop, "office-2-desktop-wrong-password");
  await logIn(desktop, EDITOR);
  assert.match(await textOf(desktop, "account-roles"), /编辑/);
  await click(desktop, "close-settings");
  await openDemoIssue(desktop);
  await waitEditable(desktop, true, "the editor cannot type in the article it opened");

  // The proofreader opens the same article in a browser: it is checked out to the editor.
  const proofreader = await chromium.open(server.origin);
  await logIn(proofreader, PROOFREADER);
  await openDemoIssue(proofreader);
  await waitForText(proofreader, "editor-held", /汤建 正在编辑/, "the proofreader is not told who is editing");
  assert.equal(await editable(proofreader), false, "someone else's open article must be read-only");
  await waitForText(proofreader, "article-holder", /汤建 正在编辑/, "the article list does not show who is editing");

  // The editor types; once it is stored, the proofreader reads it without a reload.
  await typeInFirstParagraph(desktop, EDITOR_FIRST_EDIT, "before-full-stop");
  await waitStored(first, EDITOR_FIRST_EDIT, "the editor's typing");
  await waitSaved(desktop);
  await proofreader.waitUntil(async () => (await firstParagraph(proofreader)).includes(EDITOR_FIRST_EDIT), {
    timeout: 15000,
    timeoutMsg: "the editor's saved text did not reach the proofreader",
  });
  await proofreader.waitUntil(async () => (await textOf(proofreader, "issue-count")) === (await textOf(desktop, "issue-count")), {
    timeout: 15000,
    timeoutMsg: "the proofreader's count of the issue did not follow the editor's saved text",
  });

  // The proofreader comments on the article anyway; its mark waits until the article is next
  // opened for editing, and the comment says so.
  await selectInFirstParagraph(proofreader, 0, 4);
  await click(proofreader, "comment-add");
  await (await byTestId(proofreader, "comment-text")).setValue("这一提法请再核对");
  await click(proofreader, "comment-save");
  await waitForText(proofreader, "comment-body", /这一提法请再核对/, "the proofreader's comment was not stored");
  await waitForText(proofreader, "comment-pending", /下次打开编辑时标在原文上/, "the comment does not say its mark is waiting");
  await shot(proofreader, "3-proofreader-reads-and-comments");

  // The comment reaches the desktop without a reload; the editor resolves it (an open comment
  // would hold up the sign-off) and the thread leaves the open ones.
  await waitForText(desktop, "comment-body", /这一提法请再核对/, "the comment did not reach the editor's app");
  await screenshot(desktop, "office-4-desktop-sees-the-comment");
  await click(desktop, "comment-resolve");
  await waitForCount(desktop, "comment-thread", 0, "the editor could not resolve the comment");

  // The second article is free: the proofreader takes it, and what they type is a suggestion.
  await openArticle(proofreader, second);
  await waitEditable(proofreader, true, "the proofreader cannot suggest in a free article");
  await typeInFirstParagraph(proofreader, SUGGESTED, "before-full-stop");
  await waitForText(proofreader, "suggestion", /刘洋/, "the proofreader's typing is not a suggestion signed with their name");
  const suggested = await waitStored(second, SUGGESTED, "the proofreader's suggestion");
  assert.ok(suggestionRuns(suggested.article).some((run) => run.text === SUGGESTED && run.suggestion.kind === "insertion"), "the server stored the typing as a suggestion");
  await waitSaved(proofreader);
  await shot(proofreader, "5-proofreader-suggests");

  // The proofreader goes back to the first article (still the editor's) and so gives the
  // second one up; the editor's list follows.
  await openArticle(proofreader, first);
  await waitForText(proofreader, "editor-held", /汤建 正在编辑/, "the first article is no longer shown as the editor's");
  await waitForCount(desktop, "article-holder", 0, "the proofreader did not give the second article up");

  // The editor opens the second article: the first one is free again, and the proofreader,
  // who is reading it, gets it to work on without a reload.
  await openArticle(desktop, second);
  await waitEditable(desktop, true, "the editor cannot edit the article the proofreader gave up");
  await waitEditable(proofreader, true, "the article the editor left did not pass to the proofreader");
  await waitForText(desktop, "article-holder", /刘洋 正在编辑/, "the editor's list does not show the proofreader editing");

  // The editor accepts the suggestion, the acceptance is saved, then the editor types on.
  await waitForText(desktop, "suggestion", new RegExp(`${PROOFREADER.name}`), "the suggestion did not reach the editor");
  await click(desktop, "suggestion-accept");
  await waitForCount(desktop, "suggestion", 0, "the suggestion was not accepted");
  await desktop.waitUntil(async () => suggestionRuns((await store.call("get_article", { id: second })).article).length === 0, {
    timeout: 15000,
    timeoutMsg: "the accepted suggestion was not saved",
  });
  await waitSaved(desktop);
  await typeInFirstParagraph(desktop, EDITOR_LATER_EDIT, "end");
  const final = await waitStored(second, EDITOR_LATER_EDIT, "the editor's typing after the acceptance");
  await waitSaved(desktop);
  assert.equal(await (await byTestId(desktop, "conflict")).isExisting(), false, "no save of the editor was refused as stale");
  await screenshot(desktop, "office-6-desktop-accepted-and-typed-on");

  // The revisions of the second article: the proofreader's suggestion, the editor's
  // acceptance, the editor's typing, each save on the revision before it.
  const revisions = await revisionsOf(second);
  assertEachBuildsOnThePrevious(revisions, "the second article");
  const bySuggestion = revisions.findIndex((revision) => revision.author === PROOFREADER.name);
  assert.ok(bySuggestion > 0, "the proofreader's suggestion is a revision of its own, after the original");
  const acceptance = revisions.slice(bySuggestion).find((revision) => revision.author === EDITOR.name);
  assert.ok(acceptance, "the editor's acceptance is a revision after the suggestion");
  assert.equal(suggestionRuns(acceptance.article).length, 0, "the acceptance leaves no suggestion pending");
  assert.ok(articleText(acceptance.article).includes(SUGGESTED), "the accepted text is in the editor's first save after it");
  assert.ok(!articleText(acceptance.article).includes(EDITOR_LATER_EDIT), "the acceptance was saved before the editor typed on");
  const latest = revisions.at(-1);
  assert.equal(latest.id, final.revision, "the stored article is the latest revision");
  assert.equal(latest.author, EDITOR.name);
  for (const added of [SUGGESTED, EDITOR_LATER_EDIT]) {
    assert.ok(articleText(final.article).includes(added), `the final text holds “${added}”`);
  }

  // The first article: the editor's typing, then the comment's mark placed when the
  // proofreader took the article over, on top of it.
  const firstRevisions = await revisionsOf(first);
  assertEachBuildsOnThePrevious(firstRevisions, "the first article");
  assert.ok(firstRevisions.some((revision) => revision.author === EDITOR.name), "the editor's typing is a revision");
  assert.ok(articleText(firstRevisions.at(-1).article).includes(EDITOR_FIRST_EDIT), "the editor's typing is still in the first article");

  // The editor sends the issue through the rounds; the proofreader's window follows.
  for (const next of ["一校", "二校", "三校", "待签发"]) {
    await click(desktop, "round-advance");
    if (next === "待签发") {
      const label = await desktop.$('[data-testid="round-status"]');
      await goOnIfWaiting(desktop, async () => (await label.getText()) === next);
    }
    await waitStatus(desktop, next);
  }
  await waitStatus(proofreader, "待签发");

  // 签发 is the signer's: the proofreader is not offered it, and the server refuses it both
  // when the proofreader's page asks with its own session and from the CLI.
  const signOff = await byTestId(proofreader, "round-sign-off");
  assert.equal(await signOff.isEnabled(), false, "a proofreader must not be offered the sign-off");
  assert.match(await signOff.getAttribute("title"), /签发人/);
  const refusal = await proofreader.execute(async (id, date) => {
    const answer = await fetch("/api/sign_off_issue", {
      method: "POST",
      credentials: "same-origin",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ id, date }),
    });
    return { status: answer.status, body: await answer.json() };
  }, issueId, SIGN_OFF_DATE);
  assert.equal(refusal.status, 403, `the server refuses a proofreader's sign-off: ${JSON.stringify(refusal)}`);
  assert.equal(refusal.body.code, "forbidden");
  assert.match(refusal.body.message, /只有签发人可以签发/, "the refusal says in Chinese who may sign off");
  const fromCli = cliOnServer(server.origin, PROOFREADER, ["sign-off", String(issueId), "--by", PROOFREADER.name, "--date", SIGN_OFF_DATE]);
  assert.equal(fromCli.status, 1, `the CLI exits 1 on the refusal: ${fromCli.stderr}`);
  assert.match(fromCli.stderr, /只有签发人可以签发/, "the CLI says in Chinese who may sign off");
  assert.equal((await store.call("issue_rounds", { id: issueId })).statusLabel, "待签发", "a refused sign-off changes nothing");
  await waitStatus(proofreader, "待签发");
  await shot(proofreader, "7-proofreader-not-offered-sign-off");

  // The proofreader logs out (giving the first article back); the signer logs in at the same
  // computer and signs off.
  await click(proofreader, "log-out");
  const signer = proofreader;
  await logIn(signer, SIGNER);
  await waitStatus(signer, "待签发");
  await signOffOn(signer, SIGN_OFF_DATE);
  await waitStatus(signer, "已签发");
  // The editor's article turns read-only there and is given back.
  await waitForCount(signer, "article-holder", 0, "the editor still holds an article of the signed-off issue");
  await shot(signer, "8-signer-signed-off");

  // The editor's app shows the sign-off without a reload, and the article turns read-only.
  await waitStatus(desktop, "已签发");
  await waitForText(desktop, "editor-locked", /本期已签发/, "the editor's article is not locked after the sign-off");
  await waitEditable(desktop, false, "the editor can still type in a signed-off issue");
  await screenshot(desktop, "office-9-desktop-after-sign-off");
  assert.equal((await revisionsOf(second)).at(-1).id, latest.id, "nothing was saved over the signed-off text");
});
