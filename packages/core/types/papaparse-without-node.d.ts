// The part of papaparse's API core uses, for the purity check alone (tsconfig.pure.json): @types/papaparse
// references Node's types for its stream overloads, which would let Node globals into core unnoticed.
// The real types (@types/papaparse) still check the same code in tsconfig.node.json and apps/web.
declare namespace Papa {
  interface ParseConfig {
    delimiter?: string;
    newline?: string;
    preview?: number;
    skipEmptyLines?: boolean | 'greedy';
  }
  interface ParseResult<T> {
    data: T[];
    errors: { code: string; message: string; row?: number }[];
  }
  interface UnparseConfig {
    newline?: string;
    escapeFormulae?: boolean;
  }
  class Parser {
    constructor(config: ParseConfig);
    parse(input: string, baseIndex: number, ignoreLastRow: boolean): unknown;
  }
  function parse<T>(input: string, config: ParseConfig): ParseResult<T>;
  function unparse(input: { fields: string[]; data: unknown[][] }, config?: UnparseConfig): string;
}
export default Papa;
