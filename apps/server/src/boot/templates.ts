import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

export interface FlowTemplate {
  id: string;
  name: string;
  description: string;
  document: unknown;
}

/** The example flows, offered in the app as "New from template". */
export async function loadTemplates(directory: string): Promise<FlowTemplate[]> {
  const files = (await readdir(directory).catch(() => [])).filter((f) => f.endsWith(".json")).sort();
  const templates: FlowTemplate[] = [];
  for (const file of files) {
    const document = JSON.parse(await readFile(path.join(directory, file), "utf8")) as { name?: string; description?: string };
    templates.push({ id: file.replace(/\.json$/, ""), name: document.name ?? file, description: document.description ?? "", document });
  }
  return templates;
}
