// Everything the build writes for the editor, as file name → content, from the profiles.
import type { ProviderProfile } from '@switchboard/core';
import { apiNodeHtml } from './api-editor';
import { apiCatalogue, configCatalogue, staticCatalogue } from './catalogue';
import type { Catalogue } from './catalogue';
import { configNodeHtml } from './config-editor';
import {
  apiNodeHelp,
  callRecordsNodeHelp,
  configNodeHelp,
  notificationsNodeHelp,
  tokenNodeHelp,
} from './help';
import { callRecordsNodeHtml } from './call-records-editor';
import { editorScriptTag } from './html';
import { notificationsNodeHtml } from './notifications-editor';
import { EDITOR_STYLE } from './styles';
import { tokenNodeHtml } from './token-editor';

export type { Catalogue } from './catalogue';

/** The node files of the package (package.json `node-red.nodes`) and the runtime function each calls. */
export const NODE_FILES = {
  'switchboard-config': 'registerConfigNodes',
  'switchboard-api': 'registerApiNodes',
  'switchboard-token': 'registerTokenNode',
  'switchboard-mitel-notifications': 'registerMitelNotificationsNode',
  'switchboard-mitel-call-records': 'registerMitelCallRecordsNode',
} as const;

export type NodeFile = keyof typeof NODE_FILES;

export interface EditorFiles {
  /** `<node file>.html`: the editor bundle's script tag, registerType blocks and templates. */
  editor: Record<NodeFile, string>;
  /** `locales/en-US/<node file>.html`: help. */
  help: Record<NodeFile, string>;
  /** `locales/en-US/<node file>.json`: every text of the dialogs and labels. */
  catalogue: Record<NodeFile, Catalogue>;
}

/** Node files whose catalogue has provider texts; the others have only their fixed texts. */
function providerCatalogues(
  profiles: readonly ProviderProfile[],
): Partial<Record<NodeFile, Catalogue>> {
  return {
    'switchboard-config': configCatalogue(profiles),
    'switchboard-api': apiCatalogue(profiles),
  };
}

export function editorFiles(profiles: readonly ProviderProfile[]): EditorFiles {
  const shared = EDITOR_STYLE + editorScriptTag();
  const generated = providerCatalogues(profiles);
  const files = Object.keys(NODE_FILES) as NodeFile[];
  const catalogue = Object.fromEntries(
    files.map((file) => [file, generated[file] ?? staticCatalogue(file)]),
  ) as Record<NodeFile, Catalogue>;
  return {
    editor: {
      'switchboard-config': shared + profiles.map(configNodeHtml).join('\n'),
      'switchboard-api': shared + profiles.map(apiNodeHtml).join('\n'),
      'switchboard-token': shared + tokenNodeHtml(profiles),
      'switchboard-mitel-notifications': shared + notificationsNodeHtml(),
      'switchboard-mitel-call-records': shared + callRecordsNodeHtml(),
    },
    help: {
      'switchboard-config': profiles.map(configNodeHelp).join('\n'),
      'switchboard-api': profiles.map(apiNodeHelp).join('\n'),
      'switchboard-token': tokenNodeHelp(),
      'switchboard-mitel-notifications': notificationsNodeHelp(),
      'switchboard-mitel-call-records': callRecordsNodeHelp(),
    },
    catalogue,
  };
}
