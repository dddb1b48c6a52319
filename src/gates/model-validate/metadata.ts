import { loadConfigFile } from '../../core/config.js';
import { loadSchema } from '../../core/schema-files.js';

/** What the model card says about the model beyond its metrics (the metadata file, snake_case keys in YAML). */
export interface ModelMetadata {
  name: string;
  version: string;
  /** As written, preferably an ISO 8601 date. */
  trainingDate: string;
  dataset: { name: string; size: number | string; url?: string };
  owners: { name: string; contact?: string }[];
  intendedUse: string;
  limitations: string[];
  description?: string;
  license?: string;
  parameters?: Record<string, unknown>;
  ethicalConsiderations?: string[];
  tags?: string[];
}

/** The file as validated by schemas/model-metadata.schema.json. */
interface RawMetadata {
  name: string;
  version: string | number;
  training_date: string;
  dataset: { name: string; size: number | string; url?: string };
  owners: { name: string; contact?: string }[];
  intended_use: string;
  limitations: string[];
  description?: string;
  license?: string;
  parameters?: Record<string, unknown>;
  ethical_considerations?: string[];
  tags?: string[];
}

/** Reads a model metadata file (YAML or JSON), validated against schemas/model-metadata.schema.json. */
export async function loadModelMetadata(file: string, displayPath?: string): Promise<ModelMetadata> {
  const { value: raw } = await loadConfigFile<RawMetadata>(file, loadSchema('model-metadata.schema.json'), displayPath === undefined ? {} : { displayPath });
  const out: ModelMetadata = {
    name: raw.name,
    version: String(raw.version),
    trainingDate: raw.training_date,
    dataset: { name: raw.dataset.name, size: raw.dataset.size, ...(raw.dataset.url === undefined ? {} : { url: raw.dataset.url }) },
    owners: raw.owners.map((o) => ({ name: o.name, ...(o.contact === undefined ? {} : { contact: o.contact }) })),
    intendedUse: raw.intended_use,
    limitations: [...raw.limitations],
  };
  if (raw.description !== undefined) out.description = raw.description;
  if (raw.license !== undefined) out.license = raw.license;
  if (raw.parameters !== undefined) out.parameters = raw.parameters;
  if (raw.ethical_considerations !== undefined) out.ethicalConsiderations = [...raw.ethical_considerations];
  if (raw.tags !== undefined) out.tags = [...raw.tags];
  return out;
}
