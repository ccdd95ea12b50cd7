// 导入往期 in the real app on a folder of our own back issues: a text with a complete masthead,
// a text whose masthead shows neither 第N期, 总第X期 nor the date (filled in on the review
// list), a Word file, the PDF of the issue already stored (a duplicate) and a damaged PDF.
// The native folder dialog cannot be driven over WebDriver: the test types the folder's path
// into the field beside it, which reads the same folder the dialog would have named.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { cli, defaultPort as PORT, demoDatabase, fill, launch, screenshot, startDriver } from "./harness.mjs";

const ARTICLE = [
  "溪口镇把茶园管护交给合作社",
  "　　溪口镇今年把三千亩老茶园交给四家合作社统一管护，镇里负责技术培训和品牌推介。",
  "　　合作社按亩向农户支付管护后的分红，去年每户平均增收一千二百元。",
  "（溪口镇人民政府　供稿）",
];
const FOOTER = ["送：县委、县政府各位领导，各乡镇人民政府。", "责任编辑：罗青　联系电话：0745-8000000"];

/** A back issue's lines; `masthead` null leaves out 第N期, 总第X期 and the date. */
function backIssue(masthead) {
  const head = masthead
    ? [`第${masthead.number}期`, `（总第${masthead.total}期）`, `县农业农村局编\u3000\u3000${masthead.date}`]
    : ["县农业农村局编"];
  return ["乡村振兴工作通讯", ...head, ...ARTICLE, ...FOOTER];
}

/** A .docx of `paragraphs` (the parts Word needs, zipped with Python's standard zipfile). */
function docx(path, paragraphs) {
  const w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
  const escape = (text) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  const body = paragraphs.map((text) => `<w:p><w:r><w:t xml:space="preserve">${escape(text)}</w:t></w:r></w:p>`).join("");
  const parts = {
    "[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
    "_rels/.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
    "word/document.xml": `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${w}"><w:body>${body}</w:body></w:document>`,
  };
  const zip = "import json, sys, zipfile\nwith zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:\n    for name, text in json.load(sys.stdin).items(): z.writestr(name, text)\n";
  execFileSync("python3", ["-c", zip, path], { input: JSON.stringify(parts) });
}

/** The folder of back issues; the duplicate is the stored demo issue as the app exports it. */
function archiveFolder(db) {
  const folder = join(mkdtempSync(join(tmpdir(), "jianbao-archive-")), "往期简报");
  mkdirSync(folder);
  const write = (name, lines) => writeFileSync(join(folder, name), lines.join("\n") + "\n");
  write("01-茶园管护.txt", backIssue({ number: 3, total: "二百零一", date: "2017年4月11日" }));
  write("02-报头残缺.txt", backIssue(null));
  docx(join(folder, "03-稻田养鱼.docx"), backIssue({ number: 5, total: "二百零三", date: "2017年6月20日" }));
  execFileSync(cli, ["--db", db, "export", "1", "-o", join(folder, "04-已入库的一期.pdf")], { stdio: "ignore" });
  writeFileSync(join(folder, "05-损坏.pdf"), "%PDF-1.7\n这不是完整的 PDF 文件\n");
  return folder;
}

let driver;
let db;

before(async () => {
  db = demoDatabase();
  driver = await startDriver(db, PORT);
});

after(() => {
  driver?.kill();
});

/** Status, 期号, 总期号 and article count of every row, by file. */
async function reviewRows(browser) {
  const rows = {};
  for (const row of await browser.$$('[data-testid="archive-row"]')) {
    const cell = async (id) => (await row.$(`[data-testid="${id}"]`)).getText();
    rows[await row.getAttribute("data-file")] = {
      status: await cell("archive-status"),
      number: await cell("archive-number"),
      total: await cell("archive-total"),
      articles: await cell("archive-article-count"),
    };
  }
  return rows;
}

test("a folder of back issues is read with progress, reviewed, completed and imported", async () => {
  const folder = archiveFolder(db);
  const browser = await launch(PORT);
  try {
    await browser.setWindowSize(1280, 720).catch(() => {});
    await (await browser.$('[data-testid="issue-table"]')).waitForExist({ timeout: 15000 });
    await (await browser.$('[data-testid="open-archive-import"]')).click();
    await fill(browser, "archive-folder-path", folder);

    // Every progress line the window shows, as it shows it.
    await browser.execute(() => {
      window.archiveProgressSeen = [];
      new MutationObserver(() => {
        const count = document.querySelector('[data-testid="archive-progress-count"]');
        const file = document.querySelector('[data-testid="archive-progress-file"]');
        const line = `${count?.textContent ?? ""} ${file?.textContent ?? ""}`.trim();
        if (line && window.archiveProgressSeen.at(-1) !== line) window.archiveProgressSeen.push(line);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await (await browser.$('[data-testid="read-archive-folder"]')).click();
    // Five small files are read faster than WebKit's snapshot comes back, so the bar is
    // checked through what the window showed rather than photographed.
    const review = await browser.$('[data-testid="archive-review"]');
    await review.waitForExist({ timeout: 60000, timeoutMsg: "the review list did not appear" });
    const seen = await browser.execute(() => window.archiveProgressSeen);
    assert.ok(seen.some((line) => /^\d\/5 \S/.test(line)), `the bar showed files done of five and the file read: ${seen}`);
    assert.ok(seen.includes("3/5 04-已入库的一期.pdf"), `the PDF was named while it was read: ${seen}`);

    const rows = await reviewRows(browser);
    assert.deepEqual(Object.keys(rows), ["01-茶园管护.txt", "02-报头残缺.txt", "03-稻田养鱼.docx", "04-已入库的一期.pdf", "05-损坏.pdf"]);
    assert.deepEqual(rows["01-茶园管护.txt"], { status: "可导入", number: "第3期", total: "总第201期", articles: "1篇" });
    assert.equal(rows["02-报头残缺.txt"].status, "需补充");
    assert.deepEqual([rows["03-稻田养鱼.docx"].status, rows["03-稻田养鱼.docx"].total], ["可导入", "总第203期"]);
    assert.deepEqual([rows["04-已入库的一期.pdf"].status, rows["04-已入库的一期.pdf"].total], ["重复", "总第741期"]);
    assert.equal(rows["05-损坏.pdf"].status, "无法读取");
    const problems = await (await browser.$('[data-testid="archive-review"]')).getText();
    assert.match(problems, /总第741期已在数据库中/, "the duplicate says which issue it repeats");
    assert.equal(await browser.$('[data-file="04-已入库的一期.pdf"] [data-testid="archive-choose"]').isExisting(), false, "a duplicate cannot be chosen");
    assert.equal(await browser.$('[data-file="05-损坏.pdf"] [data-testid="archive-choose"]').isExisting(), false, "an unreadable file cannot be chosen");

    const commitButton = await browser.$('[data-testid="archive-commit"]');
    assert.equal(await commitButton.isEnabled(), false, "the import waits for the missing fields");
    assert.match(await (await browser.$('[data-testid="archive-waiting"]')).getText(), /02-报头残缺\.txt/);
    const articles = await browser.$('[data-testid="archive-articles"] summary');
    await articles.click();
    assert.match(await (await browser.$('[data-testid="archive-article"]')).getText(), /溪口镇把茶园管护交给合作社（溪口镇人民政府 供稿）/);

    await fill(browser, "fill-number", "4");
    await fill(browser, "fill-total", "２０２");
    await fill(browser, "fill-date", "2017年5月9日");
    await browser.waitUntil(async () => commitButton.isEnabled(), { timeout: 5000, timeoutMsg: "filled in, the import is offered" });
    assert.match(await commitButton.getText(), /导入所选（3 期）/);
    await screenshot(browser, "archive-import-review");

    await commitButton.click();
    const result = await browser.$('[data-testid="archive-result"]');
    await result.waitForExist({ timeout: 60000, timeoutMsg: "the import did not finish" });
    assert.equal(await (await browser.$('[data-testid="archive-imported-count"]')).getText(), "已导入 3 期");
    const refused = {};
    for (const item of await browser.$$('[data-testid="archive-not-imported"]')) refused[await item.getAttribute("data-file")] = await item.getText();
    assert.deepEqual(Object.keys(refused).sort(), ["04-已入库的一期.pdf", "05-损坏.pdf"], "the duplicate and the bad file are reported");
    await screenshot(browser, "archive-import-result");

    await (await browser.$('[data-testid="close-archive-import"]')).click();
    await (await browser.$('[data-testid="issue-table"]')).waitForExist({ timeout: 10000 });
    const list = [];
    for (const row of await browser.$$('[data-testid="issue-row"]')) list.push((await row.getText()).replace(/\s+/g, " "));
    for (const [label, total] of [["第3期", "总第二百零一期"], ["第4期", "总第二百零二期"], ["第5期", "总第二百零三期"]]) {
      assert.ok(list.some((row) => row.includes(label) && row.includes(total)), `${label}${total} is in the list: ${list.join(" | ")}`);
    }
    assert.equal(list.filter((row) => row.includes("总第七百四十一期")).length, 1, "the duplicate was not imported twice");
    const typed = list.find((row) => row.includes("总第二百零二期"));
    assert.match(typed, /2017年5月9日/, "the typed date is the issue's date");
  } finally {
    await browser.deleteSession().catch(() => {});
  }
});
