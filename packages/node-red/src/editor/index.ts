// Everything the build writes for the editor, as file name → content, from the profiles.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ProviderProfile } from '@switchboard/core';
import { apiNodeHtml } from './api-editor';
import { configNodeHtml } from './config-editor';
import {
  apiNodeHelp,
  callRecordsNodeHelp,
  configNodeHelp,
  notificationsNodeHelp,
  tokenNodeHelp,
} from './help';
import { callRecordsNodeHtml } from './call-records-editor';
import { scriptBlock } from './html';
import { notificationsNodeHtml } from './notifications-editor';
import { EDITOR_STYLE } from './styles';
import { tokenNodeHtml } from './token-editor';

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
  /** `<node file>.html`: registerType blocks and templates. */
  editor: Record<NodeFile, string>;
  /** `locales/en-US/<node file>.html`: help. */
  help: Record<NodeFile, string>;
}

export function editorFiles(profiles: ProviderProfile[]): EditorFiles {
  const client = scriptBlock(readFileSync(join(__dirname, 'client.js'), 'utf8'));
  const shared = EDITOR_STYLE + client;
  return {
    editor: {
      'switchboard-config': shared + profiles.map(configNodeHtml).join('\n'),
      'switchboard-api': shared + profiles.map(apiNodeHtml).join('\n'),
      'switchboard-token': shared + tokenNodeHtml(),
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
  };
}
