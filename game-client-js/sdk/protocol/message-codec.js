/**
 * The shape of one message's codec (client-messages.js, server-messages.js):
 * its tag, and a symmetric write and read of its body.
 * @typedef {object} MessageCodec
 * @property {number} tag the message's tag (PROTOCOL.md "Tags")
 * @property {(w: import('./kryo-writer.js').KryoWriter, f: any) => void} write writes the body of `f`
 * @property {(r: import('./kryo-reader.js').KryoReader) => any} read reads a body into its fields
 */
export {};
