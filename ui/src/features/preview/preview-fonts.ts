import type { IssuePreview } from "../../generated/bindings";

/** The CSS family under which the preview draws the layout's font `key`. */
export function fontFamily(key: number): string {
  return `jianbao-preview-${key}`;
}

/** Every font key the preview's runs use. */
export function usedFonts(preview: IssuePreview): number[] {
  const keys = new Set<number>();
  for (const page of preview.pages) for (const run of page.runs) keys.add(run.font);
  return [...keys].sort((a, b) => a - b);
}

type FaceList = { add(face: FontFace): unknown };

/** Registers the layout's font files with the page (FontFace API), each once per run of the
 *  app: the preview draws with the very files the PDF embeds. */
export class PreviewFonts {
  private readonly registered = new Map<number, Promise<void>>();

  constructor(
    private readonly fetchFont: (key: number) => Promise<ArrayBuffer>,
    private readonly faces: FaceList,
    private readonly makeFace: (family: string, data: ArrayBuffer) => FontFace = (family, data) =>
      new FontFace(family, data),
  ) {}

  /** Resolves once every font in `keys` can draw; a font that failed is tried again next time. */
  ensure(keys: number[]): Promise<void> {
    return Promise.all(keys.map((key) => this.register(key))).then(() => {});
  }

  private register(key: number): Promise<void> {
    const known = this.registered.get(key);
    if (known) return known;
    const loading = this.fetchFont(key)
      .then((data) => this.makeFace(fontFamily(key), data).load())
      .then((face) => void this.faces.add(face))
      .catch((error: unknown) => {
        this.registered.delete(key);
        throw error;
      });
    this.registered.set(key, loading);
    return loading;
  }
}
