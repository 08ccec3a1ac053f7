export {
  type AttackData,
  attackData,
  isKnownTechnique,
  killChainPhases,
  parseAttack,
  type Tactic,
  tacticsOf,
  techniqueTactics,
} from './attack.js';
export { DEFAULT_DEPLOYMENTS } from './deployment.js';
export { detectionFromYaml, filterMacroName, ruleNameOf } from './detection.js';
export { enableDetections, unknownSelectors } from './enable.js';
export { type Content, type LoadOptions, loadContent } from './load.js';
export { macroFromYaml, macroKey, macroLookup } from './macros.js';
export { applyMacroStanzas, type MacroStanza, parseMacrosConf } from './macros-conf.js';
export { bundledContentDir } from './paths.js';
export { mapObservable, oldFormRiskScore, severityOf } from './risk.js';
export { storyFromYaml } from './stories.js';
export type * from './types.js';
export { parseYamlFile, type YamlFile } from './yaml-file.js';
