// The typed shape of the contract's handlers: one async function per channel of shared/api.ts,
// taking the argument after validation. Each domain module returns its part.
import type { Channel, ParsedArgsOf, ResultOf } from '../../../shared/api';

export type Handlers = { [C in Channel]: (args: ParsedArgsOf<C>) => Promise<ResultOf<C>> };

/** The handlers of a domain's channels, e.g. `DomainHandlers<'review:list' | 'review:item'>`. */
export type DomainHandlers<C extends Channel> = Pick<Handlers, C>;
