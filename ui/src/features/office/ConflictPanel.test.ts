import { flushSync, mount, unmount } from "svelte";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Article } from "../../generated/bindings";
import ConflictPanel from "./ConflictPanel.svelte";

const mine: Article = { title: ["我的标题"], body: [{ type: "paragraph", content: [{ text: "我改过的段落" }] }] };
const latest: Article = { title: ["别人的标题"], body: [{ type: "paragraph", content: [{ text: "别人保存的段落" }] }] };

let component: ReturnType<typeof mount> | null = null;
afterEach(() => {
  if (component) unmount(component);
  component = null;
  document.body.innerHTML = "";
});

function show(props: { latest: Article | null; onLoadLatest?: () => void }) {
  component = mount(ConflictPanel, {
    target: document.body,
    props: { mine, message: "这篇文章已被汤建保存了新的版本", onLoadLatest: vi.fn(), ...props },
  });
  flushSync();
}

const byTestId = (id: string) => document.querySelector<HTMLElement>(`[data-testid="${id}"]`)!;

describe("the conflict panel", () => {
  it("shows the newer version beside the user's text and the server's reason", () => {
    show({ latest });
    expect(byTestId("conflict").textContent).toContain("这篇文章已被汤建保存了新的版本");
    expect(byTestId("conflict-latest").textContent).toBe("别人的标题\n别人保存的段落");
    expect(byTestId("conflict-mine").textContent).toBe("我的标题\n我改过的段落");
  });

  it("copies the user's text to the clipboard", async () => {
    const writeText = vi.fn(async () => {});
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    show({ latest });
    byTestId("conflict-copy").click();
    await vi.waitFor(() => {
      flushSync();
      expect(byTestId("conflict").textContent).toContain("已复制到剪贴板");
    });
    expect(writeText).toHaveBeenCalledWith("我的标题\n我改过的段落");
  });

  it("loads the newer version only once it has arrived", () => {
    const onLoadLatest = vi.fn();
    show({ latest: null, onLoadLatest });
    expect((byTestId("conflict-load-latest") as HTMLButtonElement).disabled).toBe(true);
    expect(byTestId("conflict-latest").textContent).toBe("正在读取…");
  });

  it("hands the choice of the newer version to the editor", () => {
    const onLoadLatest = vi.fn();
    show({ latest, onLoadLatest });
    byTestId("conflict-load-latest").click();
    expect(onLoadLatest).toHaveBeenCalledTimes(1);
  });
});
