// The few globals every runtime core serves has (browsers, Node, Deno, workers: the WHATWG Encoding
// standard), declared for the purity check alone (tsconfig.pure.json), which sees no DOM and no Node.
// Anything else a core module wants from its runtime must come in as an argument.
declare class TextEncoder {
  encode(input?: string): Uint8Array;
  encodeInto(source: string, destination: Uint8Array): { read: number; written: number };
}
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: Uint8Array | ArrayBuffer, options?: { stream?: boolean }): string;
}
