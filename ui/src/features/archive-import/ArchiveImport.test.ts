import { flushSync, mount, unmount } from "svelte";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ArchiveChoice, ArchiveEntry, ArchiveProgress } from "../../generated/bindings";
import type { ArchiveImporter } from "../../platform/types";
import ArchiveImport from "./ArchiveImport.svelte";

const ready: ArchiveEntry = {
  file: "01-茶园.txt",
  status: "ready",
  masthead: { supplement: false, number: 3, totalNumber: 201, date: "2017-04-11", editingUnit: "县农业农村局" },
  missing: [],
  articles: [{ title: "溪口镇把茶园管护交给合作社", contributors: ["溪口镇人民政府"], blocks: 2 }],
  hasEditorNote: false,
  problems: [],
};
const lacking: ArchiveEntry = {
  ...ready,
  file: "02-残缺.txt",
  status: "needsInput",
  masthead: { supplement: false, editingUnit: "县农业农村局" },
  missing: ["number", "totalNumber", "date"],
  problems: ["没有找到期号（第N期）、总期号（总第X期）、出刊日期（X年X月X日），需要补充后才能导入"],
};
const broken: ArchiveEntry = { ...ready, file: "03-坏.pdf", status: "failed", masthead: undefined, articles: [], problems: ["“03-坏.pdf”无法读取"] };

let component: ReturnType<typeof mount> | null = null;
afterEach(() => {
  if (component) unmount(component);
  component = null;
  document.body.innerHTML = "";
});

const byTestId = <T extends HTMLElement>(id: string, scope: ParentNode = document) => scope.querySelector<T>(`[data-testid="${id}"]`)!;

function type(element: HTMLInputElement, value: string) {
  element.value = value;
  element.dispatchEvent(new Event("input", { bubbles: true }));
  element.dispatchEvent(new Event("change", { bubbles: true }));
  flushSync();
}

/** An importer whose analysis waits until `finish` is called, reporting progress first. */
function fakeImporter() {
  let finish: () => void = () => {};
  const importChosen = vi.fn(async (_folder: string, choices: ArchiveChoice[]) => ({
    imported: choices.map((choice, index) => ({ file: choice.file, issueId: 10 + index })),
    failed: [],
  }));
  const importer: ArchiveImporter = {
    chooseFolder: vi.fn(async () => "/往期"),
    analyse: (_folder: string, onProgress: (progress: ArchiveProgress) => void) =>
      new Promise((done) => {
        onProgress({ done: 1, total: 3, file: "02-残缺.txt" });
        finish = () => done({ entries: [ready, lacking, broken] });
      }),
    importChosen,
  };
  return { importer, importChosen, finish: () => finish() };
}

describe("导入往期", () => {
  it("shows the progress, then the review list, and imports the chosen files with what was typed", async () => {
    const fake = fakeImporter();
    component = mount(ArchiveImport, { target: document.body, props: { importer: fake.importer, onClose: vi.fn() } });
    flushSync();
    byTestId("choose-archive-folder").click();
    await vi.waitFor(() => {
      flushSync();
      expect(byTestId("archive-progress-count").textContent).toBe("1/3");
    });
    expect(byTestId("archive-progress-file").textContent).toBe("02-残缺.txt");

    fake.finish();
    await vi.waitFor(() => {
      flushSync();
      expect(document.querySelectorAll('[data-testid="archive-row"]')).toHaveLength(3);
    });
    const statuses = Array.from(document.querySelectorAll('[data-testid="archive-status"]')).map((cell) => cell.textContent);
    expect(statuses).toEqual(["可导入", "需补充", "无法读取"]);
    expect(byTestId("archive-counts").textContent).toBe("共 3 个文件：可导入 1，需补充 1，重复 0，无法读取 1");
    expect(document.querySelector('[data-file="03-坏.pdf"] [data-testid="archive-choose"]')).toBeNull();
    const commit = byTestId<HTMLButtonElement>("archive-commit");
    expect(commit.disabled).toBe(true);

    type(byTestId("fill-number"), "4");
    type(byTestId("fill-total"), "202");
    type(byTestId("fill-date"), "2017年5月9日");
    expect(commit.disabled).toBe(false);
    commit.click();
    await vi.waitFor(() => {
      flushSync();
      expect(byTestId("archive-imported-count").textContent).toBe("已导入 2 期");
    });
    expect(fake.importChosen).toHaveBeenCalledWith(
      "/往期",
      [
        { file: "01-茶园.txt", fill: {} },
        { file: "02-残缺.txt", fill: { number: 4, totalNumber: 202, date: "2017-05-09" } },
      ],
      expect.any(Function),
    );
    expect(byTestId("archive-not-imported").textContent).toContain("无法读取");
  });

  it("skips an unticked file without asking for its fields", async () => {
    const fake = fakeImporter();
    component = mount(ArchiveImport, { target: document.body, props: { importer: fake.importer, onClose: vi.fn() } });
    flushSync();
    byTestId("choose-archive-folder").click();
    await vi.waitFor(() => {
      flushSync();
      expect(byTestId("archive-progress-count").textContent).toBe("1/3");
    });
    fake.finish();
    await vi.waitFor(() => {
      flushSync();
      expect(document.querySelectorAll('[data-testid="archive-row"]')).toHaveLength(3);
    });
    const untick = document.querySelector<HTMLInputElement>('[data-file="02-残缺.txt"] [data-testid="archive-choose"]')!;
    untick.click();
    flushSync();
    expect(byTestId<HTMLButtonElement>("archive-commit").disabled).toBe(false);
    expect(byTestId<HTMLButtonElement>("archive-commit").textContent).toContain("导入所选（1 期）");
  });

  it("says where the archive is imported when this window cannot read a folder into the database", () => {
    component = mount(ArchiveImport, { target: document.body, props: { importer: null, onClose: vi.fn() } });
    flushSync();
    expect(byTestId("archive-office-note").textContent).toContain("import-archive");
    expect(document.querySelector('[data-testid="choose-archive-folder"]')).toBeNull();
  });
});
