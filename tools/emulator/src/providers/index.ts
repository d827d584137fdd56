// THE list of emulated providers. A new provider is its module folder (with a `provider.ts`
// declaring its `ProviderDefinition`) plus one line here; names, routing, lifetimes, the control
// API, the CLI and the test fixtures all derive from this list.
import { brightPattern } from './bright-pattern/provider';
import { dell } from './dell/provider';
import { generic } from './generic/provider';
import { mitel } from './mitel/provider';
import { sangoma } from './sangoma/provider';
import { zoomPhone } from './zoom-phone/provider';

export const providerModules = [mitel, dell, brightPattern, sangoma, generic, zoomPhone] as const;
