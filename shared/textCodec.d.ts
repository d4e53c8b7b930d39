// The encoding APIs every runtime we target has (browser, worker, Node 20), declared for the
// pure `shared/` layer, whose tsconfig has no DOM or Node types on purpose (docs/architecture.md "TypeScript project references").
interface TextDecoderOptions {
  fatal?: boolean;
  ignoreBOM?: boolean;
}
declare class TextDecoder {
  constructor(label?: string, options?: TextDecoderOptions);
  readonly encoding: string;
  decode(input?: Uint8Array | ArrayBuffer, options?: { stream?: boolean }): string;
}
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
