import { z } from 'zod';
import type { ContentProblem, Story } from './types.js';
import { schemaProblems, type YamlFile } from './yaml-file.js';

const strings = z
  .array(z.string())
  .nullish()
  .transform((v) => v ?? []);

/** `stories/*.yml` (contentctl story.py, story_tags.py; spec §1.7). */
const StoryYaml = z.looseObject({
  name: z.string().min(1),
  id: z.string().min(1),
  version: z.number().int().min(1),
  date: z.string(),
  author: z.string(),
  description: z.string(),
  narrative: z.string(),
  references: strings,
  tags: z.looseObject({
    category: strings,
    product: strings,
    usecase: z.string().optional(),
    cve: strings,
  }),
});

export interface StoryLoad {
  readonly story: Story | null;
  readonly problems: readonly ContentProblem[];
}

/** A story; its `detections` are filled in once all detections are loaded (linkage is one-way, §1.7). */
export function storyFromYaml(y: YamlFile): StoryLoad {
  const parsed = StoryYaml.safeParse(y.data);
  if (!parsed.success) return { story: null, problems: schemaProblems(y, parsed.error) };
  const s = parsed.data;
  const story: Story = {
    name: s.name,
    id: s.id,
    version: s.version,
    date: s.date,
    author: s.author,
    description: s.description,
    narrative: s.narrative,
    references: s.references,
    category: s.tags.category,
    product: s.tags.product,
    usecase: s.tags.usecase ?? null,
    cve: s.tags.cve,
    detections: [],
    sourceFile: y.file,
  };
  return { story, problems: [] };
}
