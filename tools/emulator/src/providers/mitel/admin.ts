import type { Router } from '../../http/router';
import type { MitelContext } from './context';

export function mountAdmin(_router: Router, _ctx: MitelContext): void {}
