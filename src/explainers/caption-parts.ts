// Caption text that names a tensor: the run carries the tensor's id and kind, so it takes its colour.

import type { CaptionPart } from "../engine/scene-types.js";
import type { Kind } from "../layout/themes.js";

export const tensorPart = (id: string, kind: Kind, text = id): CaptionPart => ({ text, tensor: id, kind });
